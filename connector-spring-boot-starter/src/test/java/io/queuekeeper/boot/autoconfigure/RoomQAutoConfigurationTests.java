package io.queuekeeper.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.queuekeeper.boot.actuate.QueueItEndpoint;
import io.queuekeeper.boot.actuate.QueueItHealthIndicator;
import io.queuekeeper.boot.autoconfigure.web.servlet.QueueItWebMvcAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.web.reactive.QueueItWebFluxAutoConfiguration;
import io.queuekeeper.boot.roomq.RoomQLeaveListener;
import io.queuekeeper.boot.roomq.RoomQOperations;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.QueueItWaitingRoom;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.core.roomq.RoomQConfigurationException;
import io.queuekeeper.core.roomq.RoomQConnector;
import io.queuekeeper.core.roomq.RoomQSettings;
import io.queuekeeper.web.FailurePolicy;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueEvents;
import io.queuekeeper.web.QueueItGate;
import io.queuekeeper.web.reactive.ServerQueueItWebFilter;
import io.queuekeeper.web.reactive.ServerQueueProtectedVerifier;
import io.queuekeeper.web.servlet.QueueItHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoomQAutoConfiguration}: how the provider is chosen, how the
 * properties bind, how beans back off, and how an unusable configuration fails the start.
 */
class RoomQAutoConfigurationTests {

	private static final String SECRET = "roomq-test-secret-7f3e9a1c";

	private static final String[] ROOM = { "queueit.provider=roomq", "roomq.room-id=demo-room",
			"roomq.room-secret=" + SECRET, "roomq.ticket-issuer=https://tickets.roomq.example/tickets" };

	private static final AutoConfigurations ALL = AutoConfigurations.of(QueueItAutoConfiguration.class,
			RoomQAutoConfiguration.class, QueueItWebMvcAutoConfiguration.class);

	private static final AutoConfigurations REACTIVE = AutoConfigurations.of(QueueItAutoConfiguration.class,
			RoomQAutoConfiguration.class, QueueItWebFluxAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(ALL);

	@Test
	void startWhenProviderIsNotSetThenQueueItIsTheProvider() {
		this.runner.withPropertyValues("queueit.customer-id=ticketania", "queueit.secret-key=" + SECRET)
			.run((context) -> assertThat(context).hasSingleBean(QueueConnector.class)
				.hasSingleBean(QueueEvents.class)
				.hasSingleBean(QueueItHandlerInterceptor.class)
				.doesNotHaveBean(RoomQConnector.class)
				.doesNotHaveBean(RoomQOperations.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "roomq", "ROOMQ", "RoomQ" })
	void startWhenRoomQIsSelectedThenRoomQReplacesTheQueueItEngine(String provider) {
		this.runner.withPropertyValues(ROOM).withPropertyValues("queueit.provider=" + provider).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(RoomQConnector.class)
				.hasSingleBean(WaitingRoomProvider.class)
				.hasSingleBean(ProtectionSettings.class)
				.doesNotHaveBean(QueueConnector.class)
				.doesNotHaveBean(QueueEvents.class)
				.hasSingleBean(QueueItHandlerInterceptor.class)
				.hasSingleBean(QueueItGate.class)
				.doesNotHaveBean(RoomQOperations.class)
				.doesNotHaveBean(RoomQLeaveListener.class);
			assertThat(context.getBean(QueueItGate.class).provider()).isSameAs(context.getBean(RoomQConnector.class));
			RoomQSettings settings = context.getBean(RoomQConnector.class).settings();
			assertThat(settings.roomId()).isEqualTo("demo-room");
			assertThat(settings.ticketIssuer()).isEqualTo("https://tickets.roomq.example/tickets");
			assertThat(settings.cookieMaxAge()).isEqualTo(Duration.ofHours(12));
			assertThat(settings.cookieHttpOnly()).isTrue();
			assertThat(settings.cookieSecure()).isFalse();
			assertThat(settings.admittedTypes()).containsExactlyInAnyOrder("serving", "stopped", "bot");
			assertThat(context.getBean(ProtectionSettings.class).sameSite()).isEqualTo("Lax");
		});
	}

