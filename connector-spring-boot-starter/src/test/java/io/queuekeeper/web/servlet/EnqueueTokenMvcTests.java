package io.queuekeeper.web.servlet;

import java.time.Instant;
import java.util.Map;

import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.enqueue.EnqueueToken;
import io.queuekeeper.core.enqueue.EnqueueTokenCodec;
import io.queuekeeper.core.enqueue.EnqueueTokenExpectation;
import io.queuekeeper.core.enqueue.EnqueueTokenPayload;
import io.queuekeeper.core.enqueue.EnqueueTokenVerification;
import io.queuekeeper.web.EnqueueTokenCustomizer;
import io.queuekeeper.web.QueueProtected;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.queuekeeper.web.servlet.QueueItFixtures.CUSTOMER_ID;
import static io.queuekeeper.web.servlet.QueueItFixtures.NOW;
import static io.queuekeeper.web.servlet.QueueItFixtures.SECRET_KEY;
import static io.queuekeeper.web.servlet.QueueItFixtures.cookieName;
import static io.queuekeeper.web.servlet.QueueItFixtures.cookieValue;
import static io.queuekeeper.web.servlet.QueueItFixtures.encode;
import static io.queuekeeper.web.servlet.QueueItFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Enqueue tokens in Spring MVC queue redirects (spec 10.4), for handlers protected by the
 * integration config and by {@link QueueProtected}, with {@code queueit.enqueue-token.*},
 * per-event overrides and {@link EnqueueTokenCustomizer} beans.
 */
class EnqueueTokenMvcTests {

	private static final String VERSION = "&ver=" + QueueConnector.SDK_VERSION;

	private static final String SHOP_PREFIX = "https://ticketania.queue-it.net/?c=ticketania&e=summersale" + VERSION
			+ "&cver=3&man=Summer%20Sale&cid=en-US";

	private static final String DROP_PREFIX = "https://drops.queue-it.net/?c=ticketania&e=drop" + VERSION
			+ "&cver=-1&man=unspecified";

	private static final Instant NOW_INSTANT = Instant.ofEpochSecond(NOW);

	private final EnqueueTokenCodec codec = new EnqueueTokenCodec(SECRET_KEY);

	private final WebApplicationContextRunner shop = QueueItFixtures.mvcRunner()
		.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json")
		.withBean(ShopController.class);

	private final WebApplicationContextRunner drops = QueueItFixtures.mvcRunner()
		.withPropertyValues("queueit.events.drop.queue-domain=drops.queue-it.net")
		.withBean(DropController.class);

	private static MockHttpServletResponse perform(AssertableWebApplicationContext context,
			MockHttpServletRequestBuilder request) throws Exception {
		return QueueItFixtures.mockMvc(context).perform(request).andReturn().getResponse();
	}

	private static String location(MockHttpServletResponse response) {
		assertThat(response.getStatus()).isEqualTo(302);
		String location = response.getHeader("Location");
		assertThat(location).isNotNull();
		return location;
	}

	/**
	 * The token between {@code &enqueuetoken=} and the next {@code &}, or {@code null}.
	 */
	private static @Nullable String tokenIn(String url) {
		int start = url.indexOf("&enqueuetoken=");
		if (start < 0) {
			return null;
		}
		int end = url.indexOf('&', start + 1);
		return url.substring(start + "&enqueuetoken=".length(), (end < 0) ? url.length() : end);
	}

	private EnqueueToken verified(String url, String eventId) {
		String token = tokenIn(url);
		assertThat(token).isNotNull();
		EnqueueTokenVerification verification = this.codec.verify(token,
				EnqueueTokenExpectation.of(CUSTOMER_ID, eventId), NOW_INSTANT);
		assertThat(verification.error()).isNull();
		return verification.token();
	}

