package io.queuekeeper.boot.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.queuekeeper.boot.config.CachingIntegrationConfigProvider;
import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.ConnectorSettings;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.QueueEventConfig;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.web.FailurePolicy;
import io.queuekeeper.web.ProtectionSettings;
import io.queuekeeper.web.QueueEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueueItAutoConfiguration}: where it applies, how it backs off, how the
 * properties bind, and how an unusable configuration fails the start.
 */
class QueueItAutoConfigurationTests {

	static final String SECRET_KEY = "3f2b1a5c-7d9e-4f10-8a2b-6c4d8e0f1a2b9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a";

	static final String API_KEY = "9c0d7e1f-api-key-4b5a-8e6d-2f1c0b9a8d7e";

	private static final String[] ACCOUNT = { "queueit.customer-id=ticketania", "queueit.secret-key=" + SECRET_KEY };

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueueItAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueueItAutoConfiguration.class));

	private final ApplicationContextRunner nonWebRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueueItAutoConfiguration.class));

	@Test
	void servletAppWhenAccountIsSetThenEngineBeansAreCreated() {
		this.runner.withPropertyValues(ACCOUNT).run((context) -> {
			assertThat(context).hasSingleBean(QueueConnector.class)
				.hasSingleBean(QueueEvents.class)
				.hasSingleBean(ProtectionSettings.class)
				.hasSingleBean(QueueItProperties.class)
				.doesNotHaveBean(IntegrationConfigProvider.class);
			assertThat(context.getBean(QueueConnector.class).settings().customerId()).isEqualTo("ticketania");
		});
	}

	@Test
	void reactiveAppWhenAccountIsSetThenEngineBeansAreCreated() {
		this.reactiveRunner.withPropertyValues(ACCOUNT)
			.run((context) -> assertThat(context).hasSingleBean(QueueConnector.class)
				.hasSingleBean(QueueEvents.class)
				.hasSingleBean(ProtectionSettings.class));
	}

	@Test
	void nonWebAppThenNothingIsCreated() {
		this.nonWebRunner.withPropertyValues(ACCOUNT)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(QueueConnector.class)
				.doesNotHaveBean(QueueEvents.class)
				.doesNotHaveBean(ProtectionSettings.class)
				.doesNotHaveBean(QueueItProperties.class));
	}

	@Test
	void servletAppWhenDisabledThenNothingIsCreatedAndNothingIsValidated() {
		this.runner.withPropertyValues("queueit.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(QueueConnector.class)
				.doesNotHaveBean(QueueEvents.class)
				.doesNotHaveBean(QueueItProperties.class));
	}

	@Test
	void servletAppWhenUserDefinesAConnectorThenAutoConfiguredOneBacksOff() {
		QueueConnector own = new QueueConnector(ConnectorSettings.of("owncorp", "own-secret"));
		this.runner.withPropertyValues(ACCOUNT).withBean(QueueConnector.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(QueueConnector.class);
			assertThat(context.getBean(QueueConnector.class)).isSameAs(own);
		});
	}

	@Test
	void servletAppWhenUserDefinesEventsAndSettingsThenAutoConfiguredOnesBackOff() {
		QueueEvents events = new QueueEvents(Map.of("own", QueueEventConfig.of("own", "own.queue-it.net")));
		ProtectionSettings settings = ProtectionSettings.defaults();
		this.runner.withPropertyValues(ACCOUNT)
			.withBean(QueueEvents.class, () -> events)
			.withBean(ProtectionSettings.class, () -> settings)
			.run((context) -> {
				assertThat(context.getBean(QueueEvents.class)).isSameAs(events);
				assertThat(context.getBean(ProtectionSettings.class)).isSameAs(settings);
			});
	}

	@Test
	void servletAppWhenLocationIsSetThenConfigIsReadFromIt() {
		this.runner.withPropertyValues(ACCOUNT)
			.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json")
			.run((context) -> {
				assertThat(context).hasSingleBean(CachingIntegrationConfigProvider.class);
				Optional<IntegrationConfig> config = context.getBean(IntegrationConfigProvider.class).current();
				assertThat(config).hasValueSatisfying((current) -> {
					assertThat(current.version()).isEqualTo(3);
					assertThat(current.integrations()).hasSize(3);
				});
			});
	}

	@Test
	void servletAppWhenUserDefinesAProviderThenLocationIsNotRead() {
		IntegrationConfigProvider own = Optional::empty;
		this.runner.withPropertyValues(ACCOUNT)
			.withPropertyValues("queueit.integration-config.location=classpath:queueit/missing.json")
			.withBean(IntegrationConfigProvider.class, () -> own)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(IntegrationConfigProvider.class);
				assertThat(context.getBean(IntegrationConfigProvider.class)).isSameAs(own);
			});
	}

	@Test
	void servletAppWhenUniqueClockBeanExistsThenEngineUsesIt() {
		Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
		this.runner.withPropertyValues(ACCOUNT)
			.withBean(Clock.class, () -> clock)
			.run((context) -> assertThat(context.getBean(QueueConnector.class).settings().clock()).isSameAs(clock));
	}

	@Test
	void servletAppWhenClockIsAmbiguousThenEngineUsesTheSystemClock() {
		Clock one = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
		Clock two = Clock.fixed(Instant.EPOCH.plusSeconds(1), ZoneOffset.UTC);
		this.runner.withPropertyValues(ACCOUNT)
			.withBean("one", Clock.class, () -> one)
			.withBean("two", Clock.class, () -> two)
			.run((context) -> assertThat(context.getBean(QueueConnector.class).settings().clock())
				.isEqualTo(Clock.systemUTC()));
	}

	@Test
	void bindingWhenNothingIsSetThenDefaultsApply() {
		this.runner.withPropertyValues(ACCOUNT).run((context) -> {
			QueueItProperties properties = context.getBean(QueueItProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getFailurePolicy()).isEqualTo(FailurePolicy.ALLOW);
			assertThat(properties.getRequestBodyLimit()).isEqualTo(DataSize.ofKilobytes(4));
			assertThat(properties.getCookie().getSameSite()).isNull();
			assertThat(properties.getExclusions().getMethods()).containsExactly("OPTIONS", "HEAD");
			assertThat(context.getBean(ProtectionSettings.class)).isEqualTo(ProtectionSettings.defaults());
		});
	}

	@Test
	void bindingWhenWebSettingsAreSetThenTheyReachProtectionSettings() {
		this.runner.withPropertyValues(ACCOUNT)
			.withPropertyValues("queueit.request-body-limit=8KB", "queueit.failure-policy=deny",
					"queueit.cookie.same-site=strict", "queueit.exclusions.static-resources=false",
					"queueit.exclusions.error-dispatches=false", "queueit.exclusions.methods=options,trace")
			.run((context) -> {
				QueueItProperties properties = context.getBean(QueueItProperties.class);
				assertThat(properties.getRequestBodyLimit()).isEqualTo(DataSize.ofKilobytes(8));
				assertThat(properties.getFailurePolicy()).isEqualTo(FailurePolicy.DENY);
				assertThat(properties.getCookie().getSameSite()).isEqualTo(QueueItProperties.SameSite.STRICT);
				assertThat(properties.getExclusions().getMethods()).containsExactly("options", "trace");
				ProtectionSettings settings = context.getBean(ProtectionSettings.class);
				assertThat(settings.requestBodyLimit()).isEqualTo(8192);
				assertThat(settings.failurePolicy()).isEqualTo(FailurePolicy.DENY);
				assertThat(settings.sameSite()).isEqualTo("Strict");
				assertThat(settings.evaluateStaticResources()).isTrue();
				assertThat(settings.evaluateErrorDispatches()).isTrue();
				assertThat(settings.excludedMethods()).containsExactlyInAnyOrder("OPTIONS", "TRACE");
				assertThat(settings.evaluates("HEAD")).isTrue();
				assertThat(settings.evaluates("trace")).isFalse();
			});
	}

	@Test
	void bindingWhenSameSiteIsLaxOrNoneThenSettingsCarryTheAttributeName() {
		this.runner.withPropertyValues(ACCOUNT)
			.withPropertyValues("queueit.cookie.same-site=LAX")
			.run((context) -> assertThat(context.getBean(ProtectionSettings.class).sameSite()).isEqualTo("Lax"));
		this.runner.withPropertyValues(ACCOUNT)
			.withPropertyValues("queueit.cookie.same-site=none")
			.run((context) -> assertThat(context.getBean(ProtectionSettings.class).sameSite()).isEqualTo("None"));
	}

	@Test
	void bindingWhenEventIsSetThenEveryFieldReachesTheEventConfig() {
		this.runner.withPropertyValues(ACCOUNT)
			.withPropertyValues("queueit.events.drop.queue-domain=drops.queue-it.net",
					"queueit.events.drop.cookie-validity=90m", "queueit.events.drop.extend-cookie-validity=false",
					"queueit.events.drop.cookie-domain=.example.com", "queueit.events.drop.cookie-http-only=true",
					"queueit.events.drop.cookie-secure=true", "queueit.events.drop.culture=da-DK",
					"queueit.events.drop.layout-name=Dark", "queueit.events.sale.queue-domain=sale.queue-it.net",
					"queueit.events.sale.cookie-validity=2h")
			.run((context) -> {
				QueueItProperties.Event drop = context.getBean(QueueItProperties.class).getEvents().get("drop");
				assertThat(drop.getCookieValidity()).isEqualTo(Duration.ofMinutes(90));
				QueueEvents events = context.getBean(QueueEvents.class);
				assertThat(events.ids()).containsExactlyInAnyOrder("drop", "sale");
				assertThat(events.queue("drop")).isEqualTo(new QueueEventConfig("drop", "drops.queue-it.net",
						".example.com", true, true, 90, false, "da-DK", "Dark", -1, "unspecified"));
				assertThat(events.queue("sale")).isEqualTo(new QueueEventConfig("sale", "sale.queue-it.net", null,
						false, false, 120, true, null, null, -1, "unspecified"));
			});
	}

	@Test
	void bindingWhenCookieValidityIsABareNumberThenItMeansMinutes() {
		this.runner.withPropertyValues(ACCOUNT)
			.withPropertyValues("queueit.events.drop.queue-domain=drops.queue-it.net",
					"queueit.events.drop.cookie-validity=45")
			.run((context) -> assertThat(context.getBean(QueueEvents.class).queue("drop").cookieValidityMinutes())
				.isEqualTo(45));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unusableSettings")
	void startWhenSettingIsUnusableThenFailsNamingThePropertyAndTheFix(String property, String fix,
			List<String> values) {
		this.runner.withPropertyValues(values.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).hasMessageContaining(property).hasMessageContaining(fix);
			assertThat(causeOfType(failure, ConnectorConfigurationException.class)).hasMessageContaining(property);
			FailureAnalysis analysis = new QueueItConfigurationFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(property).contains(fix);
			assertThat(analysis.getAction()).contains("queueit.");
			assertThat(stackTrace(failure) + analysis.getDescription() + analysis.getAction())
				.doesNotContain(SECRET_KEY)
				.doesNotContain(API_KEY);
		});
	}

	static Stream<Arguments> unusableSettings() {
		String secret = "queueit.secret-key=" + SECRET_KEY;
		String api = "queueit.api-key=" + API_KEY;
		String customer = "queueit.customer-id=ticketania";
		return Stream.of(
				Arguments.of("queueit.customer-id", "set it to your Queue-it customer id", List.of(secret, api)),
				Arguments.of("queueit.customer-id", "set it to your Queue-it customer id",
						List.of("queueit.customer-id=  ", secret, api)),
				Arguments.of("queueit.customer-id", "may only contain",
						List.of("queueit.customer-id=ticket ania", secret, api)),
				Arguments.of("queueit.secret-key", "secret key from Queue-it GO", List.of(customer, api)),
				Arguments.of("queueit.events.drop.queue-domain", "e.g. acme.queue-it.net",
						List.of(customer, secret, api, "queueit.events.drop.culture=en-US")),
				Arguments.of("queueit.events.drop", "without a scheme",
						List.of(customer, secret, api, "queueit.events.drop.queue-domain=https://drops.queue-it.net")),
				Arguments.of("queueit.events.drop.cookie-validity", "at least one minute",
						List.of(customer, secret, api, "queueit.events.drop.queue-domain=drops.queue-it.net",
								"queueit.events.drop.cookie-validity=30s")),
				Arguments.of("queueit.events.drop.cookie-validity", "at least one minute",
						List.of(customer, secret, api, "queueit.events.drop.queue-domain=drops.queue-it.net",
								"queueit.events.drop.cookie-validity=0m")),
				Arguments.of("queueit.integration-config.location", "cannot be read",
						List.of(customer, secret, api,
								"queueit.integration-config.location=classpath:queueit/missing.json")),
				Arguments.of("queueit.integration-config.location", "not a usable integration config",
						List.of(customer, secret, api,
								"queueit.integration-config.location=classpath:queueit/invalid.json")),
				Arguments.of("queueit.request-body-limit", "e.g. 4KB",
						List.of(customer, secret, api, "queueit.request-body-limit=-1B")));
	}

	@Test
	void toStringWhenSecretsAreSetThenTheyAreMasked() {
		this.runner.withPropertyValues(ACCOUNT)
			.withPropertyValues("queueit.api-key=" + API_KEY, "queueit.events.drop.queue-domain=drops.queue-it.net")
			.run((context) -> {
				String properties = context.getBean(QueueItProperties.class).toString();
				assertThat(properties).contains("ticketania").contains("drop").contains("******");
				assertThat(properties).doesNotContain(SECRET_KEY).doesNotContain(API_KEY);
				String settings = context.getBean(QueueConnector.class).settings().toString();
				assertThat(settings).contains("ticketania").doesNotContain(SECRET_KEY);
			});
	}

	@Test
	void toStringWhenSecretsAreNotSetThenSaysSo() {
		QueueItProperties properties = new QueueItProperties();
		assertThat(properties.toString()).contains("secretKey=null").contains("apiKey=null");
	}

	static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in the cause chain of " + failure);
	}

	static String stackTrace(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

}
