package io.queuekeeper.web.servlet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueProtected;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.annotation.AliasFor;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.queuekeeper.web.servlet.QueueItFixtures.NOW;
import static io.queuekeeper.web.servlet.QueueItFixtures.QUEUE_ID;
import static io.queuekeeper.web.servlet.QueueItFixtures.cookieName;
import static io.queuekeeper.web.servlet.QueueItFixtures.cookieValue;
import static io.queuekeeper.web.servlet.QueueItFixtures.encode;
import static io.queuekeeper.web.servlet.QueueItFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Handlers protected in code with {@link QueueProtected} and settings from
 * {@code queueit.events.<id>}.
 */
class QueueProtectedMvcTests {

	private static final String LOCAL = "&ver=" + QueueConnector.SDK_VERSION + "&cver=-1&man=unspecified";

	private final WebApplicationContextRunner runner = QueueItFixtures.mvcRunner()
		.withPropertyValues("queueit.events.drop.queue-domain=drops.queue-it.net",
				"queueit.events.vip.queue-domain=vip.queue-it.net", "queueit.events.vip.culture=da-DK",
				"queueit.events.vip.layout-name=Dark Mode", "queueit.events.vip.cookie-validity=5m")
		.withBean(DropController.class)
		.withBean(MetaController.class)
		.withBean(OpenController.class);

