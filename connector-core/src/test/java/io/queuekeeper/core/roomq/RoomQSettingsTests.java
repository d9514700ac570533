package io.queuekeeper.core.roomq;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.roomq.RoomQFixtures.ISSUER;
import static io.queuekeeper.core.roomq.RoomQFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Validation of {@link RoomQSettings}: every unusable value fails with a message naming
 * the setting, and the secret is never printed.
 */
class RoomQSettingsTests {

	@Test
	void ofWhenValidThenDefaultsAreHardened() {
		RoomQSettings settings = RoomQSettings.of("demo-room", SECRET, ISSUER + "/");
		assertThat(settings.ticketIssuer()).isEqualTo(ISSUER);
		assertThat(settings.cookieMaxAge()).isEqualTo(Duration.ofHours(12));
		assertThat(settings.cookieHttpOnly()).isTrue();
		assertThat(settings.admittedTypes()).containsExactlyInAnyOrder("serving", "stopped", "bot");
		assertThat(settings.toString()).doesNotContain(SECRET).contains("roomSecret=******");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "demo room", "demo;room", "room=1" })
	void constructWhenRoomIdIsNotASlugThenRejected(String roomId) {
		assertThatExceptionOfType(RoomQConfigurationException.class)
			.isThrownBy(() -> RoomQSettings.of(roomId, SECRET, ISSUER))
			.withMessageStartingWith("roomId");
	}

	@Test
	void constructWhenSecretIsBlankThenRejectedWithoutEchoingIt() {
		assertThatExceptionOfType(RoomQConfigurationException.class)
			.isThrownBy(() -> RoomQSettings.of("demo-room", "  ", ISSUER))
			.withMessageStartingWith("roomSecret must not be blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "tickets.roomq.example", "ftp://tickets.example/t", "http://tickets.example/t",
			"https://tickets.example/t?x=1", "https://tickets.example/t#f", "https://user@tickets.example/t",
			"http://127.evil.example/t", "https://tick ets.example/" })
	void constructWhenIssuerIsUnusableThenRejected(String issuer) {
		assertThatExceptionOfType(RoomQConfigurationException.class)
			.isThrownBy(() -> RoomQSettings.of("demo-room", SECRET, issuer))
			.withMessageStartingWith("ticketIssuer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080/tickets", "http://127.0.0.1:9/t", "http://[::1]:9/t",
			"https://tickets.example" })
	void constructWhenIssuerIsHttpsOrLoopbackThenAccepted(String issuer) {
		assertThat(RoomQSettings.of("demo-room", SECRET, issuer).ticketIssuer()).isEqualTo(issuer);
	}

	@Test
	void constructWhenAdmittedTypesIncludeWaitingTypesThenRejected() {
		for (String type : new String[] { "queue", "self-sign" }) {
			assertThatExceptionOfType(RoomQConfigurationException.class)
				.isThrownBy(() -> new RoomQSettings("demo-room", SECRET, ISSUER, Clock.systemUTC(), Duration.ofHours(1),
						null, true, false, Set.of("serving", type)))
				.withMessageStartingWith("admittedTypes");
		}
	}

	@Test
	void constructWhenCookieSettingsAreUnusableThenRejected() {
		assertThatExceptionOfType(RoomQConfigurationException.class)
			.isThrownBy(() -> new RoomQSettings("demo-room", SECRET, ISSUER, Clock.systemUTC(), Duration.ZERO, null,
					true, false, Set.of("serving")))
			.withMessageStartingWith("cookieMaxAge");
		assertThatExceptionOfType(RoomQConfigurationException.class)
			.isThrownBy(() -> new RoomQSettings("demo-room", SECRET, ISSUER, Clock.systemUTC(), Duration.ofHours(1),
					"shop.example; Path=/x", true, false, Set.of("serving")))
			.withMessageStartingWith("cookieDomain");
	}

}
