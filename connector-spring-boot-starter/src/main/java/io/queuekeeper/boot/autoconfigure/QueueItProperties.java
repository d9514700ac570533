package io.queuekeeper.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.queuekeeper.web.FailurePolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the Queue-it connector.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "queueit")
public class QueueItProperties {

	/**
	 * Whether the waiting room protects the application.
	 */
	private boolean enabled = true;

	/**
	 * Waiting-room vendor that protects the application; roomq reads its settings from
	 * roomq.*.
	 */
	private Provider provider = Provider.QUEUE_IT;

	/**
	 * Queue-it customer id, as shown in GO.
	 */
	private @Nullable String customerId;

	/**
	 * Secret key from GO (Account, Settings, Integration) that signs tokens and cookies.
	 */
	private @Nullable String secretKey;

	/**
	 * API key from GO, used to download the integration config from the GO platform.
	 */
	private @Nullable String apiKey;

	/**
	 * Policy applied when the connector cannot decide, e.g. before any integration config
	 * is loaded or on an unexpected error.
	 */
	private FailurePolicy failurePolicy = FailurePolicy.ALLOW;

	/**
	 * Largest part of a request body that RequestBodyValidator triggers see; the rest is
	 * ignored.
	 */
	private DataSize requestBodyLimit = DataSize.ofKilobytes(4);

	private final IntegrationConfig integrationConfig = new IntegrationConfig();

	private final Cookie cookie = new Cookie();

	private final Exclusions exclusions = new Exclusions();

	/**
	 * Events (waiting rooms) protected in code with @QueueProtected, by event id.
	 */
	private Map<String, Event> events = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Provider getProvider() {
		return this.provider;
	}

	public void setProvider(Provider provider) {
		this.provider = provider;
	}

	public @Nullable String getCustomerId() {
		return this.customerId;
	}

	public void setCustomerId(@Nullable String customerId) {
		this.customerId = customerId;
	}

	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public FailurePolicy getFailurePolicy() {
		return this.failurePolicy;
	}

	public void setFailurePolicy(FailurePolicy failurePolicy) {
		this.failurePolicy = failurePolicy;
	}

	public DataSize getRequestBodyLimit() {
		return this.requestBodyLimit;
	}

	public void setRequestBodyLimit(DataSize requestBodyLimit) {
		this.requestBodyLimit = requestBodyLimit;
	}

	public IntegrationConfig getIntegrationConfig() {
		return this.integrationConfig;
	}

	public Cookie getCookie() {
		return this.cookie;
	}

	public Exclusions getExclusions() {
		return this.exclusions;
	}

	public Map<String, Event> getEvents() {
		return this.events;
	}

	public void setEvents(Map<String, Event> events) {
		this.events = events;
	}

	@Override
	public String toString() {
		return "QueueItProperties[customerId=" + this.customerId + ", secretKey=" + mask(this.secretKey) + ", apiKey="
				+ mask(this.apiKey) + ", events=" + this.events.keySet() + "]";
	}

	private static String mask(@Nullable String secret) {
		return (secret != null) ? "******" : "null";
	}

	/**
	 * Where the integration config published in GO comes from.
	 */
	public static class IntegrationConfig {

		/**
		 * Default of the url property: GO's secure endpoint, which needs the API key.
		 */
		public static final String DEFAULT_URL = "https://{customer-id}.queue-it.net/status/integrationconfig/secure/{customer-id}";

		/**
		 * Location of the integration config JSON, as a file or classpath resource, e.g.
		 * classpath:queueit/integrationconfig.json. Used instead of polling, or as the
		 * first snapshot when url or api-key is set too.
		 */
		private @Nullable String location;

		/**
		 * URL the integration config is polled from, with {customer-id} replaced; polled
		 * when api-key is set or this URL is changed.
		 */
		private String url = DEFAULT_URL;

		/**
		 * How often the integration config is polled.
		 */
		private Duration pollInterval = Duration.ofMinutes(5);

		/**
		 * Longest time one poll may take, connecting included.
		 */
		private Duration timeout = Duration.ofSeconds(4);

		/**
		 * Longest time start-up waits for a first integration config from GO before the
		 * failure policy applies.
		 */
		private Duration startupWait = Duration.ofSeconds(10);

		/**
		 * File in which the last good integration config is kept, so that a restart
		 * during a GO outage still protects, e.g. /var/lib/myapp/queueit-config.json.
		 */
		private @Nullable String snapshotFile;

		/**
		 * Age of the last successful load after which the health contributor reports the
		 * config as stale.
		 */
		private Duration staleAfter = Duration.ofMinutes(30);

		private final Push push = new Push();

		public @Nullable String getLocation() {
			return this.location;
		}

