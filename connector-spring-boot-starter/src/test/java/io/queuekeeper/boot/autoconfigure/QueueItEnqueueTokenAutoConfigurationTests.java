package io.queuekeeper.boot.autoconfigure;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.enqueue.EnqueueTokenPolicy;
import io.queuekeeper.core.enqueue.EnqueueTokenSettings;
import io.queuekeeper.web.QueueEvents;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link QueueItAutoConfiguration} turns {@code queueit.enqueue-token.*} and
 * {@code queueit.events.<id>.enqueue-token.*} into the engine's
 * {@link EnqueueTokenPolicy}.
 */
class QueueItEnqueueTokenAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(QueueItAutoConfiguration.class))
		.withPropertyValues("queueit.customer-id=ticketania",
				"queueit.secret-key=" + QueueItAutoConfigurationTests.SECRET_KEY);

	@Test
	void bindingWhenNothingIsSetThenTokensAreOffWithQueueItDefaults() {
		this.runner.run((context) -> {
			EnqueueTokenPolicy policy = context.getBean(EnqueueTokenPolicy.class);
			assertThat(policy.defaults())
				.isEqualTo(new EnqueueTokenSettings(false, Duration.ofSeconds(240), true, false, false));
			assertThat(policy.events()).isEmpty();
			assertThat(policy.enabledForAnyEvent()).isFalse();
		});
	}

	@Test
	void bindingWhenGlobalSettingsAreSetThenTheyBecomeTheDefaults() {
		this.runner
			.withPropertyValues("queueit.enqueue-token.enabled=true", "queueit.enqueue-token.validity=90",
					"queueit.enqueue-token.key=false", "queueit.enqueue-token.ip-binding=true",
					"queueit.enqueue-token.forwarded-for-binding=true")
			.run((context) -> assertThat(context.getBean(EnqueueTokenPolicy.class).defaults())
				.isEqualTo(new EnqueueTokenSettings(true, Duration.ofSeconds(90), false, true, true)));
	}

	@Test
	void bindingWhenAnEventSetsSomeFieldsThenTheOthersComeFromTheGlobalSettings() {
		this.runner
			.withPropertyValues("queueit.enqueue-token.enabled=true", "queueit.enqueue-token.validity=2m",
					"queueit.events.summersale.enqueue-token.ip-binding=true",
					"queueit.events.drop.queue-domain=drops.queue-it.net",
					"queueit.events.drop.enqueue-token.enabled=false")
			.run((context) -> {
				EnqueueTokenPolicy policy = context.getBean(EnqueueTokenPolicy.class);
				assertThat(policy.settingsFor("summersale"))
					.isEqualTo(new EnqueueTokenSettings(true, Duration.ofMinutes(2), true, true, false));
				assertThat(policy.settingsFor("drop").enabled()).isFalse();
				assertThat(policy.settingsFor("other")).isEqualTo(policy.defaults());
			});
	}

	@Test
	void bindingWhenAnEntryOnlyTunesEnqueueTokensThenItDefinesNoEventInCode() {
		this.runner
			.withPropertyValues("queueit.events.summersale.enqueue-token.enabled=true",
					"queueit.events.drop.queue-domain=drops.queue-it.net")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(QueueEvents.class).ids()).containsExactly("drop");
			});
	}

	@Test
	void startWhenValidityIsLongerThanADayThenFailsNamingTheProperty() {
		this.runner.withPropertyValues("queueit.events.drop.enqueue-token.validity=2d").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("queueit.events.drop.enqueue-token.validity must be at least 30s and at most 1d");
		});
	}

	@Test
	void contextWhenUserDefinesAPolicyThenAutoConfiguredOneBacksOffAndTheConnectorIsBuilt() {
		EnqueueTokenPolicy own = EnqueueTokenPolicy.of(EnqueueTokenSettings.enabledByDefault());
		this.runner.withBean(EnqueueTokenPolicy.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(EnqueueTokenPolicy.class).hasSingleBean(QueueConnector.class);
			assertThat(context.getBean(EnqueueTokenPolicy.class)).isSameAs(own);
		});
	}

	@Test
	void metadataWhenGeneratedThenDescribesTheEnqueueTokenPropertiesWithDefaults() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			metadata = new ObjectMapper().readTree(in);
		}
		Map<String, String> defaults = Map.of("queueit.enqueue-token.enabled", "false",
				"queueit.enqueue-token.validity", "240s", "queueit.enqueue-token.key", "true",
				"queueit.enqueue-token.ip-binding", "false", "queueit.enqueue-token.forwarded-for-binding", "false");
		defaults.forEach((name, value) -> {
			JsonNode property = null;
			for (JsonNode candidate : metadata.path("properties")) {
				if (candidate.path("name").asText().equals(name)) {
					property = candidate;
				}
			}
			assertThat(property).as(name).isNotNull();
			assertThat(property.path("description").asText()).as(name).isNotBlank();
			assertThat(property.path("defaultValue").asText()).as(name).isEqualTo(value);
		});
	}

}
