package io.queuekeeper.core.token;

import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.testing.TokenMaker;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TokenVerifierTests {

	private final TokenVerifier verifier = new TokenVerifier(new HmacSha256(Vectors.SECRET));

	private TokenError verify(String token, String eventId, long now) {
		QueueToken parsed = QueueToken.parse(token);
		assertThat(parsed).isNotNull();
		return this.verifier.verify(parsed, eventId, now);
	}

	@Test
	void verifyWhenTv03ThenValid() {
		assertThat(verify(Vectors.TV03, Vectors.EVENT, Vectors.NOW)).isNull();
	}

	@Test
	void verifyWhenTv04ThenValid() {
		assertThat(verify(Vectors.TV04, Vectors.EVENT, Vectors.NOW)).isNull();
	}

	@Test
	void verifyWhenTv05FieldChangedThenHashError() {
		assertThat(verify(Vectors.TV05, Vectors.EVENT, Vectors.NOW)).isEqualTo(TokenError.HASH);
	}

	@Test
	void verifyWhenTv06UpperCaseHashThenValid() {
		assertThat(verify(Vectors.TV06, Vectors.EVENT, Vectors.NOW)).isNull();
	}

	@Test
	void verifyWhenTv07EventInOtherCaseThenValid() {
		assertThat(verify(Vectors.TV07, Vectors.EVENT, Vectors.NOW)).isNull();
		assertThat(verify(Vectors.TV03, "SUMMERSALE", Vectors.NOW)).isNull();
	}

	@Test
	void verifyWhenTv08ExpiredThenTimestampError() {
		assertThat(verify(Vectors.TV08, Vectors.EVENT, Vectors.NOW)).isEqualTo(TokenError.TIMESTAMP);
	}

	@Test
	void verifyWhenTokenForAnotherEventThenEventIdError() {
		String token = TokenMaker.queueToken("wintersale", Vectors.TS, "queue").signed();
		assertThat(verify(token, Vectors.EVENT, Vectors.NOW)).isEqualTo(TokenError.EVENT_ID);
	}

	@Test
	void verifyWhenSignedWithAnotherSecretThenHashError() {
		String token = TokenMaker.queueToken(Vectors.EVENT, Vectors.TS, "queue").secret("other-secret").signed();
		assertThat(verify(token, Vectors.EVENT, Vectors.NOW)).isEqualTo(TokenError.HASH);
	}

	@Test
	void verifyWhenHashMissingThenHashError() {
		assertThat(verify(TokenMaker.queueToken(Vectors.EVENT, Vectors.TS, "queue").unsigned(), Vectors.EVENT,
				Vectors.NOW))
			.isEqualTo(TokenError.HASH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "~~~", "e_", "h_x", "h_", "e_summersale~h_" })
	void verifyWhenGarbageThenHashError(String token) {
		assertThat(verify(token, Vectors.EVENT, Vectors.NOW)).isEqualTo(TokenError.HASH);
	}

	@Test
	void verifyWhenNowEqualsExpiryThenStillValid() {
		assertThat(verify(Vectors.TV03, Vectors.EVENT, Vectors.TS)).isNull();
	}

	@Test
	void verifyWhenOneSecondAfterExpiryThenTimestampError() {
		assertThat(verify(Vectors.TV03, Vectors.EVENT, Vectors.TS + 1)).isEqualTo(TokenError.TIMESTAMP);
	}

	@Test
	void verifyWhenHashEventAndExpiryAllWrongThenHashIsReportedFirst() {
		String wrongEventExpired = TokenMaker.queueToken("wintersale", 1600000000L, "queue").signed();
		assertThat(verify(wrongEventExpired + "0", Vectors.EVENT, Vectors.NOW)).isEqualTo(TokenError.HASH);
		assertThat(verify(wrongEventExpired, Vectors.EVENT, Vectors.NOW)).isEqualTo(TokenError.EVENT_ID);
	}

	@Test
	void isSignedWhenUnknownFieldsArePartOfTheSignatureThenChecked() {
		String token = TokenMaker.queueToken(Vectors.EVENT, Vectors.TS, "queue").with("ti", "abc").signed();
		assertThat(this.verifier.isSigned(QueueToken.parse(token))).isTrue();
		assertThat(this.verifier.isSigned(QueueToken.parse(token.replace("ti_abc", "ti_abd")))).isFalse();
	}

	@Test
	void codeWhenEachErrorThenPathSegmentOfTheErrorUrl() {
		assertThat(TokenError.HASH.code()).isEqualTo("hash");
		assertThat(TokenError.EVENT_ID.code()).isEqualTo("eventid");
		assertThat(TokenError.TIMESTAMP.code()).isEqualTo("timestamp");
	}

}
