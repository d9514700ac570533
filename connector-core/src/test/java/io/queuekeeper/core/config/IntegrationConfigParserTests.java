package io.queuekeeper.core.config;

import java.util.List;

import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.rules.LogicalOperator;
import io.queuekeeper.core.rules.Operator;
import io.queuekeeper.core.rules.Trigger;
import io.queuekeeper.core.rules.TriggerPart;
import io.queuekeeper.core.rules.UrlPart;
import io.queuekeeper.core.rules.ValidatorType;
import io.queuekeeper.core.testing.ConfigJson;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.testing.ConfigJson.config;
import static io.queuekeeper.core.testing.ConfigJson.ignore;
import static io.queuekeeper.core.testing.ConfigJson.pathContains;
import static io.queuekeeper.core.testing.ConfigJson.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntegrationConfigParserTests {

	private final IntegrationConfigParser parser = new IntegrationConfigParser();

	/** Two integrations, so that the broken one is integration #1 ('Second'). */
	private static ConfigJson withSecond(ConfigJson.Integration second) {
		return config().integration(queue("First").and(pathContains("/first"))).integration(second);
	}

	@Test
	void parseWhenSpecExampleThenEveryIntegrationInOrderWithItsFields() {
		IntegrationConfig config = this.parser.parse(ConfigJson.exampleJson());
		assertThat(config.version()).isEqualTo(7);
		assertThat(config.integrations()).extracting(Integration::name)
			.containsExactly("Static assets bypass", "Summer Sale (main)", "Checkout API", "Leave queue on logout");
		assertThat(config.integrations()).extracting(Integration::actionType)
			.containsExactly(ActionType.IGNORE, ActionType.QUEUE, ActionType.QUEUE, ActionType.CANCEL);
		Integration main = config.integrations().get(1);
		assertThat(main.eventId()).isEqualTo(Vectors.EVENT);
		assertThat(main.queueDomain()).isEqualTo(Vectors.QUEUE_DOMAIN);
		assertThat(main.cookieDomain()).isEqualTo(".shop.example.com");
		assertThat(main.cookieHttpOnly()).isTrue();
		assertThat(main.cookieSecure()).isTrue();
		assertThat(main.cookieValidityMinutes()).isEqualTo(20);
		assertThat(main.extendCookieValidity()).isTrue();
		assertThat(main.culture()).isEqualTo("en-US");
		assertThat(main.layoutName()).isEqualTo("Christmas Layout by Queue-it");
		assertThat(main.redirectLogic()).isEqualTo(RedirectLogic.ALLOW_T_PARAMETER);
		assertThat(main.triggers()).extracting(Trigger::operator)
			.containsExactly(LogicalOperator.AND, LogicalOperator.OR);
		TriggerPart header = main.triggers().get(1).parts().get(0);
		assertThat(header.validator()).isEqualTo(ValidatorType.HTTP_HEADER);
		assertThat(header.name()).isEqualTo("x-sale-channel");
		assertThat(header.operator()).isEqualTo(Operator.EQUALS_ANY);
		assertThat(header.values()).containsExactly("app", "partner");
		assertThat(header.ignoreCase()).isTrue();
		TriggerPart path = main.triggers().get(0).parts().get(0);
		assertThat(path.urlPart()).isEqualTo(UrlPart.PAGE_PATH);
		assertThat(path.value()).isEqualTo("/products");
		assertThat(path.values()).isEmpty();
		Integration checkout = config.integrations().get(2);
		assertThat(checkout.redirectLogic()).isEqualTo(RedirectLogic.FORCED_TARGET_URL);
		assertThat(checkout.forcedTargetUrl()).isEqualTo("https://shop.example.com/basket");
		assertThat(checkout.culture()).isEmpty();
	}

	@Test
	void parseWhenIgnoreIntegrationHasBlankEventAndQueueDomainThenAccepted() {
		IntegrationConfig config = config().integration(ignore("Static").and(pathContains("/static/"))).parse();
		Integration integration = config.integrations().get(0);
		assertThat(integration.actionType()).isEqualTo(ActionType.IGNORE);
		assertThat(integration.eventId()).isEmpty();
		assertThat(integration.queueDomain()).isEmpty();
	}

	@Test
	void parseWhenIgnoreIntegrationHasNoEventFieldsAtAllThenAccepted() {
		IntegrationConfig config = config()
			.integration(ignore("Static").without("EventId").without("QueueDomain").and(pathContains("/static/")))
			.parse();
		assertThat(config.integrations()).hasSize(1);
	}

	@Test
	void parseWhenUnknownFieldsAnywhereThenIgnored() {
		String json = config().set("Brand", "new")
			.set("Nested", List.of(1, 2))
			.integration(queue("Q").set("FutureFlag", true)
				.set("Extra", List.of("x"))
				.and(ConfigJson.part("ValidatorType", "UrlValidator", "UrlPart", "PagePath", "Operator", "Contains",
						"ValueToCompare", "/p", "SomethingNew", 42)))
			.json();
		IntegrationConfig config = this.parser.parse(json);
		assertThat(config.integrations()).singleElement().extracting(Integration::name).isEqualTo("Q");
	}

	@Test
	void parseWhenVersionAndIntegrationsMissingThenMinusOneAndEmpty() {
		IntegrationConfig config = this.parser.parse("{}");
		assertThat(config.version()).isEqualTo(-1);
		assertThat(config.integrations()).isEmpty();
	}

	@Test
	void parseWhenIntegrationFieldsMissingThenDefaults() {
		IntegrationConfig config = this.parser.parse(
				"{\"Integrations\":[{\"Name\":\"Sparse\",\"EventId\":\"summersale\",\"QueueDomain\":\"q.example.com\"}]}");
		Integration integration = config.integrations().get(0);
		assertThat(integration.actionType()).isEqualTo(ActionType.QUEUE);
		assertThat(integration.cookieValidityMinutes()).isEqualTo(20);
		assertThat(integration.extendCookieValidity()).isTrue();
		assertThat(integration.triggers()).isEmpty();
		assertThat(integration.cookieDomain()).isNull();
		assertThat(integration.cookieHttpOnly()).isFalse();
		assertThat(integration.cookieSecure()).isFalse();
		assertThat(integration.culture()).isEmpty();
		assertThat(integration.layoutName()).isEmpty();
		assertThat(integration.redirectLogic()).isEqualTo(RedirectLogic.ALLOW_T_PARAMETER);
		assertThat(integration.forcedTargetUrl()).isEmpty();
	}

	@Test
	void parseWhenTriggerHasNoLogicalOperatorThenAnd() {
		IntegrationConfig config = config().integration(queue("Q").trigger(null, pathContains("/p"))).parse();
		assertThat(config.integrations().get(0).triggers().get(0).operator()).isEqualTo(LogicalOperator.AND);
	}

	@Test
	void parseWhenLogicalOperatorIsNotExactlyOrThenAnd() {
		IntegrationConfig config = config()
			.integration(queue("Q").trigger("or", pathContains("/p"))
				.trigger("OR", pathContains("/p"))
				.trigger("Or", pathContains("/p")))
			.parse();
		assertThat(config.integrations().get(0).triggers()).extracting(Trigger::operator)
			.containsExactly(LogicalOperator.AND, LogicalOperator.AND, LogicalOperator.OR);
	}

	@Test
	void parseWhenActionTypeVariesThenMissingAndBlankMeanQueueAndUnknownMeansIgnore() {
		IntegrationConfig config = config().integration(queue("Missing").without("ActionType"))
			.integration(queue("Blank").set("ActionType", ""))
			.integration(queue("Cancel").set("ActionType", "Cancel"))
			.integration(queue("Unknown").set("ActionType", "Redirect"))
			.integration(queue("Lower").set("ActionType", "queue"))
			.parse();
		assertThat(config.integrations()).extracting(Integration::actionType)
			.containsExactly(ActionType.QUEUE, ActionType.QUEUE, ActionType.CANCEL, ActionType.IGNORE,
					ActionType.IGNORE);
	}

	@Test
	void parseWhenRedirectLogicVariesThenMapsAsTheJavaConnector() {
		IntegrationConfig config = config().integration(queue("a").set("RedirectLogic", "AllowTParameter"))
			.integration(queue("b").set("RedirectLogic", "ForcedTargetUrl"))
			.integration(queue("c").set("RedirectLogic", "ForecedTargetUrl"))
			.integration(queue("d").set("RedirectLogic", "EventTargetUrl"))
			.integration(queue("e").set("RedirectLogic", ""))
			.integration(queue("f").set("RedirectLogic", "AllowTargetUrl"))
			.integration(queue("g").without("RedirectLogic"))
			.parse();
		assertThat(config.integrations()).extracting(Integration::redirectLogic)
			.containsExactly(RedirectLogic.ALLOW_T_PARAMETER, RedirectLogic.FORCED_TARGET_URL,
					RedirectLogic.FORCED_TARGET_URL, RedirectLogic.EVENT_TARGET_URL, RedirectLogic.ALLOW_T_PARAMETER,
					RedirectLogic.ALLOW_T_PARAMETER, RedirectLogic.ALLOW_T_PARAMETER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not json", "{", "{\"Version\":7", "{\"Version\":7} trailing", "{'Version':7}" })
	void parseWhenNotJsonThenInvalidConfig(String text) {
		assertThatThrownBy(() -> this.parser.parse(text)).isInstanceOf(InvalidIntegrationConfigException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "[{\"Version\":7}]", "\"text\"", "7", "null" })
	void parseWhenRootIsNotAnObjectThenInvalidConfig(String text) {
		assertThatThrownBy(() -> this.parser.parse(text)).isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("JSON object");
	}

	@Test
	void parseWhenIntegrationsIsNotAnArrayThenInvalidConfigNamingTheField() {
		assertThatThrownBy(() -> this.parser.parse("{\"Integrations\":{}}"))
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("Integrations");
	}

	@Test
	void parseWhenVersionIsNotANumberThenInvalidConfigNamingTheField() {
		assertThatThrownBy(() -> config().set("Version", "seven").parse())
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("Version");
	}

	@Test
	void parseWhenCookieValidityIsTextThenInvalidConfigNamingIntegrationAndField() {
		assertThatThrownBy(() -> withSecond(queue("Second").set("CookieValidityMinute", "abc")).parse())
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("integration #1 ('Second')")
			.hasMessageContaining("CookieValidityMinute");
	}

	@Test
	void parseWhenTriggersIsAnObjectThenInvalidConfigNamingIntegrationAndField() {
		assertThatThrownBy(() -> withSecond(queue("Second").set("Triggers", java.util.Map.of())).parse())
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("integration #1 ('Second')")
			.hasMessageContaining("Triggers");
	}

	@Test
	void parseWhenBooleanIsTextThenInvalidConfigNamingIntegrationAndField() {
		assertThatThrownBy(() -> withSecond(queue("Second").set("IsCookieSecure", "yes")).parse())
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("integration #1 ('Second')")
			.hasMessageContaining("IsCookieSecure");
	}

	@Test
	void parseWhenTriggerPartHasWrongTypeThenInvalidConfigNamingIntegrationAndField() {
		assertThatThrownBy(() -> withSecond(queue("Second").and(ConfigJson.part("ValidatorType", "UrlValidator",
				"UrlPart", "PagePath", "Operator", "EqualsAny", "ValuesToCompare", List.of(1, 2))))
			.parse()).isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("integration #1 ('Second')")
			.hasMessageContaining("ValuesToCompare");
	}

	@Test
	void parseWhenQueueIntegrationHasNoEventIdThenInvalidConfigNamingIntegrationAndField() {
		assertThatThrownBy(() -> withSecond(queue("Second").without("EventId")).parse())
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("integration #1 ('Second')")
			.hasMessageContaining("EventId");
		assertThatThrownBy(() -> withSecond(queue("Second").set("EventId", " ")).parse())
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("EventId");
	}

	@Test
	void parseWhenQueueIntegrationHasNoQueueDomainThenInvalidConfigNamingIntegrationAndField() {
		assertThatThrownBy(() -> withSecond(queue("Second").without("QueueDomain")).parse())
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("integration #1 ('Second')")
			.hasMessageContaining("QueueDomain");
	}

	@Test
	void parseWhenCancelIntegrationHasNoEventIdThenInvalidConfig() {
		assertThatThrownBy(() -> withSecond(ConfigJson.cancel("Second").set("EventId", "")).parse())
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("integration #1 ('Second')")
			.hasMessageContaining("EventId");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://ticketania.queue-it.net", "http://ticketania.queue-it.net",
			"HTTPS://ticketania.queue-it.net", "ticketania queue-it.net", " ticketania.queue-it.net",
			"ticketania.queue-it.net\t" })
	void parseWhenQueueDomainHasSchemeOrSpaceThenInvalidConfigNamingIntegrationAndField(String queueDomain) {
		assertThatThrownBy(() -> withSecond(queue("Second").set("QueueDomain", queueDomain)).parse())
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.isInstanceOf(ConnectorConfigurationException.class)
			.hasMessageContaining("integration #1 ('Second')")
			.hasMessageContaining("QueueDomain");
	}

	@Test
	void parseWhenQueueDomainHasAPathThenAccepted() {
		IntegrationConfig config = config().integration(queue("Q").set("QueueDomain", "queue.example.com/room/"))
			.parse();
		assertThat(config.integrations().get(0).queueDomain()).isEqualTo("queue.example.com/room/");
	}

	@Test
	void parseWhenIntegrationIsNotAnObjectThenInvalidConfigNamingItsPosition() {
		assertThatThrownBy(() -> this.parser.parse("{\"Integrations\":[{\"Name\":\"a\",\"ActionType\":\"Ignore\"},7]}"))
			.isInstanceOf(InvalidIntegrationConfigException.class)
			.hasMessageContaining("integration #1");
	}

	@Test
	void parseWhenSameParserUsedTwiceThenIndependentSnapshots() {
		IntegrationConfig first = this.parser.parse(config().set("Version", 1).json());
		IntegrationConfig second = this.parser.parse(config().set("Version", 2).json());
		assertThat(first.version()).isEqualTo(1);
		assertThat(second.version()).isEqualTo(2);
	}

	@Test
	void readsRequestBodyWhenABodyTriggerExistsThenTrue() {
		assertThat(ConfigJson.example().readsRequestBody()).isTrue();
	}

	@Test
	void readsRequestBodyWhenNoBodyTriggerThenFalse() {
		IntegrationConfig config = config()
			.integration(
					queue("Q").and(pathContains("/p"))
						.or(ConfigJson.part("ValidatorType", "HttpHeaderValidator", "HttpHeaderName", "x", "Operator",
								"Equals", "ValueToCompare", "1")))
			.parse();
		assertThat(config.readsRequestBody()).isFalse();
		assertThat(this.parser.parse("{}").readsRequestBody()).isFalse();
	}

	@Test
	void integrationsWhenParsedThenImmutable() {
		IntegrationConfig config = ConfigJson.example();
		assertThatThrownBy(() -> config.integrations().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> config.integrations().get(1).triggers().clear())
			.isInstanceOf(UnsupportedOperationException.class);
	}

}
