package io.queuekeeper.boot.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.queuekeeper.boot.roomq.RoomQLeaveListener;
import io.queuekeeper.boot.roomq.RoomQOperations;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.core.roomq.RoomQConfigurationException;
import io.queuekeeper.core.roomq.RoomQConnector;
import io.queuekeeper.core.roomq.RoomQSettings;
import io.queuekeeper.web.ProtectionSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the NoQ RoomQ provider, active when
 * {@code queueit.provider=roomq} (Queue-it stays the default) and {@code queueit.enabled}
 * is not {@code false}: the {@link RoomQConnector} (a
 * {@link io.queuekeeper.core.WaitingRoomProvider}), the web-level settings with the
 * ticket cookie's SameSite, and, when {@code roomq.status-api} is set, the
 * {@link RoomQOperations} with the {@link RoomQLeaveListener} that frees a visitor's slot
 * after a cancel. The {@link io.queuekeeper.web.QueueItGate} that both web stacks use is
 * built by {@link QueueItAutoConfiguration} from the provider. The failure policy, the
 * exclusions and the body limit still come from {@code queueit.*}. A unique {@link Clock}
 * bean, if the application defines one, is the engine's clock.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = QueueItAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "queueit", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnWaitingRoomProvider(QueueItProperties.Provider.ROOMQ)
@EnableConfigurationProperties({ RoomQProperties.class, QueueItProperties.class })
public final class RoomQAutoConfiguration {

	private static final Map<String, String> PROPERTY_NAMES = Map.of("roomId", "roomq.room-id", "roomSecret",
			"roomq.room-secret", "ticketIssuer", "roomq.ticket-issuer", "cookieMaxAge", "roomq.cookie.max-age",
			"cookieDomain", "roomq.cookie.domain", "admittedTypes", "roomq.admitted-ticket-types");

	RoomQAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(WaitingRoomProvider.class)
	RoomQConnector roomQConnector(RoomQProperties properties, ObjectProvider<Clock> clock) {
		return new RoomQConnector(roomQSettings(properties, clock.getIfUnique(Clock::systemUTC)));
	}

	@Bean
	@ConditionalOnMissingBean
	ProtectionSettings roomQProtectionSettings(QueueItProperties queueIt, RoomQProperties properties) {
		return QueueItAutoConfiguration.protectionSettings(queueIt, properties.getCookie().getSameSite());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "roomq", name = "status-api")
	RoomQOperations roomQOperations(RoomQConnector connector, RoomQProperties properties, ObjectProvider<Clock> clock) {
		RoomQProperties.Remote remote = properties.getRemote();
		String statusApi = endpoint("roomq.status-api", properties.getStatusApi(),
				"https://roomq.noqstatus.com/api/rooms");
		checkPositive("roomq.remote.connect-timeout", remote.getConnectTimeout());
		checkPositive("roomq.remote.request-timeout", remote.getRequestTimeout());
		Duration ttl = remote.getStatusCacheTtl();
		if (ttl.isNegative() || ttl.compareTo(RoomQOperations.MAX_STATUS_CACHE_TTL) > 0) {
			throw new RoomQConfigurationException(
					"roomq.remote.status-cache-ttl must be between 0s and 60s, e.g. 30s; was " + ttl);
		}
		return new RoomQOperations(connector, statusApi, remote.getConnectTimeout(), remote.getRequestTimeout(), ttl,
				remote.isPlainHttpOnLoopback(), clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "roomq", name = "status-api")
	RoomQLeaveListener roomQLeaveListener(RoomQConnector connector, RoomQOperations operations) {
		return new RoomQLeaveListener(connector, operations);
	}

	static RoomQSettings roomQSettings(RoomQProperties properties, Clock clock) {
		if (isBlank(properties.getRoomId())) {
			throw new RoomQConfigurationException(
					"roomq.room-id is not set: set it to the room id shown in the RoomQ portal, e.g. demo-room");
		}
		if (isBlank(properties.getRoomSecret())) {
			throw new RoomQConfigurationException("roomq.room-secret is not set: set it to the room secret from "
					+ "the RoomQ portal, e.g. room-secret: ${ROOMQ_ROOM_SECRET}");
		}
		String issuer = endpoint("roomq.ticket-issuer", properties.getTicketIssuer(), "https://{issuer-host}/tickets");
		RoomQProperties.Cookie cookie = properties.getCookie();
		try {
			return new RoomQSettings(properties.getRoomId(), properties.getRoomSecret(), issuer, clock,
					cookie.getMaxAge(), cookie.getDomain(), cookie.isHttpOnly(), cookie.isSecure(),
					properties.getAdmittedTicketTypes());
		}
		catch (RoomQConfigurationException ex) {
			String message = ex.getMessage();
			String setting = message.substring(0, Math.max(message.indexOf(' '), 0));
			String property = PROPERTY_NAMES.getOrDefault(setting, "roomq.*");
			throw new RoomQConfigurationException(property + " is not usable: " + message, ex);
		}
	}

	private static String endpoint(String property, @Nullable URI value, String example) {
		if (value == null || value.toString().isBlank()) {
			throw new RoomQConfigurationException(
					property + " is not set: set it to the URL RoomQ gave you, e.g. " + example);
		}
		return RoomQSettings.checkEndpoint(property, value.toString());
	}

	private static void checkPositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new RoomQConfigurationException(property + " must be positive, e.g. 2s; was " + value);
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
