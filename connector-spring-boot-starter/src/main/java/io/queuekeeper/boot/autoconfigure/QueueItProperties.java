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
		 * Location of the integration config JSON, as a file or classpath resource, e.g.
		 * classpath:queueit/integrationconfig.json.
		 */
		private @Nullable String location;

		public @Nullable String getLocation() {
			return this.location;
		}

		public void setLocation(@Nullable String location) {
			this.location = location;
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

	}

}