	@Test
	void getWhenClassIsAnnotatedThenQueuesForTheClassEvent() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/drop/list"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).isEqualTo("https://drops.queue-it.net/?c=ticketania&e=drop"
					+ LOCAL + "&t=" + encode("http://localhost/drop/list"));
			assertThat(context.getBean(DropController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenMethodAndClassAreAnnotatedThenMethodEventWins() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/drop/vip"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).isEqualTo("https://vip.queue-it.net/?c=ticketania&e=vip" + LOCAL
					+ "&cid=da-DK&l=Dark%20Mode&t=" + encode("http://localhost/drop/vip"));
		});
	}

	@Test
	void getWhenClassSessionIsValidButMethodNamesAnotherEventThenStillQueues() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/drop/vip").cookie(new Cookie(cookieName("drop"), cookieValue("drop", NOW))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).startsWith("https://vip.queue-it.net/");
		});
	}

	@Test
	void getWhenUsedAsMetaAnnotationThenQueuesForItsEvent() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/meta/vip"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).startsWith("https://vip.queue-it.net/?c=ticketania&e=vip&");
			assertThat(context.getBean(MetaController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenClassCarriesAMetaAnnotationThenQueuesForItsEvent() {
		this.runner.withBean(DropAreaController.class).run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/area"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).startsWith("https://drops.queue-it.net/?c=ticketania&e=drop&");
		});
	}

	@Test
	void getWhenControllersInheritTheSameHandlerMethodThenEachUsesItsOwnClassAnnotation() {
		this.runner.withBean(OpenShelf.class).withBean(DropShelf.class).withBean(VipShelf.class).run((context) -> {
			MockMvc mvc = QueueItFixtures.mockMvc(context);
			MockHttpServletResponse open = mvc.perform(get("/shelf/open/items")).andReturn().getResponse();
			assertThat(open.getStatus()).isEqualTo(200);
			assertThat(open.getContentAsString()).isEqualTo("items");
			MockHttpServletResponse drop = mvc.perform(get("/shelf/drop/items")).andReturn().getResponse();
			assertThat(drop.getStatus()).isEqualTo(302);
			assertThat(drop.getHeader("Location")).startsWith("https://drops.queue-it.net/?c=ticketania&e=drop&");
			MockHttpServletResponse vip = mvc.perform(get("/shelf/vip/items")).andReturn().getResponse();
			assertThat(vip.getStatus()).isEqualTo(302);
			assertThat(vip.getHeader("Location")).startsWith("https://vip.queue-it.net/?c=ticketania&e=vip&");
			MockHttpServletResponse openAgain = mvc.perform(get("/shelf/open/items")).andReturn().getResponse();
			assertThat(openAgain.getStatus()).isEqualTo(200);
		});
	}

	@Test
	void getWhenSessionIsValidThenControllerRunsAndCookieIsRenewed() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/drop/list").cookie(new Cookie(cookieName("drop"), cookieValue("drop", NOW - 600))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("list");
			assertThat(response.getCookie(cookieName("drop")).getValue()).isEqualTo(cookieValue("drop", NOW));
		});
	}

	@Test
	void getWhenSessionIsOlderThanCookieValidityThenQueuesAndClearsTheCookie() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/drop/vip").cookie(new Cookie(cookieName("vip"), cookieValue("vip", NOW - 301))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).startsWith("https://vip.queue-it.net/");
			assertThat(response.getCookie(cookieName("vip")).getMaxAge()).isZero();
		});
	}

	@Test
	void getWhenSessionIsWithinCookieValidityThenControllerRuns() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/drop/vip").cookie(new Cookie(cookieName("vip"), cookieValue("vip", NOW - 299))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("vip");
		});
	}

	@Test
	void getWhenExtendCookieValidityIsOffThenValidSessionIsNotRenewed() {
		this.runner.withPropertyValues("queueit.events.drop.extend-cookie-validity=false").run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/drop/list").cookie(new Cookie(cookieName("drop"), cookieValue("drop", NOW - 600))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		});
	}

	@Test
	void getWhenTokenIsValidThenStoresCookieAndRedirectsWithoutToken() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/drop/list?page=2&queueittoken=" + token("drop", NOW)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).isEqualTo("http://localhost/drop/list?page=2");
			assertThat(response.getCookie(cookieName("drop")).getValue()).isEqualTo(cookieValue("drop", NOW));
		});
	}

	@Test
	void getWhenCancelActionAndSessionIsValidThenRedirectsToCancelAndClearsCookie() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/drop/leave").cookie(new Cookie(cookieName("drop"), cookieValue("drop", NOW - 3600))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).isEqualTo("https://drops.queue-it.net/cancel/ticketania/drop/"
					+ QUEUE_ID + "?c=ticketania&e=drop" + LOCAL + "&r=" + encode("http://localhost/drop/leave"));
			Cookie cleared = response.getCookie(cookieName("drop"));
			assertThat(cleared.getValue()).isEmpty();
			assertThat(cleared.getMaxAge()).isZero();
			assertThat(cleared.getPath()).isEqualTo("/");
			assertThat(context.getBean(DropController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenCancelActionAndNoSessionThenControllerRuns() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/drop/leave"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("left");
			assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		});
	}

	@Test
	void getWhenComposedCancelAnnotationNamesTheEventThenCancelsThatEvent() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/meta/leave").cookie(new Cookie(cookieName("vip"), cookieValue("vip", NOW))))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location"))
				.startsWith("https://vip.queue-it.net/cancel/ticketania/vip/" + QUEUE_ID + "?c=ticketania&e=vip&");
			assertThat(response.getCookie(cookieName("vip")).getMaxAge()).isZero();
		});
	}

	@Test
	void getWhenIntegrationConfigAlsoMatchesThenAnnotationDecides() {
		this.runner.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json")
			.run((context) -> {
				MockHttpServletResponse queued = QueueItFixtures.mockMvc(context)
					.perform(get("/drop/list"))
					.andReturn()
					.getResponse();
				assertThat(queued.getHeader("Location")).startsWith("https://drops.queue-it.net/?c=ticketania&e=drop&");
				MockHttpServletResponse admitted = QueueItFixtures.mockMvc(context)
					.perform(get("/drop/list").cookie(new Cookie(cookieName("drop"), cookieValue("drop", NOW))))
					.andReturn()
					.getResponse();
				assertThat(admitted.getStatus()).isEqualTo(200);
				assertThat(admitted.getContentAsString()).isEqualTo("list");
				MockHttpServletResponse unannotated = QueueItFixtures.mockMvc(context)
					.perform(get("/open"))
					.andReturn()
					.getResponse();
				assertThat(unannotated.getHeader("Location"))
					.startsWith("https://ticketania.queue-it.net/?c=ticketania&e=summersale&");
			});
	}

	@Test
	void getWhenNoIntegrationConfigIsLoadedThenAnnotatedHandlerIsStillDecided() {
		this.runner.withBean(IntegrationConfigProvider.class, () -> Optional::empty).run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/drop/list"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getHeader("Location")).startsWith("https://drops.queue-it.net/");
			assertThat(response.getHeader(ProtectionSettings.FAILED_HEADER)).isNull();
		});
	}

	@Test
	void getWhenHandlerIsNotAnnotatedAndThereIsNoIntegrationConfigThenRequestIsNotEvaluated() {
		this.runner.run((context) -> {
			MockHttpServletResponse response = QueueItFixtures.mockMvc(context)
				.perform(get("/open"))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo("open:not evaluated");
			assertThat(response.getHeader(ProtectionSettings.FAILED_HEADER)).isNull();
		});
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@QueueProtected("vip")
	@interface VipOnly {

	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@QueueProtected(action = QueueProtected.Action.CANCEL)
	@interface LeaveQueue {

		@AliasFor(annotation = QueueProtected.class, attribute = "event")
		String value();

	}

	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@QueueProtected("drop")
	@interface DropArea {

	}

	@RestController
	@DropArea
	static class DropAreaController {

		@GetMapping("/area")
		String area() {
			return "area";
		}

	}

	abstract static class Shelf {

		@GetMapping("/items")
		String items() {
			return "items";
		}

	}

	@RestController
	@RequestMapping("/shelf/open")
	static class OpenShelf extends Shelf {

	}

	@RestController
	@RequestMapping("/shelf/drop")
	@QueueProtected("drop")
	static class DropShelf extends Shelf {

	}

	@RestController
	@RequestMapping("/shelf/vip")
	@QueueProtected("vip")
	static class VipShelf extends Shelf {

	}

	@RestController
	@QueueProtected("drop")
	static class DropController {

		final AtomicInteger calls = new AtomicInteger();

		@GetMapping("/drop/list")
		String list() {
			this.calls.incrementAndGet();
			return "list";
		}

		@QueueProtected(event = "vip")
		@GetMapping("/drop/vip")
		String vip() {
			this.calls.incrementAndGet();
			return "vip";
		}

		@QueueProtected(event = "drop", action = QueueProtected.Action.CANCEL)
		@GetMapping("/drop/leave")
		String leave() {
			this.calls.incrementAndGet();
			return "left";
		}

	}

	@RestController
	static class MetaController {

		final AtomicInteger calls = new AtomicInteger();

		@VipOnly
		@GetMapping("/meta/vip")
		String vip() {
			this.calls.incrementAndGet();
			return "vip";
		}

		@LeaveQueue("vip")
		@GetMapping("/meta/leave")
		String leave() {
			this.calls.incrementAndGet();
			return "left";
		}

	}

	@RestController
	static class OpenController {

		@GetMapping("/open")
		String open(jakarta.servlet.http.HttpServletRequest request) {
			Object decision = request.getAttribute(QueueItHandlerInterceptor.DECISION_ATTRIBUTE);
			return "open:" + ((decision != null) ? "evaluated" : "not evaluated");
		}

	}

}
