package io.queuekeeper.sample;

import java.security.Principal;

import io.queuekeeper.core.enqueue.EnqueueTokenRequest;
import io.queuekeeper.web.EnqueueTokenCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Makes the drop invite-only for signed-in members. Every page stays open to everyone;
 * signing in only changes the enqueue token that the drop's queue redirect carries: a
 * member's token is keyed with their user name, an anonymous visitor's has no key, and
 * the waiting room admits keyed tokens only.
 *
 * <p>
 * The one member, {@code member} with password {@code member}, is for the demo only.
 */
@Configuration(proxyBeanMethods = false)
class MemberInvitations {

	static final String DROP_EVENT = "drop";

	@Bean
	SecurityFilterChain shopSecurity(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.formLogin(Customizer.withDefaults())
			.logout(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService members() {
		return new InMemoryUserDetailsManager(
				User.withUsername("member").password("{noop}member").roles("MEMBER").build());
	}

	@Bean
	EnqueueTokenCustomizer inviteMembersToTheDrop() {
		return MemberInvitations::invite;
	}

	static void invite(EnqueueTokenRequest token) {
		Principal member = token.principal();
		if (DROP_EVENT.equals(token.eventId()) && member != null) {
			token.key(member.getName());
		}
	}

}
