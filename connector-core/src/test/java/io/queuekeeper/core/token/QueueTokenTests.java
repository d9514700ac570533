package io.queuekeeper.core.token;

import io.queuekeeper.core.testing.Vectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QueueTokenTests {

	@Test
	void parseWhenTv03ThenEveryFieldAndTheSignedPart() {
		QueueToken token = QueueToken.parse(Vectors.TV03);
		assertThat(token).isNotNull();
		assertThat(token.token()).isEqualTo(Vectors.TV03);
		assertThat(token.eventId()).isEqualTo(Vectors.EVENT);
		assertThat(token.queueId()).isEqualTo(Vectors.QID);
		assertThat(token.timestamp()).isEqualTo(Vectors.TS);
		assertThat(token.redirectType()).isEqualTo("queue");
		assertThat(token.fixedCookieValidityMinutes()).isNull();
		assertThat(token.hash()).isEqualTo("a5213b3518755bf1bec172909ee6292764883afbb67b322d4d5b01462f93607f");
		assertThat(token.signedPart())
			.isEqualTo("e_summersale~q_7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e~ts_1893456000~ce_true~rt_queue");
		assertThat(token.isDebug()).isFalse();
	}

	@Test
	void parseWhenTv04ThenFixedCookieValidity() {
		QueueToken token = QueueToken.parse(Vectors.TV04);
		assertThat(token).isNotNull();
		assertThat(token.fixedCookieValidityMinutes()).isEqualTo(20);
		assertThat(token.redirectType()).isEqualTo("safetynet");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", "\t\n" })
	void parseWhenNullOrBlankThenNoToken(String text) {
		assertThat(QueueToken.parse(text)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "~~~", "e_", "e_a_b", "_", "q~ts~h" })
	void parseWhenGarbageThenTokenWithDefaults(String text) {
		QueueToken token = QueueToken.parse(text);
		assertThat(token).isNotNull();
		assertThat(token.token()).isEqualTo(text);
		assertThat(token.eventId()).isEmpty();
		assertThat(token.queueId()).isEmpty();
		assertThat(token.hash()).isEmpty();
		assertThat(token.timestamp()).isZero();
		assertThat(token.fixedCookieValidityMinutes()).isNull();
		assertThat(token.redirectType()).isNull();
	}

	@Test
	void parseWhenTokenStartsWithHashPairThenHashIsReadButStaysInTheSignedPart() {
		QueueToken token = QueueToken.parse("h_x");
		assertThat(token).isNotNull();
		assertThat(token.hash()).isEqualTo("x");
		assertThat(token.signedPart()).isEqualTo("h_x");
	}

	@Test
	void parseWhenHashPairRepeatedThenEveryOccurrenceLeavesTheSignedPart() {
		QueueToken token = QueueToken.parse("e_a~h_ff~q_b~h_ff");
		assertThat(token).isNotNull();
		assertThat(token.signedPart()).isEqualTo("e_a~q_b");
	}

	@Test
	void parseWhenKeyRepeatedThenLaterValueWins() {
		QueueToken token = QueueToken.parse("e_first~e_second~h_x");
		assertThat(token).isNotNull();
		assertThat(token.eventId()).isEqualTo("second");
	}

	@Test
	void parseWhenKeysInOtherCaseOrUnknownThenIgnoredButSigned() {
		QueueToken token = QueueToken.parse("E_upper~c_ticketania~ti_abc~e_real~h_x");
		assertThat(token).isNotNull();
		assertThat(token.eventId()).isEqualTo("real");
		assertThat(token.signedPart()).isEqualTo("E_upper~c_ticketania~ti_abc~e_real");
	}

	@Test
	void parseWhenNumbersAreNotNumericThenDefaults() {
		QueueToken token = QueueToken.parse("ts_soon~cv_ten~h_x");
		assertThat(token).isNotNull();
		assertThat(token.timestamp()).isZero();
		assertThat(token.fixedCookieValidityMinutes()).isNull();
	}

	@Test
	void isDebugWhenRedirectTypeIsExactlyDebugThenTrue() {
		assertThat(QueueToken.parse(Vectors.TV16).isDebug()).isTrue();
		assertThat(QueueToken.parse("rt_debug~h_x").isDebug()).isTrue();
	}

	@Test
	void isDebugWhenRedirectTypeDiffersInCaseThenFalse() {
		assertThat(QueueToken.parse("rt_Debug~h_x").isDebug()).isFalse();
		assertThat(QueueToken.parse("rt_DEBUG~h_x").isDebug()).isFalse();
	}

	@Test
	void toStringWhenPrintedThenHashIsNotShown() {
		assertThat(QueueToken.parse(Vectors.TV03).toString()).doesNotContain("a5213b35");
	}

	@Property(tries = 3000)
	void parseWhenAnyTokenThenSignedPartRemovesEveryHashPair(@ForAll("tokens") String text) {
		QueueToken token = QueueToken.parse(text);
		if (token != null) {
			assertThat(token.signedPart()).isEqualTo(text.replace("~h_" + token.hash(), ""));
		}
	}

	@Provide
	Arbitrary<String> tokens() {
		return Arbitraries.strings().withChars("~h_e1ab".toCharArray()).ofMaxLength(16);
	}

}
