package io.queuekeeper.core.config;

import java.util.ArrayList;
import java.util.List;

import io.queuekeeper.core.rules.LogicalOperator;
import io.queuekeeper.core.rules.Operator;
import io.queuekeeper.core.rules.Trigger;
import io.queuekeeper.core.rules.TriggerPart;
import io.queuekeeper.core.rules.UrlPart;
import io.queuekeeper.core.rules.ValidatorType;
import io.queuekeeper.core.testing.ConfigJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link IntegrationConfig} is a class that holds a trigger table, but must still behave
 * as the record of its version and integrations that it replaced: equal when both are
 * equal, and shown the same way.
 */
class IntegrationConfigTests {

	/** A record of the same components, which a config must never equal. */
	private record AsRecord(int version, List<Integration> integrations) {

	}

	@Test
	void equalsWhenSameVersionAndEqualIntegrationsThenEqualWithSameHashCode() {
		IntegrationConfig config = new IntegrationConfig(7, List.of(integration("drop", "/drop/")));
		IntegrationConfig same = new IntegrationConfig(7, List.of(integration("drop", "/drop/")));
		assertThat(config).isEqualTo(same).isNotSameAs(same).hasSameHashCodeAs(same);
		assertThat(same).isEqualTo(config);
		assertThat(config).isEqualTo(config);
	}

	@Test
	void equalsWhenVersionOrIntegrationsDifferThenNotEqual() {
		IntegrationConfig config = new IntegrationConfig(7,
				List.of(integration("drop", "/drop/"), integration("sale", "/sale/")));
		assertThat(config).isNotEqualTo(new IntegrationConfig(8, config.integrations()))
			.isNotEqualTo(new IntegrationConfig(7, List.of(integration("drop", "/drop/"))))
			.isNotEqualTo(
					new IntegrationConfig(7, List.of(integration("sale", "/sale/"), integration("drop", "/drop/"))))
			.isNotEqualTo(
					new IntegrationConfig(7, List.of(integration("drop", "/DROP/"), integration("sale", "/sale/"))))
			.isNotEqualTo(new AsRecord(7, config.integrations()))
			.isNotEqualTo(null);
	}

	@Test
	void toStringWhenAnyConfigThenNamesVersionAndIntegrationsAsTheRecordDid() {
		for (IntegrationConfig config : List.of(new IntegrationConfig(-1, List.of()),
				new IntegrationConfig(7, List.of(integration("drop", "/drop/"))), new IntegrationConfig(
						Integer.MIN_VALUE, List.of(integration("drop", "/drop/"), integration("sale", "/sale/"))))) {
			assertThat(config).hasToString(
					"IntegrationConfig[version=" + config.version() + ", integrations=" + config.integrations() + "]");
		}
		assertThat(new IntegrationConfig(3, List.of())).hasToString("IntegrationConfig[version=3, integrations=[]]");
	}

	@Test
	void constructorWhenListChangesLaterThenConfigKeepsItsCopy() {
		List<Integration> integrations = new ArrayList<>(List.of(integration("drop", "/drop/")));
		IntegrationConfig config = new IntegrationConfig(7, integrations);
		integrations.add(integration("sale", "/sale/"));
		assertThat(config.integrations()).extracting(Integration::name).containsExactly("drop");
		assertThat(config).isEqualTo(new IntegrationConfig(7, List.of(integration("drop", "/drop/"))));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> config.integrations().add(integration("sale", "/sale/")));
	}

	@Test
	void equalsWhenSameJsonParsedTwiceThenEqual() {
		ConfigJson json = ConfigJson.config()
			.integration(ConfigJson.queue("drop").and(ConfigJson.pathContains("/drop/")))
			.integration(ConfigJson.ignore("static").or(ConfigJson.urlContains(".css"), ConfigJson.urlContains(".js")));
		IntegrationConfig first = json.parse();
		IntegrationConfig second = json.parse();
		assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
		assertThat(first).hasToString(second.toString());
		assertThat(first.version()).isEqualTo(7);
		assertThat(first.integrations()).extracting(Integration::name).containsExactly("drop", "static");
	}

	private static Integration integration(String name, String pathLiteral) {
		Trigger trigger = new Trigger(LogicalOperator.AND, List.of(TriggerPart.of(ValidatorType.URL, UrlPart.PAGE_PATH,
				"", Operator.CONTAINS, pathLiteral, List.of(), false, false)));
		return new Integration(name, ActionType.QUEUE, "event-" + name, "queue.example.com", null, false, false, 20,
				true, "", "", RedirectLogic.ALLOW_T_PARAMETER, "", List.of(trigger));
	}

}
