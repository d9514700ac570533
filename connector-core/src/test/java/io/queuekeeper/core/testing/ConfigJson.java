package io.queuekeeper.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import org.jspecify.annotations.Nullable;

/**
 * Builds integration config documents in the shape GO publishes (spec 5), field by field,
 * so that a test can leave out, mistype or add any field.
 */
public final class ConfigJson {

	/** The example config of spec 5.7, under {@code src/test/resources}. */
	public static final String EXAMPLE_RESOURCE = "/fixtures/example-integration-config.json";

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final Map<String, @Nullable Object> root = new LinkedHashMap<>();

	private final List<Object> integrations = new ArrayList<>();

	private ConfigJson() {
		this.root.put("Description", "built by a test");
		this.root.put("Integrations", this.integrations);
		this.root.put("CustomerId", Vectors.CUSTOMER);
		this.root.put("AccountId", Vectors.CUSTOMER);
		this.root.put("Version", 7);
		this.root.put("PublishDate", "2025-05-01T10:00:00.0000000Z");
		this.root.put("ConfigDataVersion", "1.0.0.1");
	}

	/**
	 * Starts a config with version 7 and no integrations.
	 */
	public static ConfigJson config() {
		return new ConfigJson();
	}

	/**
	 * Returns the text of the spec 5.7 example config.
	 */
	public static String exampleJson() {
		try (InputStream in = ConfigJson.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing " + EXAMPLE_RESOURCE);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the spec 5.7 example config, parsed.
	 */
	public static IntegrationConfig example() {
		return new IntegrationConfigParser().parse(exampleJson());
	}

	public ConfigJson set(String field, @Nullable Object value) {
		this.root.put(field, value);
		return this;
	}

	public ConfigJson without(String field) {
		this.root.remove(field);
		return this;
	}

	public ConfigJson integration(Integration integration) {
		this.integrations.add(integration.fields);
		return this;
	}

	public String json() {
		try {
			return MAPPER.writeValueAsString(this.root);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public IntegrationConfig parse() {
		return new IntegrationConfigParser().parse(json());
	}

	/**
	 * Starts a Queue integration for {@link Vectors#EVENT} on
	 * {@link Vectors#QUEUE_DOMAIN} with every field GO writes, at GO's default values,
	 * and no triggers.
	 */
	public static Integration queue(String name) {
		return new Integration(name, "Queue");
	}

	/**
	 * Starts a Cancel integration, see {@link #queue}.
	 */
	public static Integration cancel(String name) {
		return new Integration(name, "Cancel");
	}

	/**
	 * Starts an Ignore integration with blank event and queue domain, as GO writes it.
	 */
	public static Integration ignore(String name) {
		return new Integration(name, "Ignore").set("EventId", "").set("QueueDomain", "");
	}

	/**
	 * Returns a trigger part from alternating field names and values.
	 */
	public static Map<String, @Nullable Object> part(@Nullable Object... fieldsAndValues) {
		Map<String, @Nullable Object> part = new LinkedHashMap<>();
		for (int i = 0; i < fieldsAndValues.length; i += 2) {
			part.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		return part;
	}

	/**
	 * A part that matches when the path contains the value, ignoring case.
	 */
	public static Map<String, @Nullable Object> pathContains(String value) {
		return part("ValidatorType", "UrlValidator", "UrlPart", "PagePath", "Operator", "Contains", "ValueToCompare",
				value, "ValuesToCompare", null, "IsNegative", false, "IsIgnoreCase", true);
	}

	/**
	 * A part that matches when the whole URL contains the value, ignoring case.
	 */
	public static Map<String, @Nullable Object> urlContains(String value) {
		return part("ValidatorType", "UrlValidator", "UrlPart", "PageUrl", "Operator", "Contains", "ValueToCompare",
				value, "ValuesToCompare", null, "IsNegative", false, "IsIgnoreCase", true);
	}

	/**
	 * One integration (action) of a config.
	 */
	public static final class Integration {

		private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();

		private final List<Object> triggers = new ArrayList<>();

		private Integration(String name, String actionType) {
			this.fields.put("Name", name);
			this.fields.put("ActionType", actionType);
			this.fields.put("EventId", Vectors.EVENT);
			this.fields.put("CookieDomain", "");
			this.fields.put("IsCookieHttpOnly", false);
			this.fields.put("IsCookieSecure", false);
			this.fields.put("LayoutName", "");
			this.fields.put("Culture", "");
			this.fields.put("ExtendCookieValidity", true);
			this.fields.put("CookieValidityMinute", 20);
			this.fields.put("QueueDomain", Vectors.QUEUE_DOMAIN);
			this.fields.put("RedirectLogic", "AllowTParameter");
			this.fields.put("ForcedTargetUrl", "");
			this.fields.put("Triggers", this.triggers);
		}

		public Integration set(String field, @Nullable Object value) {
			this.fields.put(field, value);
			return this;
		}

		public Integration without(String field) {
			this.fields.remove(field);
			return this;
		}

		/**
		 * Adds a trigger whose parts must all match.
		 */
		@SafeVarargs
		public final Integration and(Map<String, @Nullable Object>... parts) {
			return trigger("And", parts);
		}

		/**
		 * Adds a trigger of which one part must match.
		 */
		@SafeVarargs
		public final Integration or(Map<String, @Nullable Object>... parts) {
			return trigger("Or", parts);
		}

		/**
		 * Adds a trigger with the given logical operator.
		 */
		@SafeVarargs
		public final Integration trigger(@Nullable String logicalOperator, Map<String, @Nullable Object>... parts) {
			Map<String, @Nullable Object> trigger = new LinkedHashMap<>();
			trigger.put("TriggerParts", new ArrayList<>(Arrays.asList(parts)));
			trigger.put("LogicalOperator", logicalOperator);
			this.triggers.add(trigger);
			return this;
		}

	}

}