	@Test
	void getWhenEnabledGloballyThenIntegrationConfigQueueRedirectCarriesTheTokenBeforeT() {
		this.shop.withPropertyValues("queueit.enqueue-token.enabled=true").run((context) -> {
			String location = location(perform(context, get("/products/42?color=red")));
			String token = tokenIn(location);
			assertThat(location).isEqualTo(
					SHOP_PREFIX + "&enqueuetoken=" + token + "&t=" + encode("http://localhost/products/42?color=red"));
			EnqueueToken claims = verified(location, "summersale");
			assertThat(claims.issuedAt()).isEqualTo(NOW_INSTANT);
			assertThat(claims.expiresAt()).isEqualTo(NOW_INSTANT.plusSeconds(240));
			assertThat(claims.ipAddress()).isNull();
			assertThat(claims.payload().key()).matches("[0-9a-f-]{36}");
			assertThat(claims.payload().origin()).isEqualTo(EnqueueTokenPayload.ORIGIN_CONNECTOR);
		});
	}

	@Test
	void getWhenEnqueueTokensAreNotEnabledThenQueueRedirectHasNone() {
		this.shop.run((context) -> {
			String location = location(perform(context, get("/products/42")));
			assertThat(location).isEqualTo(SHOP_PREFIX + "&t=" + encode("http://localhost/products/42"));
		});
	}

	@Test
	void getWhenOnlyAnIntegrationConfigEventIsTunedThenItsOverrideApplies() {
		this.shop
			.withPropertyValues("queueit.events.summersale.enqueue-token.enabled=true",
					"queueit.events.summersale.enqueue-token.validity=60",
					"queueit.events.summersale.enqueue-token.key=false",
					"queueit.events.summersale.enqueue-token.ip-binding=true")
			.run((context) -> {
				String location = location(perform(context, get("/products/42").with((request) -> {
					request.setRemoteAddr("203.0.113.7");
					return request;
				})));
				EnqueueToken claims = verified(location, "summersale");
				assertThat(claims.expiresAt()).isEqualTo(NOW_INSTANT.plusSeconds(60));
				assertThat(claims.ipAddress()).isEqualTo("203.0.113.7");
				assertThat(claims.payload().key()).isNull();
				assertThat(this.codec.verify(tokenIn(location),
						EnqueueTokenExpectation.of(CUSTOMER_ID, "summersale").withIpAddress("203.0.113.8"), NOW_INSTANT)
					.valid()).isFalse();
			});
	}

	@Test
	void getWhenTheEventSwitchesOffWhatIsOnGloballyThenQueueRedirectHasNone() {
		this.shop
			.withPropertyValues("queueit.enqueue-token.enabled=true",
					"queueit.events.summersale.enqueue-token.enabled=false")
			.run((context) -> assertThat(location(perform(context, get("/products/42"))))
				.doesNotContain("enqueuetoken"));
	}

	@Test
	void getWhenTheQueueItTokenIsInvalidThenTheErrorRedirectHasNoEnqueueToken() {
		this.shop.withPropertyValues("queueit.enqueue-token.enabled=true").run((context) -> {
			String location = location(
					perform(context, get("/products/42").queryParam("queueittoken", token("summersale", NOW - 1))));
			assertThat(location).startsWith("https://ticketania.queue-it.net/error/timestamp/?")
				.doesNotContain("enqueuetoken");
		});
	}

	@Test
	void getWhenTheIntegrationCancelsThenTheCancelRedirectHasNoEnqueueToken() {
		this.shop.withPropertyValues("queueit.enqueue-token.enabled=true").run((context) -> {
			String location = location(perform(context,
					get("/logout").cookie(new Cookie(cookieName("summersale"), cookieValue("summersale", NOW - 60)))));
			assertThat(location).startsWith("https://ticketania.queue-it.net/cancel/ticketania/summersale/")
				.doesNotContain("enqueuetoken");
		});
	}

	@Test
	void getWhenQueueProtectedEventIsEnabledThenItsRedirectCarriesTheTokenBeforeT() {
		this.drops.withPropertyValues("queueit.events.drop.enqueue-token.enabled=true").run((context) -> {
			String location = location(perform(context, get("/drop/now")));
			assertThat(location).isEqualTo(
					DROP_PREFIX + "&enqueuetoken=" + tokenIn(location) + "&t=" + encode("http://localhost/drop/now"));
			assertThat(verified(location, "drop").eventId()).isEqualTo("drop");
		});
	}

