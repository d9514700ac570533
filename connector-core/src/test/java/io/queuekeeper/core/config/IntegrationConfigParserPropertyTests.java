package io.queuekeeper.core.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.testing.ConnectorFixtures;
import io.queuekeeper.core.testing.DecisionAssertions;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.WireArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Any document handed to {@link IntegrationConfigParser} either compiles into a config
 * that the engine can evaluate any request against, or is rejected with a
 * {@link ConnectorConfigurationException}; no other exception ever escapes.
 */
class IntegrationConfigParserPropertyTests {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"Integrations\"",
			"\"Version\"", "\"Triggers\"", "\"TriggerParts\"", "\"EventId\"", "\"QueueDomain\"", "\"ValuesToCompare\"",
			"null", "true", "false", "0", "-1", "1e400", "-0.0", "12345678901234567890", "\"x\"", "\"\\u0000\"",
			"\"\\ud800\"", "\"\\", "NaN", "Infinity", "'a'", "/*c*/", "//c\n", " ", "\n", "\uFEFF", "\"sale\"",
			"\"queue.example.com\"");

	private static final List<String> FIELD_NAMES = List.of("Integrations", "Version", "Name", "ActionType", "EventId",
			"QueueDomain", "Triggers", "TriggerParts", "LogicalOperator", "ValidatorType", "Operator", "ValueToCompare",
			"ValuesToCompare", "UrlPart", "CookieName", "HttpHeaderName", "IsNegative", "IsIgnoreCase");

	private final IntegrationConfigParser parser = new IntegrationConfigParser();

	private final QueueConnector connector = ConnectorFixtures.connector();

	@Property(tries = 1500)
	void parseWhenDocumentIsArbitraryTextThenCompilesOrThrowsConfigurationException(
			@ForAll("documents") String document, @ForAll("requests") TestRequest request) {
		Optional<IntegrationConfig> config = parseOrReject(document);
		Statistics.label("outcome").collect(config.isPresent() ? "compiled" : "rejected");
		config.ifPresent((compiled) -> assertEvaluates(compiled, request));
		Statistics.label("outcome").coverage((coverage) -> {
			coverage.check("compiled").count((Integer count) -> count > 0);
			coverage.check("rejected").count((Integer count) -> count > 0);
		});
	}

	@Property(tries = 700)
	void parseWhenDocumentIsStructurallyValidJsonThenCompilesOrThrowsConfigurationException(
			@ForAll("configTrees") ObjectNode tree, @ForAll("requests") TestRequest request)
			throws JsonProcessingException {
		String document = MAPPER.writeValueAsString(tree);
		Optional<IntegrationConfig> config = parseOrReject(document);
		Statistics.label("outcome").collect(config.isPresent() ? "compiled" : "rejected");
		JsonNode reread = MAPPER.readTree(document);
		config.ifPresent((compiled) -> {
			assertMirrors(compiled, reread);
			assertThat(this.parser.parse(document)).isEqualTo(compiled);
			assertEvaluates(compiled, request);
		});
		Statistics.label("outcome").coverage((coverage) -> {
			coverage.check("compiled").percentage((Double percent) -> percent >= 10);
			coverage.check("rejected").percentage((Double percent) -> percent >= 10);
		});
	}

	@Example
	void parseWhenNestingIsFarDeeperThanAllowedThenThrowsConfigurationException() {
		int depth = 200_000;
		String document = "{\"Integrations\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
		assertThatExceptionOfType(InvalidIntegrationConfigException.class).isThrownBy(() -> this.parser.parse(document))
			.withMessageContaining("not valid JSON");
	}

	@Example
	void parseWhenNumbersAreHugeThenThrowsConfigurationException() {
		String digits = "9".repeat(100_000);
		assertThatExceptionOfType(InvalidIntegrationConfigException.class)
			.isThrownBy(() -> this.parser.parse("{\"Version\":" + digits + "}"));
		assertThatExceptionOfType(InvalidIntegrationConfigException.class)
			.isThrownBy(() -> this.parser.parse("{\"Version\":1e" + digits + "}"));
	}

	@Provide
	Arbitrary<String> documents() {
		Arbitrary<String> soup = Arbitraries
			.frequencyOf(List.of(Tuple.of(4, Arbitraries.of(JSON_TOKENS)), Tuple.of(1, WireArbitraries.wireText())))
			.list()
			.ofMaxSize(30)
			.map((tokens) -> String.join("", tokens));
		Arbitrary<String> nested = Combinators
			.combine(Arbitraries.integers().between(1, 3000), Arbitraries.of("[", "{\"Integrations\":[", "{\"a\":"))
			.as((depth, open) -> "{\"Integrations\":" + open.repeat(depth) + "]".repeat(depth) + "}");
		Arbitrary<String> validText = Arbitraries.oneOf(Arbitraries.just(ConnectorFixtures.CONFIG_JSON),
				configTrees().map(IntegrationConfigParserPropertyTests::write));
		Arbitrary<String> mutated = Combinators
			.combine(validText, Arbitraries.integers().between(0, Integer.MAX_VALUE), WireArbitraries.wireText(),
					Arbitraries.of(Mutation.values()))
			.as(IntegrationConfigParserPropertyTests::mutate);
		return Arbitraries.frequencyOf(List.of(Tuple.of(2, WireArbitraries.wireText()), Tuple.of(3, soup),
				Tuple.of(1, nested), Tuple.of(4, mutated), Tuple.of(1, validText)));
	}

	@Provide
	Arbitrary<ObjectNode> configTrees() {
		Map<String, Arbitrary<Optional<JsonNode>>> root = new LinkedHashMap<>();
		root.put("Version", field(Arbitraries.integers().map(IntNode::valueOf)));
		root.put("Description", field(text(WireArbitraries.wireText())));
		root.put("CustomerId", field(text(Arbitraries.of("acme", ""))));
		root.put("PublishDate", field(text(Arbitraries.of("2017-05-15T21:39:12.0076806Z"))));
		root.put("Integrations", field(integrations().list().ofMaxSize(3).map(this::array)));
		root.put("Unknown", field(jsonValues(2)));
		return object(root);
	}

	@Provide
	Arbitrary<TestRequest> requests() {
		return WireArbitraries.requests();
	}

	private Arbitrary<ObjectNode> integrations() {
		Map<String, Arbitrary<Optional<JsonNode>>> fields = new LinkedHashMap<>();
		fields.put("Name",
				field(text(Arbitraries.oneOf(Arbitraries.of("Sale", "Sale (main)", ""), WireArbitraries.wireText()))));
		fields.put("ActionType", field(text(oneOrAny("Queue", "Cancel", "Ignore", "", "queue"))));
		fields.put("EventId", field(text(oneOrAny("sale", "Sale", "e-1", "a.b_c", "x~y"))));
		fields.put("QueueDomain",
				field(text(oneOrAny("queue.example.com", "q.example.com/path/", "acme.queue-it.net"))));
		fields.put("CookieDomain", field(text(oneOrAny(".example.com", "", "example.com"))));
		fields.put("IsCookieHttpOnly", field(booleans()));
		fields.put("IsCookieSecure", field(booleans()));
		fields.put("CookieValidityMinute",
				field(Arbitraries
					.frequencyOf(List.of(Tuple.of(3, Arbitraries.integers().between(1, 60)),
							Tuple.of(1, Arbitraries.integers())))
					.map(IntNode::valueOf)));
		fields.put("ExtendCookieValidity", field(booleans()));
		fields.put("Culture", field(text(oneOrAny("en-US", ""))));
		fields.put("LayoutName", field(text(oneOrAny("Christmas Layout by Queue-it", ""))));
		fields.put("RedirectLogic",
				field(text(oneOrAny("AllowTParameter", "ForcedTargetUrl", "ForecedTargetUrl", "EventTargetUrl"))));
		fields.put("ForcedTargetUrl", field(text(WireArbitraries.requestUrls())));
		fields.put("Triggers", field(triggers().list().ofMaxSize(3).map(this::array)));
		return object(fields);
	}

	private Arbitrary<ObjectNode> triggers() {
		Map<String, Arbitrary<Optional<JsonNode>>> fields = new LinkedHashMap<>();
		fields.put("LogicalOperator", field(text(oneOrAny("And", "Or", "or", ""))));
		fields.put("TriggerParts", field(triggerParts().list().ofMaxSize(4).map(this::array)));
		return object(fields);
	}

	private Arbitrary<ObjectNode> triggerParts() {
		Map<String, Arbitrary<Optional<JsonNode>>> fields = new LinkedHashMap<>();
		fields.put("ValidatorType", field(text(oneOrAny("UrlValidator", "CookieValidator", "UserAgentValidator",
				"HttpHeaderValidator", "RequestBodyValidator", "urlvalidator"))));
		fields.put("UrlPart", field(text(oneOrAny("PageUrl", "PagePath", "HostName", ""))));
		fields.put("CookieName", field(text(oneOrAny("skip", "QueueITAccepted-SDFrts345E-V3_sale", ""))));
		fields.put("HttpHeaderName", field(text(oneOrAny("User-Agent", "x-queueit-ajaxpageurl", ""))));
		fields.put("Operator", field(text(oneOrAny("Equals", "Contains", "EqualsAny", "ContainsAny", "equals"))));
		fields.put("ValueToCompare", field(text(oneOrAny("*", "/drop/", "", "shop.example.com"))));
		Arbitrary<JsonNode> value = Arbitraries.frequencyOf(List.of(Tuple.of(6, text(oneOrAny("*", "drop", ""))),
				Tuple.of(1, Arbitraries.just(NullNode.getInstance()))));
		fields.put("ValuesToCompare", field(value.list().ofMaxSize(4).map(this::array)));
		fields.put("IsNegative", field(booleans()));
		fields.put("IsIgnoreCase", field(booleans()));
		return object(fields);
	}

	/**
	 * A field that mostly holds a value of the right type, and sometimes a value of any
	 * JSON type, an explicit {@code null}, or nothing at all.
	 */
	private static Arbitrary<Optional<JsonNode>> field(Arbitrary<? extends JsonNode> valid) {
		List<Tuple2<Integer, Arbitrary<Optional<JsonNode>>>> choices = List.of(
				Tuple.of(30, valid.map(Optional::<JsonNode>of)), Tuple.of(1, jsonValues(1).map(Optional::of)),
				Tuple.of(1, Arbitraries.just(Optional.<JsonNode>of(NullNode.getInstance()))),
				Tuple.of(3, Arbitraries.just(Optional.<JsonNode>empty())));
		return Arbitraries.frequencyOf(choices);
	}

	private static Arbitrary<ObjectNode> object(Map<String, Arbitrary<Optional<JsonNode>>> fields) {
		List<String> names = new ArrayList<>(fields.keySet());
		List<Arbitrary<Optional<JsonNode>>> values = new ArrayList<>(fields.values());
		return Combinators.combine(values).as((present) -> {
			ObjectNode node = NODES.objectNode();
			for (int i = 0; i < names.size(); i++) {
				int index = i;
				present.get(i).ifPresent((value) -> node.set(names.get(index), value));
			}
			return node;
		});
	}

	private ArrayNode array(List<? extends JsonNode> items) {
		ArrayNode array = NODES.arrayNode();
		items.forEach(array::add);
		return array;
	}

	/**
	 * Any JSON value, nested up to the depth.
	 */
	private static Arbitrary<JsonNode> jsonValues(int depth) {
		Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
				List.of(Arbitraries.just(NullNode.getInstance()), Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE),
						Arbitraries.integers().map(IntNode::valueOf), Arbitraries.longs().map(LongNode::valueOf),
						Arbitraries.bigIntegers()
							.between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
							.map(BigIntegerNode::valueOf),
						Arbitraries.doubles().map(DoubleNode::valueOf),
						WireArbitraries.wireText().map(TextNode::valueOf)));
		if (depth <= 0) {
			return leaf;
		}
		Arbitrary<JsonNode> array = jsonValues(depth - 1).list().ofMaxSize(3).map((items) -> {
			ArrayNode node = NODES.arrayNode();
			items.forEach(node::add);
			return node;
		});
		Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(FIELD_NAMES), WireArbitraries.wireText());
		Arbitrary<JsonNode> object = Combinators.combine(name, jsonValues(depth - 1))
			.as(Tuple::of)
			.list()
			.ofMaxSize(3)
			.map((entries) -> {
				ObjectNode node = NODES.objectNode();
				entries.forEach((entry) -> node.set(entry.get1(), entry.get2()));
				return node;
			});
		return Arbitraries.frequencyOf(List.of(Tuple.of(4, leaf), Tuple.of(1, array), Tuple.of(1, object)));
	}

	private static Arbitrary<JsonNode> text(Arbitrary<String> values) {
		return values.map(TextNode::valueOf);
	}

	private static Arbitrary<String> oneOrAny(String... values) {
		return Arbitraries
			.frequencyOf(List.of(Tuple.of(5, Arbitraries.of(values)), Tuple.of(1, WireArbitraries.wireText())));
	}

	private static Arbitrary<JsonNode> booleans() {
		return Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE);
	}

	private Optional<IntegrationConfig> parseOrReject(String document) {
		try {
			return Optional.of(this.parser.parse(document));
		}
		catch (ConnectorConfigurationException ex) {
			assertThat(ex).isInstanceOf(InvalidIntegrationConfigException.class);
			assertThat(ex.getMessage()).isNotBlank();
			return Optional.empty();
		}
	}

	private void assertEvaluates(IntegrationConfig config, TestRequest request) {
		Decision decision = this.connector.evaluate(request, config);
		DecisionAssertions.assertWellFormed(decision);
		String actionName = decision.result().actionName();
		if (decision.result().actionType() != null && actionName != null) {
			assertThat(config.integrations()).extracting(Integration::name).contains(actionName);
		}
	}

	/**
	 * The compiled config keeps the version, the integrations in order and their
	 * identity.
	 */
	private static void assertMirrors(IntegrationConfig config, JsonNode tree) {
		JsonNode version = tree.path("Version");
		assertThat(config.version()).isEqualTo(version.isIntegralNumber() ? version.intValue() : -1);
		JsonNode integrations = tree.path("Integrations");
		assertThat(config.integrations()).hasSize(integrations.isArray() ? integrations.size() : 0);
		for (int i = 0; i < config.integrations().size(); i++) {
			Integration integration = config.integrations().get(i);
			JsonNode node = integrations.get(i);
			assertThat(integration.name()).isEqualTo(node.path("Name").asText(""));
			if (integration.actionType() != ActionType.IGNORE) {
				assertThat(integration.eventId()).isEqualTo(node.path("EventId").asText());
				assertThat(integration.queueDomain()).isEqualTo(node.path("QueueDomain").asText());
			}
			assertThat(integration.triggers()).hasSize(node.path("Triggers").size());
		}
	}

	private static String write(ObjectNode tree) {
		try {
			return MAPPER.writeValueAsString(tree);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String mutate(String document, int position, String text, Mutation mutation) {
		int at = position % (document.length() + 1);
		return switch (mutation) {
			case TRUNCATE -> document.substring(0, at);
			case INSERT -> document.substring(0, at) + text + document.substring(at);
			case DELETE ->
				document.substring(0, at) + document.substring(Math.min(document.length(), at + 1 + text.length()));
			case REPLACE_CHARACTER -> (at < document.length()) ? document.substring(0, at)
					+ (text.isEmpty() ? "\"" : text.substring(0, 1)) + document.substring(at + 1) : document + text;
		};
	}

	enum Mutation {

		TRUNCATE, INSERT, DELETE, REPLACE_CHARACTER

	}

}