		public void setLocation(@Nullable String location) {
			this.location = location;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getStartupWait() {
			return this.startupWait;
		}

		public void setStartupWait(Duration startupWait) {
			this.startupWait = startupWait;
		}

		public @Nullable String getSnapshotFile() {
			return this.snapshotFile;
		}

		public void setSnapshotFile(@Nullable String snapshotFile) {
			this.snapshotFile = snapshotFile;
		}

		public Duration getStaleAfter() {
			return this.staleAfter;
		}

		public void setStaleAfter(Duration staleAfter) {
			this.staleAfter = staleAfter;
		}

		public Push getPush() {
			return this.push;
		}

	}

	/**
	 * The endpoint GO calls when a config is published (spec 9.2).
	 */
	public static class Push {

		/**
		 * Whether GO may push published integration configs to this application.
		 */
		private boolean enabled;

		/**
		 * Path of the push endpoint, which answers only PUT.
		 */
		private String path = "/queueit/integration-config";

		/**
		 * Largest push body accepted; larger ones get 413.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(2);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

	}

	/**
	 * How session cookies are written.
	 */
	public static class Cookie {

		/**
		 * SameSite attribute of the cookies the connector writes; unset sends none, as
		 * Queue-it's connectors do. None is only sent on Secure cookies.
		 */
		private @Nullable SameSite sameSite;

		public @Nullable SameSite getSameSite() {
			return this.sameSite;
		}

		public void setSameSite(@Nullable SameSite sameSite) {
			this.sameSite = sameSite;
		}

	}

	/**
	 * The waiting-room vendors.
	 */
	public enum Provider {

		/**
		 * Queue-it, configured by queueit.*.
		 */
		QUEUE_IT,

		/**
		 * NoQ RoomQ, configured by roomq.*.
		 */
		ROOMQ

	}

	/**
	 * Values of the SameSite cookie attribute.
	 */
	public enum SameSite {

		/**
		 * Sent on top-level navigations from other sites, such as the return from the
		 * queue.
		 */
		LAX,

		/** Sent only on same-site requests. */
		STRICT,

		/** Sent on every request; only with Secure. */
		NONE

	}

	/**
	 * Requests that are not evaluated.
	 */
	public static class Exclusions {

		/**
		 * Whether requests for static resources are left out of evaluation.
		 */
		private boolean staticResources = true;

		/**
		 * Whether error dispatches are left out of evaluation. Servlet applications only:
		 * WebFlux renders errors without passing through its filters again.
		 */
		private boolean errorDispatches = true;

		/**
		 * HTTP methods that are never evaluated.
		 */
		private List<String> methods = new ArrayList<>(List.of("OPTIONS", "HEAD"));

		public boolean isStaticResources() {
			return this.staticResources;
		}

		public void setStaticResources(boolean staticResources) {
			this.staticResources = staticResources;
		}

		public boolean isErrorDispatches() {
			return this.errorDispatches;
		}

		public void setErrorDispatches(boolean errorDispatches) {
			this.errorDispatches = errorDispatches;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

	}

	/**
	 * Settings of one event protected in code.
	 */
	public static class Event {

		/**
		 * Waiting room domain, without scheme, e.g. acme.queue-it.net.
		 */
		private @Nullable String queueDomain;

		/**
		 * How long a session cookie lets a visitor in after their last renewal; a bare
		 * number means minutes, as in GO.
		 */
		@DurationUnit(ChronoUnit.MINUTES)
		private Duration cookieValidity = Duration.ofMinutes(20);

		/**
		 * Whether each protected request renews the session cookie (a sliding window).
		 */
		private boolean extendCookieValidity = true;

		/**
		 * Domain attribute of the session cookie, e.g. .acme.com; unset for a host-only
		 * cookie.
		 */
		private @Nullable String cookieDomain;

		/**
		 * Whether the session cookie is HttpOnly.
		 */
		private boolean cookieHttpOnly;

		/**
		 * Whether the session cookie is Secure.
		 */
		private boolean cookieSecure;

		/**
		 * Culture of the waiting room page, e.g. en-US.
		 */
		private @Nullable String culture;

		/**
		 * Name of the waiting room layout to show.
		 */
		private @Nullable String layoutName;

		public @Nullable String getQueueDomain() {
			return this.queueDomain;
		}

		public void setQueueDomain(@Nullable String queueDomain) {
			this.queueDomain = queueDomain;
		}

		public Duration getCookieValidity() {
			return this.cookieValidity;
		}

		public void setCookieValidity(Duration cookieValidity) {
			this.cookieValidity = cookieValidity;
		}

		public boolean isExtendCookieValidity() {
			return this.extendCookieValidity;
		}

		public void setExtendCookieValidity(boolean extendCookieValidity) {
			this.extendCookieValidity = extendCookieValidity;
		}

		public @Nullable String getCookieDomain() {
			return this.cookieDomain;
		}

