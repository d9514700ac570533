package io.queuekeeper.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.queuekeeper.boot.actuate.QueueItEndpoint;
import io.queuekeeper.boot.actuate.QueueItHealthIndicator;
import io.queuekeeper.boot.config.CachingIntegrationConfigProvider;
import io.queuekeeper.boot.config.GoPlatformServer;
import io.queuekeeper.boot.config.IntegrationConfigSource;
import io.queuekeeper.boot.metrics.QueueItMetrics;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.web.reactive.ServerIntegrationConfigPushFilter;
import io.queuekeeper.web.servlet.IntegrationConfigPushFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration config part of {@link QueueItAutoConfiguration} and
 * {@link QueueItActuatorAutoConfiguration}: when GO is polled, property binding and
 * validation, the push endpoint on both stacks, the actuator beans and the meters.
 */
class QueueItIntegrationConfigAutoConfigurationTests {

	private static final String SECRET_KEY = QueueItAutoConfigurationTests.SECRET_KEY;

	private static final String API_KEY = QueueItAutoConfigurationTests.API_KEY;

	private static final String[] ACCOUNT = { "queueit.customer-id=ticketania", "queueit.secret-key=" + SECRET_KEY };

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(QueueItAutoConfiguration.class, QueueItActuatorAutoConfiguration.class))
		.withPropertyValues(ACCOUNT);

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(QueueItAutoConfiguration.class, QueueItActuatorAutoConfiguration.class))
		.withPropertyValues(ACCOUNT);

	private GoPlatformServer go;

	@BeforeEach
	void startGo() throws Exception {
		this.go = new GoPlatformServer();
	}

	@AfterEach
	void stopGo() {
		this.go.close();
	}

	@Test
	void startWhenApiKeyAndUrlAreSetThenGoIsPolledBeforeTheContextIsReady() {
		this.go.publish(GoPlatformServer.config(11, "Summer Sale"));
		this.runner.withPropertyValues("queueit.api-key=" + API_KEY, "queueit.integration-config.url=" + this.go.uri())
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(CachingIntegrationConfigProvider.class);
				CachingIntegrationConfigProvider provider = context.getBean(CachingIntegrationConfigProvider.class);
				assertThat(provider.current()).map(IntegrationConfig::version).hasValue(11);
				assertThat(provider.polls()).isTrue();
				assertThat(this.go.requests()).first()
					.satisfies((request) -> assertThat(request.apiKey()).isEqualTo(API_KEY));
			});
	}

	@Test
	void startWhenOnlyUrlIsChangedThenGoIsPolledWithoutApiKey() {
		this.go.publish(GoPlatformServer.config(4, "Public"));
		this.runner.withPropertyValues("queueit.integration-config.url=" + this.go.uri()).run((context) -> {
			assertThat(context.getBean(IntegrationConfigProvider.class).current()).map(IntegrationConfig::version)
				.hasValue(4);
			assertThat(this.go.requests()).first().satisfies((request) -> assertThat(request.apiKey()).isNull());
		});
	}

	@Test
	void startWhenApiKeyIsSetWithLocationThenLocationIsTheFirstSnapshotAndGoIsPolled() {
		this.go.answer(GoPlatformServer.Answer.status(500));
		this.runner
			.withPropertyValues("queueit.api-key=" + API_KEY, "queueit.integration-config.url=" + this.go.uri(),
					"queueit.integration-config.location=classpath:queueit/shop.json")
			.run((context) -> {
				CachingIntegrationConfigProvider provider = context.getBean(CachingIntegrationConfigProvider.class);
				assertThat(provider.polls()).isTrue();
				assertThat(provider.current()).map(IntegrationConfig::version).hasValue(3);
				assertThat(provider.status().source()).isEqualTo(IntegrationConfigSource.LOCATION);
			});
	}

	@Test
	void startWhenOnlyLocationIsSetThenGoIsNotPolled() {
		this.runner.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json")
			.run((context) -> {
				CachingIntegrationConfigProvider provider = context.getBean(CachingIntegrationConfigProvider.class);
				assertThat(provider.polls()).isFalse();
				assertThat(provider.status().source()).isEqualTo(IntegrationConfigSource.LOCATION);
			});
	}

	@Test
	void startWhenNoSourceIsSetThenNoProviderIsCreated() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(IntegrationConfigProvider.class)
				.doesNotHaveBean(QueueItHealthIndicator.class);
			// The endpoint still names the provider, with no integration config to show.
			assertThat(context.getBean(QueueItEndpoint.class).status().integrationConfig()).isNull();
		});
	}

	@Test
	void startWhenGoIsDownThenStartupWaitIsBoundedAndHealthIsDown() {
		this.go.answer(GoPlatformServer.Answer.hanging());
		long start = System.nanoTime();
		this.runner
			.withPropertyValues("queueit.api-key=" + API_KEY, "queueit.integration-config.url=" + this.go.uri(),
					"queueit.integration-config.startup-wait=200ms", "queueit.integration-config.timeout=5s")
			.run((context) -> {
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(IntegrationConfigProvider.class).current()).isEmpty();
				Health health = context.getBean(QueueItHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			});
	}

	@Test
	void bindWhenPropertiesAreSetThenTheyReachTheGroups() {
		this.runner.withPropertyValues("queueit.integration-config.poll-interval=90s",
				"queueit.integration-config.timeout=2s", "queueit.integration-config.startup-wait=0s",
				"queueit.integration-config.snapshot-file=/tmp/x.json", "queueit.integration-config.stale-after=1h",
				"queueit.integration-config.push.path=/go/push", "queueit.integration-config.push.max-body-size=512KB")
			.run((context) -> {
				QueueItProperties.IntegrationConfig config = context.getBean(QueueItProperties.class)
					.getIntegrationConfig();
				assertThat(config.getPollInterval()).isEqualTo(Duration.ofSeconds(90));
				assertThat(config.getTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(config.getStartupWait()).isZero();
				assertThat(config.getSnapshotFile()).isEqualTo("/tmp/x.json");
				assertThat(config.getStaleAfter()).isEqualTo(Duration.ofHours(1));
				assertThat(config.getPush().isEnabled()).isFalse();
				assertThat(config.getPush().getPath()).isEqualTo("/go/push");
				assertThat(config.getPush().getMaxBodySize().toKilobytes()).isEqualTo(512);
				assertThat(config.getUrl()).isEqualTo(QueueItProperties.IntegrationConfig.DEFAULT_URL);
			});
	}

	@Test
	void defaultsWhenNothingIsSetThenMatchTheIssue() {
		QueueItProperties.IntegrationConfig config = new QueueItProperties().getIntegrationConfig();
		assertThat(config.getPollInterval()).isEqualTo(Duration.ofMinutes(5));
		assertThat(config.getTimeout()).isEqualTo(Duration.ofSeconds(4));
		assertThat(config.getPush().isEnabled()).isFalse();
		assertThat(config.getUrl())
			.isEqualTo("https://{customer-id}.queue-it.net/status/integrationconfig/secure/{customer-id}");
	}

	static Stream<Arguments> unusableSettings() {
		String api = "queueit.api-key=" + API_KEY;
		return Stream.of(
				Arguments.of("queueit.integration-config.poll-interval", "must be positive",
						new String[] { api, "queueit.integration-config.poll-interval=0s" }),
				Arguments.of("queueit.integration-config.timeout", "must be positive",
						new String[] { api, "queueit.integration-config.timeout=-1s" }),
				Arguments.of("queueit.integration-config.startup-wait", "zero or more",
						new String[] { api, "queueit.integration-config.startup-wait=-1s" }),
				Arguments.of("queueit.integration-config.url", "absolute https URL",
						new String[] { api, "queueit.integration-config.url=ftp://example.com/x" }),
				Arguments.of("queueit.integration-config.url", "not a valid URL",
						new String[] { api, "queueit.integration-config.url=https://exa mple.com/" }),
				Arguments.of("queueit.integration-config.url", "must use https",
						new String[] { api, "queueit.integration-config.url=http://example.com/config" }),
				Arguments.of("queueit.integration-config.push.path", "starting with /",
						new String[] { "queueit.integration-config.push.enabled=true",
								"queueit.integration-config.push.path=push" }),
				Arguments.of("queueit.integration-config.push.max-body-size", "between 1B and 64MB",
						new String[] { "queueit.integration-config.push.enabled=true",
								"queueit.integration-config.push.max-body-size=0B" }));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unusableSettings")
	void startWhenSettingIsUnusableThenFailsNamingTheProperty(String property, String fix, String[] values) {
		this.runner.withPropertyValues(values).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(property)
				.hasMessageContaining(fix);
			assertThat(context.getStartupFailure()).rootCause().message().doesNotContain(API_KEY, SECRET_KEY);
		});
	}

	@Test
	void startWhenUserDefinesAProviderThenTheStarterBacksOff() {
		IntegrationConfigProvider own = Optional::empty;
		this.runner.withPropertyValues("queueit.api-key=" + API_KEY)
			.withBean(IntegrationConfigProvider.class, () -> own)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CachingIntegrationConfigProvider.class);
				assertThat(context.getBean(QueueItEndpoint.class).status().integrationConfig()).isNull();
			});
	}

	@Test
	void startWhenPushIsEnabledWithAUserProviderThenFailsNamingPushEnabled() {
		this.runner.withPropertyValues("queueit.integration-config.push.enabled=true")
			.withBean(IntegrationConfigProvider.class, () -> Optional::empty)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("queueit.integration-config.push.enabled"));
	}

	@Test
	void pushWhenEnabledOnServletStackThenOnlyTheServletFilterIsRegistered() {
		this.runner.withPropertyValues("queueit.integration-config.push.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ServerIntegrationConfigPushFilter.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.anySatisfy((registration) -> assertThat(registration.getFilter())
					.isInstanceOf(IntegrationConfigPushFilter.class));
		});
	}

	@Test
	void pushWhenEnabledOnReactiveStackThenTheWebFilterIsRegistered() {
		this.reactiveRunner.withPropertyValues("queueit.integration-config.push.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ServerIntegrationConfigPushFilter.class));
	}

	@Test
	void pushWhenDisabledThenNoEndpointIsRegistered() {
		this.reactiveRunner.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json")
			.run((context) -> assertThat(context).doesNotHaveBean(ServerIntegrationConfigPushFilter.class));
	}

	@Test
	void actuatorWhenClassesAreMissingThenTheRestStillWorks() {
		this.runner.withPropertyValues("queueit.integration-config.location=classpath:queueit/shop.json")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.",
					"org.springframework.boot.health.", "io.micrometer."))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CachingIntegrationConfigProvider.class)
				.doesNotHaveBean(QueueItEndpoint.class)
				.doesNotHaveBean(QueueItHealthIndicator.class)
				.doesNotHaveBean(QueueItMetrics.class));
	}

	@Test
	void endpointWhenSerialisedThenShowsTheConfigAndNeverAKey(@TempDir Path directory) {
		this.go.publish(GoPlatformServer.config(12, "Summer Sale"));
		this.runner
			.withPropertyValues("queueit.api-key=" + API_KEY, "queueit.integration-config.url=" + this.go.uri(),
					"queueit.integration-config.snapshot-file=" + directory.resolve("snapshot.json"))
			.run((context) -> {
				QueueItEndpoint endpoint = context.getBean(QueueItEndpoint.class);
				JsonMapper mapper = JsonMapper.builder().build();
				String status = mapper.writeValueAsString(endpoint.status());
				assertThat(status).contains("\"version\":12", "\"source\":\"GO\"", "Summer Sale", "summersale",
						"\"publishDate\":\"2026-11-25T10:00:00Z\"");
				Map<String, Object> match = endpoint.match("match", "https://shop.example.com/sale/today");
				assertThat(match).containsEntry("matched", true).containsEntry("name", "Summer Sale");
				assertThat(endpoint.match("match", "https://shop.example.com/home")).containsEntry("matched", false);
				assertThat(endpoint.match("match", "not a url")).containsEntry("matched", false);
				assertThat(endpoint.match("other", "https://shop.example.com/sale")).isNull();
				String health = mapper
					.writeValueAsString(context.getBean(QueueItHealthIndicator.class).health(true).getDetails());
				for (String json : new String[] { status, mapper.writeValueAsString(match), health }) {
					assertThat(json).doesNotContain(API_KEY).doesNotContain(SECRET_KEY);
				}
				assertThat(context.getBean(QueueItHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void healthWhenLastSuccessIsOlderThanThresholdThenReportsStale() {
		this.go.publish(GoPlatformServer.config(12, "Summer Sale"));
		this.runner
			.withPropertyValues("queueit.api-key=" + API_KEY, "queueit.integration-config.url=" + this.go.uri(),
					"queueit.integration-config.stale-after=1ms")
			.run((context) -> {
				Thread.sleep(20);
				Health health = context.getBean(QueueItHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("stale", true).containsEntry("version", 12);
			});
	}

	@Test
	void metricsWhenRegistryExistsThenRefreshesAndConfigGaugesAreRegistered() {
		this.go.publish(GoPlatformServer.config(13, "Summer Sale"));
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("queueit.api-key=" + API_KEY, "queueit.integration-config.url=" + this.go.uri())
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(QueueItMetrics.CONFIG_REFRESHES)
					.tag("outcome", "success")
					.functionCounter()
					.count()).isEqualTo(1.0);
				assertThat(registry.get(QueueItMetrics.CONFIG_REFRESHES)
					.tag("outcome", "failure")
					.functionCounter()
					.count()).isZero();
				assertThat(registry.get(QueueItMetrics.CONFIG_VERSION).gauge().value()).isEqualTo(13.0);
				assertThat(registry.get(QueueItMetrics.CONFIG_AGE).gauge().value()).isBetween(0.0, 60.0);
			});
	}

}
