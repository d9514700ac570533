package io.queuekeeper.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.queuekeeper.core.testing.Encoding;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacSha256Tests {

	@Test
	void hexWhenTv01KeyAndMessageThenMatchesVector() {
		assertThat(new HmacSha256(Vectors.TV01_KEY).hex(Vectors.TV01_MESSAGE)).isEqualTo(Vectors.TV01);
	}

	@Test
	void hexWhenEmptyMessageThenMatchesTv02() {
		assertThat(new HmacSha256(Vectors.TV01_KEY).hex("")).isEqualTo(Vectors.TV02);
	}

	@Test
	void hexWhenTv12CookieInputThenMatchesVectorHash() {
		HmacSha256 hmac = new HmacSha256(Vectors.SECRET);
		assertThat(hmac.hex(Vectors.EVENT + Vectors.QID + "queue" + Vectors.NOW)).isEqualTo(Vectors.TV12_HASH);
		assertThat(hmac.hex(Vectors.EVENT + Vectors.QID + "20" + "safetynet" + Vectors.NOW))
			.isEqualTo(Vectors.TV13_HASH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "k", " ", "ключ-🔑",
			"3f2b1a5c-7d9e-4f10-8a2b-6c4d8e0f1a2b9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a" })
	void hexWhenAnyKeyThenLowerCaseHexOfTheJdkMac(String key) {
		HmacSha256 hmac = new HmacSha256(key);
		for (String message : List.of("", "x", "e_summersale~ts_1", "ü€")) {
			assertThat(hmac.hex(message)).matches("[0-9a-f]{64}").isEqualTo(Encoding.hmacHex(key, message));
		}
	}

	@Test
	void hexWhenKeyIsLongerThanTheBlockSizeThenStillSigns() {
		String key = "x".repeat(1000);
		assertThat(new HmacSha256(key).hex("m")).isEqualTo(Encoding.hmacHex(key, "m"));
	}

	@Test
	void constructorWhenKeyIsEmptyThenFailsLoudlyInsteadOfSigningWithNothing() {
		assertThatThrownBy(() -> new HmacSha256("").hex("")).isInstanceOf(RuntimeException.class);
	}

	@Test
	void constantTimeEqualsWhenSameTextThenTrue() {
		assertThat(HmacSha256.constantTimeEquals(Vectors.TV12_HASH, Vectors.TV12_HASH)).isTrue();
		assertThat(HmacSha256.constantTimeEquals("", "")).isTrue();
	}

	@Test
	void constantTimeEqualsWhenCaseOrLengthDiffersThenFalse() {
		assertThat(HmacSha256.constantTimeEquals(Vectors.TV12_HASH, Vectors.TV12_HASH.toUpperCase())).isFalse();
		assertThat(HmacSha256.constantTimeEquals(Vectors.TV12_HASH, Vectors.TV12_HASH.substring(1))).isFalse();
		assertThat(HmacSha256.constantTimeEquals(Vectors.TV12_HASH, "")).isFalse();
	}

	@Test
	void hexWhenCalledFromManyThreadsThenEverySignatureIsCorrect() throws Exception {
		HmacSha256 hmac = new HmacSha256(Vectors.SECRET);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> tasks = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				String message = "message-" + i;
				String expected = Encoding.hmacHex(Vectors.SECRET, message);
				tasks.add(() -> {
					for (int round = 0; round < 200; round++) {
						if (!expected.equals(hmac.hex(message))) {
							return false;
						}
					}
					return true;
				});
			}
			for (Future<Boolean> result : pool.invokeAll(tasks)) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
	}

}
