package io.queuekeeper.web.reactive;

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
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.annotation.AliasFor;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import static io.queuekeeper.web.reactive.ReactiveFixtures.NOW;
import static io.queuekeeper.web.reactive.ReactiveFixtures.QUEUE_ID;
import static io.queuekeeper.web.reactive.ReactiveFixtures.cookieName;
import static io.queuekeeper.web.reactive.ReactiveFixtures.cookieValue;
import static io.queuekeeper.web.reactive.ReactiveFixtures.encode;
import static io.queuekeeper.web.reactive.ReactiveFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Annotated WebFlux controllers protected in code with {@link QueueProtected} and
 * settings from {@code queueit.events.<id>}: class, method, meta-annotation and Cancel,
 * resolved from the handler that serves the request.
 */
class QueueProtectedWebFluxTests {

	private static final String LOCAL = "&ver=" + QueueConnector.SDK_VERSION + "&cver=-1&man=unspecified";

	private final ReactiveWebApplicationContextRunner runner = ReactiveFixtures.webFluxRunner()
		.withPropertyValues("queueit.events.drop.queue-domain=drops.queue-it.net",
				"queueit.events.vip.queue-domain=vip.queue-it.net", "queueit.events.vip.culture=da-DK",
				"queueit.events.vip.layout-name=Dark Mode", "queueit.events.vip.cookie-validity=5m")
		.withBean(DropController.class)
		.withBean(MetaController.class)
		.withBean(OpenController.class);

