package io.queuekeeper.core.roomq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.queuekeeper.core.roomq.RoomQTickets.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.roomq.RoomQFixtures.E1;
import static io.queuekeeper.core.roomq.RoomQFixtures.E4;
import static io.queuekeeper.core.roomq.RoomQFixtures.NOW;
import static io.queuekeeper.core.roomq.RoomQFixtures.SECRET;
import static io.queuekeeper.core.roomq.RoomQFixtures.STANDARD_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWT checks of {@link RoomQTickets}: only well-formed HS256 tickets of this room
 * with a correct signature pass, whatever else an attacker puts in a ticket.
 */
class RoomQTicketsTests {

	private static final String SERVING = "{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"type\":\"serving\"}";

	private final RoomQTickets tickets = RoomQFixtures.connector().tickets();

	@Test
	void checkWhenE4ThenAccepted() {
		assertThat(check(E4).ticket()).isNotNull();
		assertThat(check(E4).rejection()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"HS512\"}", "{\"alg\":\"hs256\"}",
			"{\"typ\":\"JWT\"}", "{\"alg\":[\"HS256\"]}", "{\"alg\":\"HS256\",\"typ\":\"JOSE+JSON\"}",
			"{\"alg\":\"HS256\",\"crit\":[\"exp\"]}" })
	void checkWhenHeaderIsNotPlainHs256ThenRejectedEvenWithAValidHmac(String header) {
		assertThat(check(RoomQFixtures.sign(header, SERVING, SECRET)).rejection())
			.isEqualTo(Rejection.UNSUPPORTED_HEADER);
	}

	@Test
	void checkWhenAlgNoneWithEmptySignatureThenMalformed() {
		String token = RoomQFixtures.b64("{\"alg\":\"none\"}") + "." + RoomQFixtures.b64(SERVING) + ".";
		assertThat(check(token).rejection()).isEqualTo(Rejection.MALFORMED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "a.b", "a.b.c.d", ".b.c", "a..c", "a.b.", "a b.c.d", "e30=.e30.sig", "e30.e30.si/g",
			"e30.e30.si+g", "e30.e30.sig=", "é.b.c", "A.e30.c" })
	void checkWhenStructureIsWrongThenMalformed(String token) {
		assertThat(check(token).rejection()).isIn(Rejection.MALFORMED, Rejection.BAD_SIGNATURE);
		assertThat(check(token).ticket()).isNull();
	}

	@Test
	void checkWhenSignatureIsForAnotherSecretThenBadSignature() {
		assertThat(check(RoomQFixtures.sign(STANDARD_HEADER, SERVING, "not-the-secret")).rejection())
			.isEqualTo(Rejection.BAD_SIGNATURE);
	}

	@Test
	void checkWhenSignatureHasNonCanonicalLastCharacterThenBadSignature() {
		// The last base64url character of a 32-byte MAC carries 2 unused bits.
		String token = E4.substring(0, E4.length() - 1) + (char) (E4.charAt(E4.length() - 1) + 1);
		assertThat(Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)))
			.isEqualTo(Base64.getUrlDecoder().decode(E4.substring(E4.lastIndexOf('.') + 1)));
		assertThat(check(token).rejection()).isEqualTo(Rejection.BAD_SIGNATURE);
	}

	@Test
	void checkWhenPayloadIsTamperedThenBadSignature() {
		String[] parts = E1.split("\\.");
		String token = parts[0] + "." + RoomQFixtures.b64(SERVING) + "." + parts[2];
		assertThat(check(token).rejection()).isEqualTo(Rejection.BAD_SIGNATURE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"room_id\":\"demo-room\",\"room_id\":\"demo-room\",\"session_id\":\"s\"}",
			"{\"room_id\":\"demo-room\",\"session_id\":\"s\"} {}", "[1,2]", "\"text\"", "null", "",
			"{\"room_id\":\"demo-room\",\"session_id\":\"s\"", "{'room_id':'demo-room'}" })
	void checkWhenPayloadIsNotASingleObjectWithoutDuplicatesThenMalformed(String payload) {
		assertThat(check(RoomQFixtures.sign(STANDARD_HEADER, payload, SECRET)).rejection())
			.isEqualTo(Rejection.MALFORMED);
	}

	@Test
	void checkWhenPayloadIsNotUtf8ThenMalformed() {
		String payload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(
					"{\"room_id\":\"demo-room\",\"session_id\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1));
		String input = RoomQFixtures.b64(STANDARD_HEADER) + "." + payload;
		String token = input + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(RoomQFixtures.hmac(input, SECRET));
		assertThat(check(token).rejection()).isEqualTo(Rejection.MALFORMED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"room_id\":1,\"session_id\":\"s\"}", "{\"room_id\":\"demo-room\"}",
			"{\"room_id\":\"demo-room\",\"session_id\":\"\"}", "{\"room_id\":\"demo-room\",\"session_id\":7}",
			"{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"type\":5}",
			"{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"type\":null}",
			"{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"deadline\":\"1700003600\"}",
			"{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"exp\":true}",
			"{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"nbf\":{}}",
			"{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"iat\":\"now\"}",
			"{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"deadline\":1e999}" })
	void checkWhenClaimHasOddTypeThenBadClaims(String payload) {
		assertThat(check(RoomQFixtures.sign(STANDARD_HEADER, payload, SECRET)).rejection())
			.isEqualTo(Rejection.BAD_CLAIMS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"room_id\":\"other\",\"session_id\":\"s\"}", "{\"session_id\":\"s\"}",
			"{\"room_id\":\"DEMO-ROOM\",\"session_id\":\"s\"}" })
	void checkWhenRoomDiffersThenWrongRoom(String payload) {
		assertThat(check(RoomQFixtures.sign(STANDARD_HEADER, payload, SECRET)).rejection())
			.isEqualTo(Rejection.WRONG_ROOM);
	}

	@Test
	void checkWhenTimeClaimsAreExtremeThenNoOverflow() {
		String farFuture = RoomQFixtures
			.sign(STANDARD_HEADER,
					"{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"type\":\"serving\",\"deadline\":"
							+ "99999999999999999999999,\"exp\":9223372036854775807,\"iat\":-9223372036854775808}",
					SECRET);
		assertThat(check(farFuture).ticket()).isNotNull();
		assertThat(check(farFuture).ticket().deadline()).isEqualTo(Instant.MAX);
		String fractional = RoomQFixtures.sign(STANDARD_HEADER,
				"{\"room_id\":\"demo-room\",\"session_id\":\"s\",\"deadline\":1700003600.9}", SECRET);
		assertThat(check(fractional).ticket().deadline()).isEqualTo(Instant.ofEpochSecond(1700003600L));
	}

	@Test
	void checkWhenTokenIsTooLongThenMalformedUnread() {
		String payload = "{\"room_id\":\"demo-room\",\"session_id\":\"" + "s".repeat(RoomQTickets.MAX_TOKEN_LENGTH)
				+ "\"}";
		assertThat(check(RoomQFixtures.sign(STANDARD_HEADER, payload, SECRET)).rejection())
			.isEqualTo(Rejection.MALFORMED);
	}

	@Test
	void checkWhenMissingThenMissing() {
		assertThat(check(null).rejection()).isEqualTo(Rejection.MISSING);
		assertThat(check("").rejection()).isEqualTo(Rejection.MISSING);
		assertThat(this.tickets.verify(null)).isEmpty();
	}

	private RoomQTickets.Check check(String token) {
		return this.tickets.check(token, Instant.ofEpochSecond(NOW));
	}

}
