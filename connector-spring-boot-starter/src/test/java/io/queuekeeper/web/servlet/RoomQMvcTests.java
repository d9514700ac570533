package io.queuekeeper.web.servlet;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.queuekeeper.boot.autoconfigure.QueueItAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.RoomQAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.web.servlet.QueueItWebMvcAutoConfiguration;
import io.queuekeeper.core.ValidationResult;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueProtected;
import io.queuekeeper.web.RoomQFixtures;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.queuekeeper.web.RoomQFixtures.COOKIE;
import static io.queuekeeper.web.RoomQFixtures.E4;
import static io.queuekeeper.web.RoomQFixtures.ISSUER;
import static io.queuekeeper.web.RoomQFixtures.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The Spring MVC adapter with {@code queueit.provider=roomq}: the same interceptor,
 * annotation and failure policy as with Queue-it, deciding through RoomQ tickets.
 */
class RoomQMvcTests {

	private final WebApplicationContextRunner base = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RoomQAutoConfiguration.class, QueueItAutoConfiguration.class,
				QueueItWebMvcAutoConfiguration.class, WebMvcAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class))
		.withPropertyValues(RoomQFixtures.PROPERTIES)
		.withBean(ShopController.class);

	private final WebApplicationContextRunner runner = this.base.withBean(Clock.class, RoomQFixtures::clock);

	@Test
	void getWhenNoTicketThenRedirectsToIssuerWithTicketRoomAndReturnUrl() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/item").queryParam("lang", "en"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			String location = response.getHeader("Location");
			assertThat(location).startsWith(ISSUER + "?noq_t=eyJ")
				.contains("&noq_c=" + ROOM + "&noq_r=http%3A%2F%2Flocalhost%2Fitem%3Flang%3Den");
			assertThat(location.indexOf("noq_t")).isLessThan(location.indexOf("noq_c"));
			assertNoCache(response);
			assertThat(response.getHeader("Set-Cookie")).startsWith(COOKIE + "=eyJ").contains("Path=/");
			assertThat(context.getBean(ShopController.class).calls).isZero();
		});
	}

	@Test
	void getWhenReturningWithServingTicketThenStripsItAndSetsCookieWithRootPath() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/item").queryParam("lang", "en").queryParam("noq_t", E4))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).isEqualTo("http://localhost/item?lang=en");
			assertThat(response.getHeader("Set-Cookie")).startsWith(COOKIE + "=" + E4 + ";")
				.contains("Path=/")
				.contains("HttpOnly")
				.contains("SameSite=Lax");
			assertNoCache(response);
			assertThat(context.getBean(ShopController.class).calls).isZero();
		});
	}

	@Test
	void getWhenCookieHoldsServingTicketThenHandlerRunsWithTheDecision() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/item").cookie(new Cookie(COOKIE, E4)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("item for " + ROOM + " serving");
			assertThat(response.getHeader("Set-Cookie")).startsWith(COOKIE + "=" + E4 + ";");
			assertThat(context.getBean(ShopController.class).calls).isOne();
		});
	}

	@Test
	void getWhenCookieTicketIsTamperedThenRedirectsToIssuer() {
		String tampered = E4.substring(0, E4.length() - 2) + (E4.endsWith("yM") ? "yN" : "yM");
		assertQueued(tampered);
	}

	@Test
	void getWhenCookieTicketIsPastItsDeadlineThenRedirectsToIssuerWithTheSameTicket() {
		String expired = RoomQFixtures.ticket(ROOM, "serving", RoomQFixtures.NOW - 1);
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/item").cookie(new Cookie(COOKIE, expired)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).startsWith(ISSUER + "?noq_t=" + expired + "&noq_c=");
		});
	}

	@Test
	void getWhenCookieTicketIsForAnotherRoomThenRedirectsToIssuer() {
		assertQueued(RoomQFixtures.ticket("other-room", "serving", RoomQFixtures.DEADLINE));
	}

	@Test
	void getWhenCookieTicketIsSignedWithAnotherSecretThenRedirectsToIssuer() {
		assertQueued(RoomQFixtures.ticket("{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"type\":\"serving\"}",
				"another-secret"));
	}

	@Test
	void getWhenCraftedTicketInUrlThenValidCookieStillAdmits() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/item").queryParam("noq_t", "garbage").cookie(new Cookie(COOKIE, E4)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).isEqualTo("http://localhost/item");
			assertThat(response.getHeader("Set-Cookie")).startsWith(COOKIE + "=" + E4 + ";");
		});
	}

	@Test
	void getWhenHandlerIsNotAnnotatedThenRoomQDoesNotDecide() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/open"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader("Set-Cookie")).isNull();
			assertThat(response.getHeader(ProtectionSettings.FAILED_HEADER)).isNull();
		});
	}

	@Test
	void getWhenEngineFailsAndPolicyIsDenyThenAnswers503WithoutCaching() {
		this.base.withBean(Clock.class, RoomQFixtures::brokenClock)
			.withPropertyValues("queueit.failure-policy=deny")
			.run((context) -> {
				MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
					.perform(get("/item"))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).isEqualTo(503);
				assertThat(response.getHeader(ProtectionSettings.FAILED_HEADER)).isEqualTo("true");
				assertThat(response.getHeader("Cache-Control")).contains("no-store");
				assertThat(context.getBean(ShopController.class).calls).isZero();
			});
	}

	@Test
	void getWhenEngineFailsAndPolicyIsAllowThenHandlerRuns() {
		this.base.withBean(Clock.class, RoomQFixtures::brokenClock)
			.withPropertyValues("queueit.failure-policy=allow")
			.run((context) -> {
				MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
					.perform(get("/open-item"))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(response.getHeader(ProtectionSettings.FAILED_HEADER)).isEqualTo("true");
			});
	}

	@Test
	void getWhenCancelWithServingTicketThenReplacesCookieAndLeavesRemotelyWithoutWaiting() throws Exception {
		try (RoomQFixtures.Backend backend = new RoomQFixtures.Backend()) {
			this.runner.withPropertyValues(backend.properties()).run((context) -> {
				MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
					.perform(get("/leave").cookie(new Cookie(COOKIE, E4)))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(response.getContentAsString()).isEqualTo("left");
				assertThat(response.getHeader("Set-Cookie")).startsWith(COOKIE + "=eyJ")
					.doesNotStartWith(COOKIE + "=" + E4);
				String posted = backend.posts.poll(5, TimeUnit.SECONDS);
				assertThat(posted).contains("\"action\":\"delete_serving\"")
					.contains("\"client_id\":\"" + ROOM + "\"")
					.contains("\"id\":\"" + E4 + "\"");
			});
		}
	}

	@Test
	void getWhenCancelWithoutTicketThenNothingIsSentToRoomQ() throws Exception {
		try (RoomQFixtures.Backend backend = new RoomQFixtures.Backend()) {
			this.runner.withPropertyValues(backend.properties()).run((context) -> {
				MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
					.perform(get("/leave"))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(backend.posts.poll(300, TimeUnit.MILLISECONDS)).isNull();
			});
		}
	}

	@Test
	void startWhenAnnotationNamesAnotherRoomThenFailsNamingTheRoom() {
		this.runner.withBean(GhostController.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("uses event 'ghost'")
				.hasStackTraceContaining("[" + ROOM + "]"));
	}

	private void assertQueued(String cookieTicket) {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/item").cookie(new Cookie(COOKIE, cookieTicket)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).startsWith(ISSUER + "?noq_t=eyJ").doesNotContain(cookieTicket);
			assertNoCache(response);
			assertThat(context.getBean(ShopController.class).calls).isZero();
		});
	}

	private static void assertNoCache(MockHttpServletResponse response) {
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache, no-store, must-revalidate, max-age=0");
		assertThat(response.getHeader("Pragma")).isEqualTo("no-cache");
		assertThat(response.getHeader("Expires")).isEqualTo("Fri, 01 Jan 1990 00:00:00 GMT");
	}

	@RestController
	static class ShopController {

		int calls;

		@QueueProtected(ROOM)
		@GetMapping("/item")
		String item(ValidationResult result) {
			this.calls++;
			return "item for " + result.eventId() + " " + result.redirectType();
		}

		@QueueProtected(ROOM)
		@GetMapping("/open-item")
		String openItem() {
			this.calls++;
			return "open item";
		}

		@QueueProtected(event = ROOM, action = QueueProtected.Action.CANCEL)
		@GetMapping("/leave")
		String leave() {
			return "left";
		}

		@GetMapping("/open")
		String open() {
			return "open";
		}

	}

	@RestController
	static class GhostController {

		@QueueProtected("ghost")
		@GetMapping("/ghost")
		String ghost() {
			return "ghost";
		}

	}

}