	@Test
	void startWhenQueueItIsSelectedExplicitlyThenNoRoomQBeans() {
		this.runner.withPropertyValues(ROOM)
			.withPropertyValues("queueit.provider=queue-it", "queueit.customer-id=ticketania",
					"queueit.secret-key=" + SECRET)
			.run((context) -> assertThat(context).hasSingleBean(QueueConnector.class)
				.doesNotHaveBean(RoomQConnector.class));
	}

	@Test
	void startWhenPropertiesAreSetThenTheyBind() {
		this.runner.withPropertyValues(ROOM)
			.withPropertyValues("roomq.cookie.max-age=30m", "roomq.cookie.domain=.shop.example.com",
					"roomq.cookie.http-only=false", "roomq.cookie.secure=true", "roomq.cookie.same-site=strict",
					"roomq.admitted-ticket-types=serving", "queueit.failure-policy=deny",
					"queueit.exclusions.methods=OPTIONS")
			.run((context) -> {
				RoomQSettings settings = context.getBean(RoomQConnector.class).settings();
				assertThat(settings.cookieMaxAge()).isEqualTo(Duration.ofMinutes(30));
				assertThat(settings.cookieDomain()).isEqualTo(".shop.example.com");
				assertThat(settings.cookieHttpOnly()).isFalse();
				assertThat(settings.cookieSecure()).isTrue();
				assertThat(settings.admittedTypes()).containsExactly("serving");
				ProtectionSettings protection = context.getBean(ProtectionSettings.class);
				assertThat(protection.sameSite()).isEqualTo("Strict");
				assertThat(protection.failurePolicy()).isEqualTo(FailurePolicy.DENY);
				assertThat(protection.evaluates("HEAD")).isTrue();
			});
	}

	@Test
	void startWhenClockBeanIsDefinedThenTheEngineUsesIt() {
		Clock clock = Clock.fixed(Instant.ofEpochSecond(1700000000L), ZoneOffset.UTC);
		this.runner.withPropertyValues(ROOM)
			.withBean(Clock.class, () -> clock)
			.run((context) -> assertThat(context.getBean(RoomQConnector.class).settings().clock()).isSameAs(clock));
	}

	@Test
	void startWhenStatusApiIsSetThenRemoteOperationsAreCreated() {
		this.runner.withPropertyValues(ROOM)
			.withPropertyValues("roomq.status-api=https://roomq.noqstatus.com/api/rooms",
					"roomq.remote.connect-timeout=1s", "roomq.remote.request-timeout=3s")
			.run((context) -> assertThat(context).hasSingleBean(RoomQOperations.class)
				.hasSingleBean(RoomQLeaveListener.class));
	}

	@Test
	void startWhenQueueItIsSelectedThenTheGateDecidesThroughQueueItOnBothStacks() {
		String[] queueIt = { "queueit.customer-id=ticketania", "queueit.secret-key=" + SECRET };
		this.runner.withPropertyValues(queueIt).run((context) -> {
			assertThat(context).hasSingleBean(QueueItWaitingRoom.class).hasSingleBean(QueueItHandlerInterceptor.class);
			assertThat(context.getBean(QueueItGate.class).provider()).isInstanceOf(QueueItWaitingRoom.class);
		});
		new ReactiveWebApplicationContextRunner().withConfiguration(REACTIVE)
			.withPropertyValues(queueIt)
			.run((context) -> {
				assertThat(context).hasSingleBean(ServerQueueItWebFilter.class)
					.hasSingleBean(ServerQueueProtectedVerifier.class);
				assertThat(context.getBean(QueueItGate.class).provider().name()).isEqualTo("queue-it");
			});
	}

