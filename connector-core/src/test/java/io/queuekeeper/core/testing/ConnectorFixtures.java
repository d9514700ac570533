package io.queuekeeper.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.queuekeeper.core.CancelEventConfig;
import io.queuekeeper.core.ConnectorSettings;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.QueueEventConfig;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.token.SessionCookies;

/**
 * One account, one fixed clock and one integration config that reads every kind of
 * request value (URL, User-Agent, a header, a cookie and the body), shared by the
 * property tests.
 */
public final class ConnectorFixtures {

	/** Customer id of the account. */
	public static final String CUSTOMER_ID = "acme";

	/** A 72-character secret shaped like the keys GO hands out. */
	public static final String SECRET = "4e1db821-a825-49da-acd0-5d376f2068db0fd8c7f6-5d5c-4e2e-a5c1-6e3e9b4d1a2f";

	/** The connector's fixed "now". */
	public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	/** {@link #NOW} in epoch seconds. */
	public static final long NOW_SECONDS = NOW.getEpochSecond();

	/** The waiting room of the event. */
	public static final String QUEUE_DOMAIN = "queue.example.com";

	/** The event protected by the config and by {@link #QUEUE_EVENT}. */
	public static final String EVENT_ID = "sale";

	/** Name of the event's session cookie. */
	public static final String SESSION_COOKIE = SessionCookies.name(EVENT_ID);

	/** The queue action defined in code. */
	public static final QueueEventConfig QUEUE_EVENT = QueueEventConfig.of(EVENT_ID, QUEUE_DOMAIN);

	/** The cancel action defined in code. */
	public static final CancelEventConfig CANCEL_EVENT = CancelEventConfig.of(EVENT_ID, QUEUE_DOMAIN);

	/**
	 * Ignore {@code /static/}, ignore requests flagged by User-Agent, header, cookie or
	 * body, cancel {@code /cancel/}, and queue every other non-empty URL.
	 */
	public static final String CONFIG_JSON = """
			{
			  "Version": 7,
			  "Description": "property fixture",
			  "Integrations": [
			    {
			      "Name": "Static", "ActionType": "Ignore",
			      "Triggers": [ { "LogicalOperator": "And", "TriggerParts": [
			        { "ValidatorType": "UrlValidator", "UrlPart": "PagePath", "Operator": "Contains", "ValueToCompare": "/static/" }
			      ] } ]
			    },
			    {
			      "Name": "Skip", "ActionType": "Ignore",
			      "Triggers": [ { "LogicalOperator": "Or", "TriggerParts": [
			        { "ValidatorType": "UserAgentValidator", "Operator": "Contains", "ValueToCompare": "bot", "IsIgnoreCase": true },
			        { "ValidatorType": "HttpHeaderValidator", "HttpHeaderName": "x-skip", "Operator": "EqualsAny", "ValuesToCompare": ["1", "yes"] },
			        { "ValidatorType": "CookieValidator", "CookieName": "skip", "Operator": "ContainsAny", "ValuesToCompare": ["please"] },
			        { "ValidatorType": "RequestBodyValidator", "Operator": "Contains", "ValueToCompare": "skip-queue", "IsIgnoreCase": true },
			        { "ValidatorType": "UrlValidator", "UrlPart": "HostName", "Operator": "Equals", "ValueToCompare": "internal.example.com", "IsIgnoreCase": true }
			      ] } ]
			    },
			    {
			      "Name": "Leave", "ActionType": "Cancel", "EventId": "sale", "QueueDomain": "queue.example.com",
			      "Triggers": [ { "LogicalOperator": "And", "TriggerParts": [
			        { "ValidatorType": "UrlValidator", "UrlPart": "PagePath", "Operator": "Contains", "ValueToCompare": "/cancel/" }
			      ] } ]
			    },
			    {
			      "Name": "Sale (main)", "ActionType": "Queue", "EventId": "sale", "QueueDomain": "queue.example.com",
			      "CookieValidityMinute": 20, "ExtendCookieValidity": true, "Culture": "en-US", "LayoutName": "Sale layout",
			      "RedirectLogic": "AllowTParameter",
			      "Triggers": [ { "LogicalOperator": "And", "TriggerParts": [
			        { "ValidatorType": "UrlValidator", "UrlPart": "PageUrl", "Operator": "Contains", "ValueToCompare": "*" }
			      ] } ]
			    }
			  ]
			}
			""";

	private ConnectorFixtures() {
	}

	/**
	 * Returns a connector for the account with the clock fixed at {@link #NOW}.
	 */
	public static QueueConnector connector() {
		return new QueueConnector(new ConnectorSettings(CUSTOMER_ID, SECRET, Clock.fixed(NOW, ZoneOffset.UTC)));
	}

	/**
	 * Returns the compiled {@link #CONFIG_JSON}.
	 */
	public static IntegrationConfig config() {
		return new IntegrationConfigParser().parse(CONFIG_JSON);
	}

}