	@Test
	void getWhenClassIsAnnotatedThenQueuesForTheClassEvent() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/drop/list", null);
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst("Location"))
				.isEqualTo("https://drops.queue-it.net/?c=ticketania&e=drop" + LOCAL + "&t="
						+ encode("http://localhost/drop/list"));
			assertThat(result.getResponseHeaders().getFirst("Cache-Control")).isEqualTo(ReactiveFixtures.NO_CACHE);
			assertThat(context.getBean(DropController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenMethodAndClassAreAnnotatedThenMethodEventWins() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/drop/vip", null);
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst("Location"))
				.isEqualTo("https://vip.queue-it.net/?c=ticketania&e=vip" + LOCAL + "&cid=da-DK&l=Dark%20Mode&t="
						+ encode("http://localhost/drop/vip"));
		});
	}

	@Test
	void getWhenUsedAsMetaAnnotationOnMethodOrClassThenQueuesForItsEvent() {
		this.runner.withBean(DropAreaController.class).run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			assertThat(get(client, "/meta/vip", null).getResponseHeaders().getFirst("Location"))
				.startsWith("https://vip.queue-it.net/?c=ticketania&e=vip&");
			assertThat(get(client, "/area", null).getResponseHeaders().getFirst("Location"))
				.startsWith("https://drops.queue-it.net/?c=ticketania&e=drop&");
			assertThat(context.getBean(MetaController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenControllersInheritTheSameHandlerMethodThenEachUsesItsOwnClassAnnotation() {
		this.runner.withBean(OpenShelf.class).withBean(DropShelf.class).withBean(VipShelf.class).run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			EntityExchangeResult<byte[]> open = get(client, "/shelf/open/items", null);
			assertThat(open.getStatus().value()).isEqualTo(200);
			assertThat(new String(open.getResponseBody())).isEqualTo("items");
			assertThat(get(client, "/shelf/drop/items", null).getResponseHeaders().getFirst("Location"))
				.startsWith("https://drops.queue-it.net/?c=ticketania&e=drop&");
			assertThat(get(client, "/shelf/vip/items", null).getResponseHeaders().getFirst("Location"))
				.startsWith("https://vip.queue-it.net/?c=ticketania&e=vip&");
		});
	}

	@Test
	void getWhenSessionIsValidThenControllerRunsAndCookieIsRenewed() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/drop/list",
					cookieName("drop") + "=" + cookieValue("drop", NOW - 600));
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody())).isEqualTo("list");
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE))
				.containsExactly(cookieName("drop") + "=" + cookieValue("drop", NOW) + "; Max-Age=86400; Path=/");
		});
	}

	@Test
	void getWhenTokenIsValidThenStoresCookieAndRedirectsWithoutToken() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context),
					"/drop/list?page=2&queueittoken=" + token("drop", NOW), null);
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst("Location")).isEqualTo("http://localhost/drop/list?page=2");
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE))
				.containsExactly(cookieName("drop") + "=" + cookieValue("drop", NOW) + "; Max-Age=86400; Path=/");
		});
	}

	@Test
	void getWhenCancelActionAndSessionIsValidThenRedirectsToCancelAndClearsCookie() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/drop/leave",
					cookieName("drop") + "=" + cookieValue("drop", NOW - 3600));
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst("Location"))
				.isEqualTo("https://drops.queue-it.net/cancel/ticketania/drop/" + QUEUE_ID + "?c=ticketania&e=drop"
						+ LOCAL + "&r=" + encode("http://localhost/drop/leave"));
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).singleElement()
				.asString()
				.startsWith(cookieName("drop") + "=; Max-Age=0; ")
				.endsWith("; Path=/");
			assertThat(context.getBean(DropController.class).calls).hasValue(0);
		});
	}

	@Test
	void getWhenComposedCancelAnnotationNamesTheEventThenCancelsThatEvent() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/meta/leave",
					cookieName("vip") + "=" + cookieValue("vip", NOW));
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst("Location"))
				.startsWith("https://vip.queue-it.net/cancel/ticketania/vip/" + QUEUE_ID + "?c=ticketania&e=vip&");
		});
	}

	@Test
	void getWhenCancelActionAndNoSessionThenControllerRuns() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/drop/leave", null);
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody())).isEqualTo("left");
			assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).isEmpty();
		});
	}

	@Test
	void getWhenIntegrationConfigAlsoMatchesThenAnnotationDecides() {
		this.runner.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json")
			.run((context) -> {
				WebTestClient client = ReactiveFixtures.client(context);
				assertThat(get(client, "/drop/list", null).getResponseHeaders().getFirst("Location"))
					.startsWith("https://drops.queue-it.net/?c=ticketania&e=drop&");
				EntityExchangeResult<byte[]> admitted = get(client, "/drop/list",
						cookieName("drop") + "=" + cookieValue("drop", NOW));
				assertThat(admitted.getStatus().value()).isEqualTo(200);
				assertThat(get(client, "/open", null).getResponseHeaders().getFirst("Location"))
					.startsWith("https://ticketania.queue-it.net/?c=ticketania&e=summersale&");
			});
	}

	@Test
	void getWhenNoIntegrationConfigIsLoadedThenAnnotatedHandlerIsStillDecided() {
		this.runner.withBean(IntegrationConfigProvider.class, () -> Optional::empty).run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/drop/list", null);
			assertThat(result.getStatus().value()).isEqualTo(302);
			assertThat(result.getResponseHeaders().getFirst(ProtectionSettings.FAILED_HEADER)).isNull();
		});
	}

	@Test
	void getWhenHandlerIsNotAnnotatedAndThereIsNoIntegrationConfigThenRequestIsNotEvaluated() {
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = get(ReactiveFixtures.client(context), "/open", null);
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(new String(result.getResponseBody())).isEqualTo("open:not evaluated");
		});
	}

	static EntityExchangeResult<byte[]> get(WebTestClient client, String uri, String cookie) {
		WebTestClient.RequestHeadersSpec<?> request = client.get().uri(uri);
		if (cookie != null) {
			int separator = cookie.indexOf('=');
			request.cookie(cookie.substring(0, separator), cookie.substring(separator + 1));
		}
		return request.exchange().expectBody().returnResult();
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
		String open(ServerWebExchange exchange) {
			Object decision = exchange.getAttribute(ServerQueueItWebFilter.DECISION_ATTRIBUTE);
			return "open:" + ((decision != null) ? "evaluated" : "not evaluated");
		}

	}

}