	@Test
	void startWhenRoomQIsSelectedOnWebFluxThenTheWebFilterDecidesThroughRoomQ() {
		new ReactiveWebApplicationContextRunner().withConfiguration(REACTIVE)
			.withPropertyValues(ROOM)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ServerQueueItWebFilter.class)
					.hasSingleBean(ServerQueueProtectedVerifier.class)
					.doesNotHaveBean(QueueConnector.class)
					.doesNotHaveBean(QueueItWaitingRoom.class);
				assertThat(context.getBean(QueueItGate.class).provider())
					.isSameAs(context.getBean(RoomQConnector.class));
			});
	}

	@Test
	void startWhenUserDefinesAProviderAndRoomQIsSelectedThenTheGateUsesIt() {
		WaitingRoomProvider own = new RoomQConnector(
				RoomQSettings.of("own-room", "own-secret", "https://tickets.roomq.example/tickets"));
		this.runner.withPropertyValues(ROOM)
			.withBean("ownProvider", WaitingRoomProvider.class, () -> own)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(WaitingRoomProvider.class);
				assertThat(context.getBean(QueueItGate.class).provider()).isSameAs(own);
			});
	}

	@Test
	void startWhenUserDefinesAProviderThenTheGateUsesIt() {
		WaitingRoomProvider own = new RoomQConnector(
				RoomQSettings.of("own-room", "own-secret", "https://tickets.roomq.example/tickets"));
		this.runner.withPropertyValues("queueit.customer-id=ticketania", "queueit.secret-key=" + SECRET)
			.withBean(WaitingRoomProvider.class, () -> own)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(QueueItWaitingRoom.class);
				assertThat(context.getBean(QueueItGate.class).provider()).isSameAs(own);
			});
	}

	@Test
	void startWhenUserDefinesTheConnectorThenAutoConfigurationBacksOff() {
		RoomQConnector own = new RoomQConnector(
				RoomQSettings.of("own-room", "own-secret", "https://tickets.roomq.example/tickets"));
		this.runner.withPropertyValues("queueit.provider=roomq")
			.withBean(RoomQConnector.class, () -> own)
			.run((context) -> assertThat(context).hasNotFailed().getBean(RoomQConnector.class).isSameAs(own));
	}

	@Test
	void startWhenDisabledThenNothingIsCreated() {
		this.runner.withPropertyValues(ROOM)
			.withPropertyValues("queueit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RoomQConnector.class)
				.doesNotHaveBean(ProtectionSettings.class));
	}

	@Test
	void startWhenNotAWebApplicationThenNothingIsCreated() {
		new ApplicationContextRunner().withConfiguration(ALL)
			.withPropertyValues(ROOM)
			.run((context) -> assertThat(context).doesNotHaveBean(RoomQConnector.class));
	}

	@Test
	void startWhenReactiveApplicationThenTheEngineIsCreated() {
		new ReactiveWebApplicationContextRunner().withConfiguration(ALL)
			.withPropertyValues(ROOM)
			.run((context) -> assertThat(context).hasSingleBean(RoomQConnector.class)
				.doesNotHaveBean(QueueConnector.class));
	}

	@Test
	void startWhenProviderIsUnknownThenFailsNamingTheProperty() {
		this.runner.withPropertyValues("queueit.provider=akamai")
			.run((context) -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("queueit.provider"));
	}

	@Test
	void propertiesWhenPrintedThenSecretIsMasked() {
		this.runner.withPropertyValues(ROOM)
			.run((context) -> assertThat(context.getBean(RoomQProperties.class).toString()).doesNotContain(SECRET)
				.contains("roomSecret=******"));
	}

	@Test
	void metadataWhenGeneratedThenDescribesEveryRoomQPropertyAndTheSwitch() throws IOException {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream input = url.openStream()) {
				new ObjectMapper().readTree(input)
					.path("properties")
					.forEach((property) -> properties.put(property.path("name").asText(), property));
			}
		}
		for (String name : List.of("queueit.provider", "roomq.room-id", "roomq.room-secret", "roomq.ticket-issuer",
				"roomq.status-api", "roomq.admitted-ticket-types", "roomq.cookie.max-age", "roomq.cookie.domain",
				"roomq.cookie.http-only", "roomq.cookie.secure", "roomq.cookie.same-site",
				"roomq.remote.connect-timeout", "roomq.remote.request-timeout", "roomq.remote.status-cache-ttl",
				"roomq.remote.plain-http-on-loopback")) {
			assertThat(properties).containsKey(name);
			assertThat(properties.get(name).path("description").asText()).as("description of %s", name)
				.isNotBlank()
				.doesNotStartWith("The ");
		}
		assertThat(properties.get("queueit.provider").path("defaultValue").asText()).isEqualTo("queue-it");
		assertThat(properties.get("roomq.cookie.max-age").path("defaultValue").asText()).isEqualTo("12h");
		assertThat(properties.get("roomq.cookie.same-site").path("defaultValue").asText()).isEqualTo("lax");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unusableSettings")
	void startWhenSettingIsUnusableThenFailsNamingThePropertyAndTheFix(String property, String fix,
			List<String> values) {
		this.runner.withPropertyValues(values.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).hasMessageContaining(property).hasMessageContaining(fix);
			FailureAnalysis analysis = firstAnalysis(failure);
			assertThat(analysis.getDescription()).startsWith("The RoomQ waiting room is not configured correctly")
				.contains(property)
				.contains(fix);
			assertThat(analysis.getAction()).contains("roomq.").contains("queueit.provider=queue-it");
			assertThat(QueueItAutoConfigurationTests.stackTrace(failure) + analysis.getDescription())
				.doesNotContain(SECRET);
		});
	}

	static Stream<Arguments> unusableSettings() {
		String provider = "queueit.provider=roomq";
		String room = "roomq.room-id=demo-room";
		String secret = "roomq.room-secret=" + SECRET;
		String issuer = "roomq.ticket-issuer=https://tickets.roomq.example/tickets";
		return Stream.of(
				Arguments.of("roomq.room-id", "room id shown in the RoomQ portal", List.of(provider, secret, issuer)),
				Arguments.of("roomq.room-id", "letters, digits",
						List.of(provider, "roomq.room-id=demo room", secret, issuer)),
				Arguments.of("roomq.room-secret", "room secret from the RoomQ portal", List.of(provider, room, issuer)),
				Arguments.of("roomq.room-secret", "room secret from the RoomQ portal",
						List.of(provider, room, "roomq.room-secret= ", issuer)),
				Arguments.of("roomq.ticket-issuer", "e.g. https://", List.of(provider, room, secret)),
				Arguments.of("roomq.ticket-issuer", "must use https",
						List.of(provider, room, secret, "roomq.ticket-issuer=http://tickets.roomq.example/tickets")),
				Arguments.of("roomq.ticket-issuer", "must not have user info, a query or a fragment",
						List.of(provider, room, secret, "roomq.ticket-issuer=https://t.example/tickets?x=1")),
				Arguments.of("roomq.admitted-ticket-types", "still waiting",
						List.of(provider, room, secret, issuer, "roomq.admitted-ticket-types=serving,self-sign")),
				Arguments.of("roomq.cookie.max-age", "at least one second",
						List.of(provider, room, secret, issuer, "roomq.cookie.max-age=0s")),
				Arguments.of("roomq.cookie.domain", "not a host name",
						List.of(provider, room, secret, issuer, "roomq.cookie.domain=a;b")),
				Arguments.of("roomq.status-api", "must use https",
						List.of(provider, room, secret, issuer, "roomq.status-api=http://status.example/api/rooms")),
				Arguments.of("roomq.remote.status-cache-ttl", "between 0s and 60s",
						List.of(provider, room, secret, issuer, "roomq.status-api=https://status.example/api/rooms",
								"roomq.remote.status-cache-ttl=2m")),
				Arguments.of("roomq.remote.request-timeout", "must be positive", List.of(provider, room, secret, issuer,
						"roomq.status-api=https://status.example/api/rooms", "roomq.remote.request-timeout=0s")));
	}

	private static FailureAnalysis firstAnalysis(Throwable failure) {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(RoomQAutoConfigurationTests.class.getClassLoader())
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}));
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				assertThat(analyzer).isInstanceOf(RoomQConfigurationFailureAnalyzer.class);
				assertThat(analysis.getCause()).isInstanceOf(RoomQConfigurationException.class);
				return analysis;
			}
		}
		throw new AssertionError("No failure analyzer reported " + failure);
	}

	@Test
	void actuatorEndpointWhenRoomQThenShowsProviderAndRoomsWithoutSecretOrConfig() {
		this.runner.withConfiguration(AutoConfigurations.of(QueueItActuatorAutoConfiguration.class))
			.withPropertyValues(ROOM)
			.run((context) -> {
				QueueItEndpoint.Status status = context.getBean(QueueItEndpoint.class).status();
				assertThat(status.provider()).isEqualTo("roomq");
				assertThat(status.rooms()).containsExactly("demo-room");
				assertThat(status.integrationConfig()).isNull();
				assertThat(status.toString()).doesNotContain(SECRET);
				assertThat(context.getBean(QueueItEndpoint.class).match("match", "https://shop.example.com/drop"))
					.containsEntry("matched", false)
					.containsEntry("reason", "the roomq provider protects annotated handlers only");
				assertThat(context).doesNotHaveBean(QueueItHealthIndicator.class);
			});
	}

}
