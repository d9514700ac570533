package io.queuekeeper.core.token;

import java.time.Duration;

import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.testing.CookieMaker;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookiesTests {

	private final SessionCookies cookies = new SessionCookies(new HmacSha256(Vectors.SECRET));

	private CookieState read(String wireValue, int validityMinutes, boolean checkExpiry, long now) {
		TestRequest request = TestRequest.get("https://shop.example.com/")
			.cookie(Vectors.COOKIE_NAME, wireValue)
			.build();
		return this.cookies.read(request, Vectors.EVENT, validityMinutes, checkExpiry, now);
	}

	private CookieState read(CookieMaker cookie) {
		return read(cookie.wire(), 20, true, Vectors.NOW);
	}

	@Test
	void nameWhenEventThenPrefixAndEventVerbatim() {
		assertThat(SessionCookies.name(Vectors.EVENT)).isEqualTo(Vectors.COOKIE_NAME);
		assertThat(SessionCookies.name("SummerSale")).isEqualTo("QueueITAccepted-SDFrts345E-V3_SummerSale");
	}

	@Test
	void readAndStoreWhenManyEventsInTurnThenEachUsesItsOwnCookie() {
		// More events than the codec keeps names for, each twice, interleaved with the
		// first: every name is right whether it is kept, built again or dropped.
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 1500; i++) {
				for (String event : new String[] { "event" + i, "event0" }) {
					CookieInstruction cookie = this.cookies.store(event, Vectors.QID, null, "queue", null, false, false,
							Vectors.NOW);
					assertThat(cookie.name()).isEqualTo(SessionCookies.name(event));
					TestRequest request = TestRequest.get("https://shop.example.com/")
						.cookie(SessionCookies.name(event), cookie.value())
						.cookie(SessionCookies.name("other" + i), cookie.value())
						.build();
					assertThat(this.cookies.read(request, event, 20, true, Vectors.NOW).valid()).as(event).isTrue();
					assertThat(this.cookies.read(request, "other" + i + "x", 20, true, Vectors.NOW).found()).isFalse();
				}
			}
		}
	}

	@Test
	void storeWhenTv12FieldsThenWireValueIsTv14() {
		CookieInstruction cookie = this.cookies.store(Vectors.EVENT, Vectors.QID, null, "queue", null, false, false,
				Vectors.NOW);
		assertThat(cookie.name()).isEqualTo(Vectors.COOKIE_NAME);
		assertThat(cookie.value()).isEqualTo(Vectors.TV14);
		assertThat(cookie.maxAge()).isEqualTo(Duration.ofSeconds(86400));
		assertThat(cookie.path()).isEqualTo("/");
		assertThat(cookie.domain()).isNull();
		assertThat(cookie.httpOnly()).isFalse();
		assertThat(cookie.secure()).isFalse();
		assertThat(cookie.isDeletion()).isFalse();
	}

	@Test
	void storeWhenTv13FieldsThenFixedValidityIsWrittenAndSigned() {
		CookieInstruction cookie = this.cookies.store(Vectors.EVENT, Vectors.QID, "20", "safetynet", null, false, false,
				Vectors.NOW);
		assertThat(cookie.value()).isEqualTo(Vectors.TV13_WIRE);
	}

	@Test
	void storeWhenDomainAndFlagsThenCopiedToTheCookie() {
		CookieInstruction cookie = this.cookies.store(Vectors.EVENT, Vectors.QID, null, "queue", ".shop.example.com",
				true, true, Vectors.NOW);
		assertThat(cookie.domain()).isEqualTo(".shop.example.com");
		assertThat(cookie.httpOnly()).isTrue();
		assertThat(cookie.secure()).isTrue();
		assertThat(cookie.toSetCookieHeader(null)).isEqualTo("QueueITAccepted-SDFrts345E-V3_summersale=" + Vectors.TV14
				+ "; Max-Age=86400; Domain=.shop.example.com; Path=/; Secure; HttpOnly");
	}

	@Test
	void storeWhenBlankDomainThenHostOnly() {
		assertThat(
				this.cookies.store(Vectors.EVENT, Vectors.QID, null, "queue", "  ", false, false, Vectors.NOW).domain())
			.isNull();
	}

	@Test
	void clearWhenEventThenEmptyValueMaxAgeZeroAndTheConfiguredAttributes() {
		CookieInstruction cookie = this.cookies.clear(Vectors.EVENT, ".shop.example.com", true, true);
		assertThat(cookie.name()).isEqualTo(Vectors.COOKIE_NAME);
		assertThat(cookie.value()).isEmpty();
		assertThat(cookie.maxAge()).isEqualTo(Duration.ZERO);
		assertThat(cookie.path()).isEqualTo("/");
		assertThat(cookie.domain()).isEqualTo(".shop.example.com");
		assertThat(cookie.httpOnly()).isTrue();
		assertThat(cookie.secure()).isTrue();
		assertThat(cookie.isDeletion()).isTrue();
	}

	@Test
	void readWhenNoCookieThenNotFound() {
		TestRequest request = TestRequest.get("https://shop.example.com/").cookie("other", Vectors.TV14).build();
		assertThat(this.cookies.read(request, Vectors.EVENT, 20, true, Vectors.NOW)).isEqualTo(CookieState.NOT_FOUND);
	}

	@Test
	void readWhenTv14WithoutTimeCheckThenValidAndExtendable() {
		CookieState state = read(Vectors.TV14, 10, false, Vectors.NOW + 100_000);
		assertThat(state.found()).isTrue();
		assertThat(state.valid()).isTrue();
		assertThat(state.extendable()).isTrue();
		assertThat(state.queueId()).isEqualTo(Vectors.QID);
		assertThat(state.redirectType()).isEqualTo("queue");
		assertThat(state.fixedValidityMinutes()).isNull();
	}

	@Test
	void readWhenTv13ThenValidButNotExtendable() {
		CookieState state = read(Vectors.TV13_WIRE, 10, false, Vectors.NOW);
		assertThat(state.valid()).isTrue();
		assertThat(state.extendable()).isFalse();
		assertThat(state.fixedValidityMinutes()).isEqualTo("20");
		assertThat(state.redirectType()).isEqualTo("safetynet");
	}

	@Test
	void readWhenTv12AtIssueTimePlusValidityThenStillValid() {
		assertThat(read(Vectors.TV14, 10, true, Vectors.NOW + 600).valid()).isTrue();
	}

	@Test
	void readWhenTv12OneSecondAfterValidityThenExpired() {
		CookieState state = read(Vectors.TV14, 10, true, Vectors.NOW + 601);
		assertThat(state.found()).isTrue();
		assertThat(state.valid()).isFalse();
	}

	@Test
	void readWhenTv13ThenFixedValidityReplacesTheConfiguredOne() {
		assertThat(read(Vectors.TV13_WIRE, 10, true, Vectors.NOW + 1200).valid()).isTrue();
		assertThat(read(Vectors.TV13_WIRE, 10, true, Vectors.NOW + 1201).valid()).isFalse();
		assertThat(read(Vectors.TV13_WIRE, 60, true, Vectors.NOW + 1201).valid()).isFalse();
	}

	@Test
	void readWhenValueNotTransportEncodedThenStillValid() {
		assertThat(read(Vectors.TV12, 20, true, Vectors.NOW).valid()).isTrue();
	}

	@Test
	void readWhenLookingUpTheEventInOtherCaseThenNotFound() {
		TestRequest request = TestRequest.get("https://shop.example.com/")
			.cookie(Vectors.COOKIE_NAME, Vectors.TV14)
			.build();
		assertThat(this.cookies.read(request, "SUMMERSALE", 20, true, Vectors.NOW)).isEqualTo(CookieState.NOT_FOUND);
	}

	@Test
	void readWhenEventIdInsideDiffersInCaseThenValid() {
		assertThat(read(CookieMaker.cookie().eventId("SummerSale")).valid()).isTrue();
		TestRequest request = TestRequest.get("https://shop.example.com/")
			.cookie("QueueITAccepted-SDFrts345E-V3_SUMMERSALE", Vectors.TV14)
			.build();
		assertThat(this.cookies.read(request, "SUMMERSALE", 20, true, Vectors.NOW).valid()).isTrue();
	}

	@Test
	void readWhenSignedForAnotherEventThenInvalid() {
		CookieState state = read(CookieMaker.cookie().eventId("wintersale"));
		assertThat(state).isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenEventIdTamperedThenInvalid() {
		assertThat(read(CookieMaker.cookie().signNow().eventId("SUMMERSALE"))).isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenQueueIdTamperedThenInvalid() {
		assertThat(read(CookieMaker.cookie().signNow().queueId("00000000-0000-0000-0000-000000000000")))
			.isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenRedirectTypeTamperedThenInvalid() {
		assertThat(read(CookieMaker.cookie().signNow().redirectType("safetynet"))).isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenIssueTimeMovedForwardThenInvalid() {
		assertThat(read(CookieMaker.cookie().signNow().issueTime(Vectors.NOW + 3600))).isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenFixedValidityAddedOrChangedThenInvalid() {
		assertThat(read(CookieMaker.cookie().signNow().fixedValidityMinutes("9999"))).isEqualTo(CookieState.INVALID);
		assertThat(read(CookieMaker.cookie().fixedValidityMinutes("20").signNow().fixedValidityMinutes("21")))
			.isEqualTo(CookieState.INVALID);
		assertThat(read(CookieMaker.cookie().fixedValidityMinutes("20").signNow().fixedValidityMinutes(null)))
			.isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenHashChangedThenInvalid() {
		String flipped = Vectors.TV12_HASH.substring(0, 63) + "0";
		assertThat(read(CookieMaker.cookie().hash(flipped))).isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenHashInUpperCaseThenInvalidBecauseCookieHashesCompareExactly() {
		assertThat(read(CookieMaker.cookie().hash(Vectors.TV12_HASH.toUpperCase()))).isEqualTo(CookieState.INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "%", "EventId%3Dsummersale%ZZ", "%E", "EventId%3Dsummersale%26Hash%3D%G0" })
	void readWhenTransportEncodingMalformedThenFoundButInvalid(String wire) {
		assertThat(read(wire, 20, true, Vectors.NOW)).isEqualTo(CookieState.INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage", "EventId=summersale", "a=b&c=d" })
	void readWhenValueIsNotASessionCookieThenFoundButInvalid(String wire) {
		assertThat(read(wire, 20, true, Vectors.NOW)).isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenAFieldIsMissingThenInvalid() {
		String withoutRedirectType = Vectors.TV12.replace("&RedirectType=queue", "");
		assertThat(read(withoutRedirectType, 20, true, Vectors.NOW)).isEqualTo(CookieState.INVALID);
		String withoutIssueTime = Vectors.TV12.replace("&IssueTime=1700000000", "");
		assertThat(read(withoutIssueTime, 20, true, Vectors.NOW)).isEqualTo(CookieState.INVALID);
		String withoutHash = Vectors.TV12.replace("&Hash=" + Vectors.TV12_HASH, "");
		assertThat(read(withoutHash, 20, true, Vectors.NOW)).isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenQueueIdIsEmptyAndSignedThenValid() {
		CookieState state = read(CookieMaker.cookie().queueId("").redirectType("safetynet"));
		assertThat(state.valid()).isTrue();
		assertThat(state.queueId()).isEmpty();
		assertThat(state.redirectType()).isEqualTo("safetynet");
	}

	@Test
	void readWhenRedirectTypeIsEmptyAndSignedThenValid() {
		CookieState state = read(CookieMaker.cookie().redirectType(""));
		assertThat(state.valid()).isTrue();
		assertThat(state.redirectType()).isEmpty();
	}

	@Test
	void readWhenEventIdIsEmptyThenInvalid() {
		assertThat(read(CookieMaker.cookie().eventId(""))).isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenIssueTimeIsEmptyThenInvalid() {
		assertThat(read(CookieMaker.cookie().issueTime(""))).isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenHashIsEmptyThenInvalid() {
		assertThat(read(CookieMaker.cookie().hash(""))).isEqualTo(CookieState.INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "-1", "1.7e9", " 1700000000", "0x10", "99999999999999999999" })
	void readWhenIssueTimeIsNotANumberThenInvalidEvenWhenSigned(String issueTime) {
		assertThat(read(CookieMaker.cookie().issueTime(issueTime))).isEqualTo(CookieState.INVALID);
		assertThat(read(CookieMaker.cookie().issueTime(issueTime).wire(), 20, false, Vectors.NOW))
			.isEqualTo(CookieState.INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "-5", "2.5" })
	void readWhenFixedValidityIsNotANumberThenInvalidEvenWhenSigned(String minutes) {
		assertThat(read(CookieMaker.cookie().fixedValidityMinutes(minutes))).isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenUnknownKeysArePresentThenIgnored() {
		CookieMaker cookie = CookieMaker.cookie().extra("IsCookieHttpOnly", "false").extra("IsCookieSecure", "false");
		assertThat(cookie.value()).contains("&IsCookieSecure=false&Hash=" + Vectors.TV12_HASH);
		assertThat(read(cookie).valid()).isTrue();
	}

	@Test
	void readWhenKeyAppearsTwiceThenLaterValueWins() {
		String value = "EventId=summersale&QueueId=tampered&" + Vectors.TV12.substring("EventId=summersale&".length());
		assertThat(value).startsWith("EventId=summersale&QueueId=tampered&QueueId=" + Vectors.QID);
		assertThat(read(value, 20, true, Vectors.NOW).valid()).isTrue();
		String reversed = Vectors.TV12 + "&QueueId=tampered";
		assertThat(read(reversed, 20, true, Vectors.NOW)).isEqualTo(CookieState.INVALID);
	}

	@Test
	void readWhenSeveralCookiesWithTheNameThenTheFirstIsRead() {
		TestRequest request = TestRequest.get("https://shop.example.com/")
			.cookie(Vectors.COOKIE_NAME, "stale")
			.cookie(Vectors.COOKIE_NAME, Vectors.TV14)
			.build();
		assertThat(this.cookies.read(request, Vectors.EVENT, 20, true, Vectors.NOW)).isEqualTo(CookieState.INVALID);
	}

}
