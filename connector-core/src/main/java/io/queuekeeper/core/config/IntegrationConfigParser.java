package io.queuekeeper.core.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.queuekeeper.core.internal.EventChecks;
import io.queuekeeper.core.internal.Strings;
import io.queuekeeper.core.rules.LogicalOperator;
import io.queuekeeper.core.rules.Operator;
import io.queuekeeper.core.rules.Trigger;
import io.queuekeeper.core.rules.TriggerPart;
import io.queuekeeper.core.rules.UrlPart;
import io.queuekeeper.core.rules.ValidatorType;
import org.jspecify.annotations.Nullable;

/**
 * Parses the integration config JSON that Queue-it GO publishes into a compiled
 * {@link IntegrationConfig}. Unknown fields are ignored and sparse fields get defaults; a
 * document that cannot be used is rejected with an
 * {@link InvalidIntegrationConfigException}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class IntegrationConfigParser {

	/** Cookie validity, in minutes, of an integration that does not say. */
	public static final int DEFAULT_COOKIE_VALIDITY_MINUTES = 20;

	/** Whether an integration that does not say extends its session cookie. */
	public static final boolean DEFAULT_EXTEND_COOKIE_VALIDITY = true;

	private static final int MAX_NESTING_DEPTH = 64;

	private final ObjectMapper mapper;

	/**
	 * Creates a parser with its own private {@link ObjectMapper}.
	 */
	public IntegrationConfigParser() {
		this.mapper = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
			.build();
		this.mapper.getFactory()
			.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
	}

	/**
	 * Parses and compiles a config document.
	 * @param json the document
	 * @return the compiled config
	 * @throws InvalidIntegrationConfigException if the document cannot be used
	 */
	public IntegrationConfig parse(String json) {
		JsonNode root;
		try {
			root = this.mapper.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidIntegrationConfigException(
					"Integration config is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new InvalidIntegrationConfigException("Integration config could not be read: " + ex.getMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new InvalidIntegrationConfigException("Integration config must be a JSON object");
		}
		int version = integer(root, "Version", -1, "Integration config");
		JsonNode array = root.get("Integrations");
		List<Integration> integrations = new ArrayList<>();
		if (array != null && !array.isNull()) {
			if (!array.isArray()) {
				throw new InvalidIntegrationConfigException("Integration config field 'Integrations' must be an array");
			}
			for (int i = 0; i < array.size(); i++) {
				integrations.add(integration(array.get(i), i));
			}
		}
		return new IntegrationConfig(version, integrations);
	}

	private Integration integration(JsonNode node, int index) {
		String where = "integration #" + index;
		if (!node.isObject()) {
			throw new InvalidIntegrationConfigException(where + " must be a JSON object");
		}
		String name = orEmpty(string(node, "Name", where));
		where = where + " ('" + name + "')";
		ActionType actionType = ActionType.fromWire(string(node, "ActionType", where));
		String eventId = orEmpty(string(node, "EventId", where));
		String queueDomain = orEmpty(string(node, "QueueDomain", where));
		if (actionType != ActionType.IGNORE) {
			check(EventChecks.eventIdProblem(eventId), where, "EventId");
			check(EventChecks.queueDomainProblem(queueDomain), where, "QueueDomain");
		}
		String cookieDomain = string(node, "CookieDomain", where);
		boolean httpOnly = bool(node, "IsCookieHttpOnly", false, where);
		boolean secure = bool(node, "IsCookieSecure", false, where);
		int validity = integer(node, "CookieValidityMinute", DEFAULT_COOKIE_VALIDITY_MINUTES, where);
		boolean extend = bool(node, "ExtendCookieValidity", DEFAULT_EXTEND_COOKIE_VALIDITY, where);
		String culture = orEmpty(string(node, "Culture", where));
		String layout = orEmpty(string(node, "LayoutName", where));
		RedirectLogic redirectLogic = RedirectLogic.fromWire(string(node, "RedirectLogic", where));
		String forcedTarget = orEmpty(string(node, "ForcedTargetUrl", where));
		List<Trigger> triggers = new ArrayList<>();
		JsonNode triggerArray = array(node, "Triggers", where);
		for (int i = 0; i < triggerArray.size(); i++) {
			triggers.add(trigger(triggerArray.get(i), where + " trigger #" + i));
		}
		return new Integration(name, actionType, eventId, queueDomain,
				Strings.isBlank(cookieDomain) ? null : cookieDomain, httpOnly, secure, validity, extend, culture,
				layout, redirectLogic, forcedTarget, triggers);
	}

	private Trigger trigger(JsonNode node, String where) {
		if (!node.isObject()) {
			throw new InvalidIntegrationConfigException(where + " must be a JSON object");
		}
		LogicalOperator operator = LogicalOperator.fromWire(orEmpty(string(node, "LogicalOperator", where)));
		List<TriggerPart> parts = new ArrayList<>();
		JsonNode partArray = array(node, "TriggerParts", where);
		for (int i = 0; i < partArray.size(); i++) {
			parts.add(part(partArray.get(i), where + " part #" + i));
		}
		return new Trigger(operator, parts);
	}

	private TriggerPart part(JsonNode node, String where) {
		if (!node.isObject()) {
			throw new InvalidIntegrationConfigException(where + " must be a JSON object");
		}
		ValidatorType validator = ValidatorType.fromWire(orEmpty(string(node, "ValidatorType", where)));
		UrlPart urlPart = UrlPart.fromWire(orEmpty(string(node, "UrlPart", where)));
		String name = switch (validator) {
			case COOKIE -> orEmpty(string(node, "CookieName", where));
			case HTTP_HEADER -> orEmpty(string(node, "HttpHeaderName", where));
			default -> "";
		};
		Operator operator = Operator.fromWire(orEmpty(string(node, "Operator", where)));
		String value = orEmpty(string(node, "ValueToCompare", where));
		List<String> values = new ArrayList<>();
		JsonNode valueArray = array(node, "ValuesToCompare", where);
		for (int i = 0; i < valueArray.size(); i++) {
			JsonNode item = valueArray.get(i);
			if (item.isNull()) {
				values.add("");
			}
			else if (item.isTextual()) {
				values.add(item.asText());
			}
			else {
				throw new InvalidIntegrationConfigException(
						where + " field 'ValuesToCompare' must contain only strings, found " + item.getNodeType());
			}
		}
		boolean negative = bool(node, "IsNegative", false, where);
		boolean ignoreCase = bool(node, "IsIgnoreCase", false, where);
		return TriggerPart.of(validator, urlPart, name, operator, value, values, negative, ignoreCase);
	}

	private static void check(@Nullable String problem, String where, String field) {
		if (problem != null) {
			throw new InvalidIntegrationConfigException(where + " field '" + field + "' " + problem);
		}
	}

	private static @Nullable String string(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			throw typeError(where, field, "a string", value);
		}
		return value.asText();
	}

	private static boolean bool(JsonNode node, String field, boolean fallback, String where) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (!value.isBoolean()) {
			throw typeError(where, field, "true or false", value);
		}
		return value.booleanValue();
	}

	private static int integer(JsonNode node, String field, int fallback, String where) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw typeError(where, field, "a whole number", value);
		}
		return value.intValue();
	}

	private static JsonNode array(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return JsonNodeFactory.instance.arrayNode();
		}
		if (!value.isArray()) {
			throw typeError(where, field, "an array", value);
		}
		return value;
	}

	private static InvalidIntegrationConfigException typeError(String where, String field, String expected,
			JsonNode actual) {
		return new InvalidIntegrationConfigException(
				where + " field '" + field + "' must be " + expected + ", found " + actual.getNodeType());
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
