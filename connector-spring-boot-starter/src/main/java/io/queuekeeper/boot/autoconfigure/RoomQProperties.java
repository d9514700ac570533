package io.queuekeeper.boot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the NoQ RoomQ provider, used when
 * {@code queueit.provider=roomq}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "roomq")
public class RoomQProperties {

	/**
	 * Room id from the RoomQ portal; part of the ticket cookie name be_roomq_t_{room-id}.
	 */
	private @Nullable String roomId;

	/**
	 * Room secret from the RoomQ portal that signs tickets; never logged.
	 */
	private @Nullable String roomSecret;

	/**
	 * Ticket issuer URL that visitors without a serving ticket are sent to, e.g.
	 * https://{issuer-host}/tickets.
	 */
	private @Nullable URI ticketIssuer;

	/**
	 * Status API that names the room's queue backend, e.g.
	 * https://roomq.noqstatus.com/api/rooms; only needed for the remote operations.
	 */
	private @Nullable URI statusApi;

	/**
	 * Ticket types that let a visitor in; queue and self-sign are never admitted.
	 */
	private Set<String> admittedTicketTypes = new LinkedHashSet<>(List.of("serving", "stopped", "bot"));

	private final Cookie cookie = new Cookie();

	private final Remote remote = new Remote();

	public @Nullable String getRoomId() {
		return this.roomId;
	}

	public void setRoomId(@Nullable String roomId) {
		this.roomId = roomId;
	}

	public @Nullable String getRoomSecret() {
		return this.roomSecret;
	}

	public void setRoomSecret(@Nullable String roomSecret) {
		this.roomSecret = roomSecret;
	}

	public @Nullable URI getTicketIssuer() {
		return this.ticketIssuer;
	}

	public void setTicketIssuer(@Nullable URI ticketIssuer) {
		this.ticketIssuer = ticketIssuer;
	}

	public @Nullable URI getStatusApi() {
		return this.statusApi;
	}

	public void setStatusApi(@Nullable URI statusApi) {
		this.statusApi = statusApi;
	}

	public Set<String> getAdmittedTicketTypes() {
		return this.admittedTicketTypes;
	}

	public void setAdmittedTicketTypes(Set<String> admittedTicketTypes) {
		this.admittedTicketTypes = admittedTicketTypes;
	}

	public Cookie getCookie() {
		return this.cookie;
	}

	public Remote getRemote() {
		return this.remote;
	}

	@Override
	public String toString() {
		return "RoomQProperties[roomId=" + this.roomId + ", roomSecret="
				+ ((this.roomSecret != null) ? "******" : "null") + ", ticketIssuer=" + this.ticketIssuer
				+ ", statusApi=" + this.statusApi + "]";
	}

	/**
	 * Attributes of the ticket cookie; its Path is always /.
	 */
	public static class Cookie {

		/**
		 * Lifetime of the ticket cookie, renewed on every protected request.
		 */
		private Duration maxAge = Duration.ofHours(12);

		/**
		 * Domain attribute of the ticket cookie, e.g. .shop.example.com; unset makes it
		 * host-only.
		 */
		private @Nullable String domain;

		/**
		 * Whether the ticket cookie is hidden from scripts; set false if RoomQ's
		 * client-side script must read it.
		 */
		private boolean httpOnly = true;

		/**
		 * Whether the ticket cookie is Secure on plain http requests too; it always is on
		 * https requests.
		 */
		private boolean secure;

		/**
		 * SameSite attribute of the ticket cookie.
		 */
		private QueueItProperties.SameSite sameSite = QueueItProperties.SameSite.LAX;

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public @Nullable String getDomain() {
			return this.domain;
		}

		public void setDomain(@Nullable String domain) {
			this.domain = domain;
		}

		public boolean isHttpOnly() {
			return this.httpOnly;
		}

		public void setHttpOnly(boolean httpOnly) {
			this.httpOnly = httpOnly;
		}

		public boolean isSecure() {
			return this.secure;
		}

		public void setSecure(boolean secure) {
			this.secure = secure;
		}

		public QueueItProperties.SameSite getSameSite() {
			return this.sameSite;
		}

		public void setSameSite(QueueItProperties.SameSite sameSite) {
			this.sameSite = sameSite;
		}

	}

	/**
	 * Calls to RoomQ's status API and queue backend (extend, leave, serving lookup).
	 */
	public static class Remote {

		/**
		 * Longest wait for a connection to RoomQ.
		 */
		private Duration connectTimeout = Duration.ofSeconds(2);

		/**
		 * Longest wait for RoomQ's complete answer to one call.
		 */
		private Duration requestTimeout = Duration.ofSeconds(5);

		/**
		 * How long the backend named by the status API is reused; at most 60s.
		 */
		private Duration statusCacheTtl = Duration.ofSeconds(30);

		/**
		 * Whether a backend on a loopback host is called over plain http, for a local
		 * simulator; other backends always use https.
		 */
		private boolean plainHttpOnLoopback;

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public Duration getStatusCacheTtl() {
			return this.statusCacheTtl;
		}

		public void setStatusCacheTtl(Duration statusCacheTtl) {
			this.statusCacheTtl = statusCacheTtl;
		}

		public boolean isPlainHttpOnLoopback() {
			return this.plainHttpOnLoopback;
		}

		public void setPlainHttpOnLoopback(boolean plainHttpOnLoopback) {
			this.plainHttpOnLoopback = plainHttpOnLoopback;
		}

	}

}