		public void setCookieDomain(@Nullable String cookieDomain) {
			this.cookieDomain = cookieDomain;
		}

		public boolean isCookieHttpOnly() {
			return this.cookieHttpOnly;
		}

		public void setCookieHttpOnly(boolean cookieHttpOnly) {
			this.cookieHttpOnly = cookieHttpOnly;
		}

		public boolean isCookieSecure() {
			return this.cookieSecure;
		}

		public void setCookieSecure(boolean cookieSecure) {
			this.cookieSecure = cookieSecure;
		}

		public @Nullable String getCulture() {
			return this.culture;
		}

		public void setCulture(@Nullable String culture) {
			this.culture = culture;
		}

		public @Nullable String getLayoutName() {
			return this.layoutName;
		}

		public void setLayoutName(@Nullable String layoutName) {
			this.layoutName = layoutName;
		}

		/**
		 * Enqueue tokens in queue redirects to this event.
		 */
		private final EventEnqueueToken enqueueToken = new EventEnqueueToken();

		public EventEnqueueToken getEnqueueToken() {
			return this.enqueueToken;
		}

	}

	/**
	 * Enqueue tokens in queue redirects, for every event;
	 * queueit.events.<id>.enqueue-token overrides them per event.
	 */
	private final EnqueueToken enqueueToken = new EnqueueToken();

	public EnqueueToken getEnqueueToken() {
		return this.enqueueToken;
	}

	/**
	 * Enqueue tokens (QueueToken V1) that the connector signs into queue redirects, so
	 * that the waiting room can bind a visitor to a key, an IP address or custom data.
	 */
	public static class EnqueueToken {

		/**
		 * Whether queue redirects carry an enqueue token.
		 */
		private boolean enabled;

		/**
		 * How long a token is valid after it is issued; at least 30 seconds. A bare
		 * number means seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration validity = Duration.ofSeconds(240);

		/**
		 * Whether every token carries a payload key: the one an EnqueueTokenCustomizer
		 * sets, else a random UUID.
		 */
		private boolean key = true;

		/**
		 * Whether tokens are bound to the client's IP address as the application sees it.
		 */
		private boolean ipBinding;

		/**
		 * Whether tokens are bound to the request's X-Forwarded-For header.
		 */
		private boolean forwardedForBinding;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getValidity() {
			return this.validity;
		}

		public void setValidity(Duration validity) {
			this.validity = validity;
		}

		public boolean isKey() {
			return this.key;
		}

		public void setKey(boolean key) {
			this.key = key;
		}

		public boolean isIpBinding() {
			return this.ipBinding;
		}

		public void setIpBinding(boolean ipBinding) {
			this.ipBinding = ipBinding;
		}

		public boolean isForwardedForBinding() {
			return this.forwardedForBinding;
		}

		public void setForwardedForBinding(boolean forwardedForBinding) {
			this.forwardedForBinding = forwardedForBinding;
		}

	}

	/**
	 * Enqueue token settings of one event; each one left unset is taken from
	 * queueit.enqueue-token.
	 */
	public static class EventEnqueueToken {

		/**
		 * Whether queue redirects to this event carry an enqueue token.
		 */
		private @Nullable Boolean enabled;

		/**
		 * How long a token is valid after it is issued; at least 30 seconds. A bare
		 * number means seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private @Nullable Duration validity;

		/**
		 * Whether every token carries a payload key: the one an EnqueueTokenCustomizer
		 * sets, else a random UUID.
		 */
		private @Nullable Boolean key;

		/**
		 * Whether tokens are bound to the client's IP address as the application sees it.
		 */
		private @Nullable Boolean ipBinding;

		/**
		 * Whether tokens are bound to the request's X-Forwarded-For header.
		 */
		private @Nullable Boolean forwardedForBinding;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Duration getValidity() {
			return this.validity;
		}

		public void setValidity(@Nullable Duration validity) {
			this.validity = validity;
		}

		public @Nullable Boolean getKey() {
			return this.key;
		}

		public void setKey(@Nullable Boolean key) {
			this.key = key;
		}

		public @Nullable Boolean getIpBinding() {
			return this.ipBinding;
		}

		public void setIpBinding(@Nullable Boolean ipBinding) {
			this.ipBinding = ipBinding;
		}

		public @Nullable Boolean getForwardedForBinding() {
			return this.forwardedForBinding;
		}

		public void setForwardedForBinding(@Nullable Boolean forwardedForBinding) {
			this.forwardedForBinding = forwardedForBinding;
		}

		/**
		 * Whether any setting is made for this event.
		 */
		boolean isConfigured() {
			return this.enabled != null || this.validity != null || this.key != null || this.ipBinding != null
					|| this.forwardedForBinding != null;
		}

	}

}
