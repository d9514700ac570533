package io.queuekeeper.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.testing.CookieMaker;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.queuekeeper.core.testing.Vectors.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The reissue API of spec 3.6.
 */
class ExtendQueueCookieTests {

	private static TestRequest withCookie(String wire) {
		return TestRequest.get("https://shop.example.com/").cookie(Vectors.COOKIE_NAME, wire).build();
	}

	private static String decoded(CookieInstruction cookie) {
		return URLDecoder.decode(cookie.value(), StandardCharsets.UTF_8);
	}

	@Test
	void extendWhenCookieMissingThenNothing() {
		List<CookieInstruction> cookies = Vectors.connectorAt(NOW)
			.extendQueueCookie(TestRequest.get("https://shop.example.com/").build(), Vectors.EVENT, 20, null, false,
					false);
		assertThat(cookies).isEmpty();
	}

	@Test
	void extendWhenCookieTamperedThenNothing() {
		assertThat(Vectors.connectorAt(NOW)
			.extendQueueCookie(withCookie(CookieMaker.cookie().signNow().queueId("x").wire()), Vectors.EVENT, 20, null,
					false, false))
			.isEmpty();
	}

	@Test
	void extendWhenCookieExpiredForTheGivenMinutesThenNothing() {
		assertThat(Vectors.connectorAt(NOW + 601)
			.extendQueueCookie(withCookie(Vectors.TV14), Vectors.EVENT, 10, null, false, false)).isEmpty();
	}

	@Test
	void extendWhenCookieValidThenReissuedWithNewIssueTimeAndGivenAttributes() {
		List<CookieInstruction> cookies = Vectors.connectorAt(NOW + 600)
			.extendQueueCookie(withCookie(Vectors.TV14), Vectors.EVENT, 10, ".shop.example.com", true, true);
		assertThat(cookies).hasSize(1);
		CookieInstruction cookie = cookies.get(0);
		assertThat(cookie.name()).isEqualTo(Vectors.COOKIE_NAME);
		assertThat(decoded(cookie)).isEqualTo(CookieMaker.cookie().issueTime(NOW + 600).value());
		assertThat(cookie.maxAge()).isEqualTo(Duration.ofDays(1));
		assertThat(cookie.path()).isEqualTo("/");
		assertThat(cookie.domain()).isEqualTo(".shop.example.com");
		assertThat(cookie.httpOnly()).isTrue();
		assertThat(cookie.secure()).isTrue();
	}

	@Test
	void extendWhenFixedValidityCookieThenExtendedKeepingItsFixedValidity() {
		List<CookieInstruction> cookies = Vectors.connectorAt(NOW + 1200)
			.extendQueueCookie(withCookie(Vectors.TV13_WIRE), Vectors.EVENT, 5, null, false, false);
		assertThat(cookies).hasSize(1);
		assertThat(decoded(cookies.get(0))).isEqualTo(CookieMaker.cookie()
			.fixedValidityMinutes("20")
			.redirectType("safetynet")
			.issueTime(NOW + 1200)
			.value());
	}

	@Test
	void extendWhenFixedValidityCookieExpiredThenNothing() {
		assertThat(Vectors.connectorAt(NOW + 1201)
			.extendQueueCookie(withCookie(Vectors.TV13_WIRE), Vectors.EVENT, 60, null, false, false)).isEmpty();
	}

	@Test
	void extendWhenCookieHasEmptyQueueIdThenReissuedWithEmptyQueueId() {
		List<CookieInstruction> cookies = Vectors.connectorAt(NOW)
			.extendQueueCookie(withCookie(CookieMaker.cookie().queueId("").wire()), Vectors.EVENT, 20, null, false,
					false);
		assertThat(cookies).hasSize(1);
		assertThat(decoded(cookies.get(0))).isEqualTo(CookieMaker.cookie().queueId("").value());
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1 })
	void extendWhenValidityNotPositiveThenIllegalArgument(int minutes) {
		assertThatIllegalArgumentException().isThrownBy(() -> Vectors.connectorAt(NOW)
			.extendQueueCookie(withCookie(Vectors.TV14), Vectors.EVENT, minutes, null, false, false));
	}

}