	@Test
	void getWhenQueueProtectedCancelsThenTheCancelRedirectHasNoEnqueueToken() {
		this.drops.withPropertyValues("queueit.enqueue-token.enabled=true").run((context) -> {
			String location = location(perform(context,
					get("/drop/leave").cookie(new Cookie(cookieName("drop"), cookieValue("drop", NOW - 60)))));
			assertThat(location).startsWith("https://drops.queue-it.net/cancel/ticketania/drop/")
				.doesNotContain("enqueuetoken");
		});
	}

	@Test
	void getWhenCustomizersAreDefinedThenTheyRunInOrderAndSeeThePrincipal() {
		this.drops.withPropertyValues("queueit.enqueue-token.enabled=true")
			.withBean("member", EnqueueTokenCustomizer.class, MemberCustomizer::new)
			.withBean("tier", EnqueueTokenCustomizer.class, TierCustomizer::new)
			.run((context) -> {
				String signedIn = location(perform(context, get("/drop/now").principal(() -> "alice \"A\" \u00e9")));
				EnqueueToken claims = verified(signedIn, "drop");
				assertThat(claims.payload()).isEqualTo(new EnqueueTokenPayload("alice \"A\" \u00e9", 0.9,
						Map.of("tier", "gold \\ \"vip\""), EnqueueTokenPayload.ORIGIN_INVITE_ONLY));
				String anonymous = location(perform(context, get("/drop/now")));
				EnqueueToken anonymousClaims = verified(anonymous, "drop");
				assertThat(anonymousClaims.payload().key()).matches("[0-9a-f-]{36}");
				assertThat(anonymousClaims.payload().customData()).containsExactly(Map.entry("tier", "none"));
				assertThat(anonymousClaims.payload().origin()).isEqualTo(EnqueueTokenPayload.ORIGIN_CONNECTOR);
				assertThat(this.codec
					.verify(tokenIn(signedIn), EnqueueTokenExpectation.of(CUSTOMER_ID, "drop").withKey("alice"),
							NOW_INSTANT)
					.valid()).isFalse();
			});
	}

	@Test
	void startWhenGlobalValidityIsBelowThirtySecondsThenFailsNamingTheProperty() {
		this.drops.withPropertyValues("queueit.enqueue-token.enabled=true", "queueit.enqueue-token.validity=29s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("queueit.enqueue-token.validity must be at least 30s")
					.hasMessageContaining("PT29S");
			});
	}

	@Test
	void startWhenAnEventValidityIsBelowThirtySecondsThenFailsNamingTheProperty() {
		this.drops.withPropertyValues("queueit.events.drop.enqueue-token.validity=10").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("queueit.events.drop.enqueue-token.validity must be at least 30s");
		});
	}

	@Test
	void startWhenValidityIsExactlyThirtySecondsThenTokensLastThirtySeconds() {
		this.drops.withPropertyValues("queueit.enqueue-token.enabled=true", "queueit.enqueue-token.validity=30s")
			.run((context) -> {
				EnqueueToken claims = verified(location(perform(context, get("/drop/now"))), "drop");
				assertThat(claims.expiresAt()).isEqualTo(NOW_INSTANT.plusSeconds(30));
			});
	}

	@RestController
	static class ShopController {

		@GetMapping({ "/products/{id}", "/logout" })
		String product() {
			return "product";
		}

	}

	@RestController
	static class DropController {

		@QueueProtected("drop")
		@GetMapping("/drop/now")
		String now() {
			return "now";
		}

		@QueueProtected(event = "drop", action = QueueProtected.Action.CANCEL)
		@GetMapping("/drop/leave")
		String leave() {
			return "left";
		}

	}

	@Order(1)
	static class MemberCustomizer implements EnqueueTokenCustomizer {

		@Override
		public void customize(io.queuekeeper.core.enqueue.EnqueueTokenRequest token) {
			if (token.principal() != null) {
				token.key(token.principal().getName())
					.customData("tier", "member")
					.origin(EnqueueTokenPayload.ORIGIN_INVITE_ONLY);
			}
		}

	}

	@Order(2)
	static class TierCustomizer implements EnqueueTokenCustomizer {

		@Override
		public void customize(io.queuekeeper.core.enqueue.EnqueueTokenRequest token) {
			if (token.customData().containsKey("tier")) {
				token.customData("tier", "gold \\ \"vip\"").relativeQuality(0.9);
			}
			else {
				token.customData("tier", "none");
			}
		}

	}

}
