package io.queuekeeper.benchmarks.e2e;

import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.token.CookieState;
import io.queuekeeper.core.token.SessionCookies;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProtocolFloor} must do the work the starter does for a valid session cookie, no
 * less: accept only what the engine accepts among the cookies it is sent, and send back
 * the very header the engine's re-issue renders.
 */
class ProtocolFloorTests {

	private static final String SECRET = "a-secret-key-for-the-floor";

	private static final String EVENT = "dropevent";

	private static final String DOMAIN = ".shop.example.com";

	private static final long ISSUED = 1_782_907_080L;

	private static final long NOW = ISSUED + 120;

	private final SessionCookies engine = new SessionCookies(new HmacSha256(SECRET));

	private final ProtocolFloor floor = new ProtocolFloor(SECRET, EVENT, DOMAIN, 20);

	@Test
	void reissuesTheCookieAsTheEngineDoes() {
		CookieInstruction stored = store(EVENT, ISSUED);
		CookieState state = this.engine.read(new CookieRequest(stored.name(), stored.value()), EVENT, 20, true, NOW);
		String expected = this.engine.reissue(state, EVENT, null, DOMAIN, true, true, NOW).toSetCookieHeader("Lax");

		assertThat(this.floor.reissue(header(stored), NOW)).isEqualTo(expected).contains("IssueTime%3D" + NOW);
	}

	@Test
	void findsTheCookieAmongOthers() {
		CookieInstruction stored = store(EVENT, ISSUED);

		assertThat(this.floor.reissue("JSESSIONID=abc; cart=3;" + header(stored) + "; theme=dark", NOW))
			.startsWith(stored.name() + "=");
	}

	@Test
	void refusesAMissingCookie() {
		assertThat(this.floor.reissue(null, NOW)).isNull();
		assertThat(this.floor.reissue("JSESSIONID=abc", NOW)).isNull();
	}

	@Test
	void refusesATamperedCookie() {
		String value = store(EVENT, ISSUED).value();
		String otherQueue = value.replace("QueueId%3Dq", "QueueId%3Dx");
		String otherHash = value.substring(0, value.length() - 1) + (value.endsWith("0") ? "1" : "0");

		assertThat(otherQueue).isNotEqualTo(value);
		assertThat(this.floor.reissue(SessionCookies.name(EVENT) + "=" + otherQueue, NOW)).isNull();
		assertThat(this.floor.reissue(SessionCookies.name(EVENT) + "=" + otherHash, NOW)).isNull();
	}

	@Test
	void refusesACookieSignedWithAnotherKey() {
		CookieInstruction foreign = new SessionCookies(new HmacSha256("another-key")).store(EVENT, "q-1", null, "queue",
				DOMAIN, true, true, ISSUED);

		assertThat(this.floor.reissue(header(foreign), NOW)).isNull();
	}

	@Test
	void refusesAnotherEventsCookieUnderThisEventsName() {
		String value = store("otherevent", ISSUED).value();

		assertThat(this.floor.reissue(SessionCookies.name(EVENT) + "=" + value, NOW)).isNull();
	}

	@Test
	void refusesAnExpiredCookie() {
		CookieInstruction stored = store(EVENT, ISSUED);

		assertThat(this.floor.reissue(header(stored), ISSUED + 20 * 60)).isNotNull();
		assertThat(this.floor.reissue(header(stored), ISSUED + 20 * 60 + 1)).isNull();
	}

	@Test
	void refusesValuesOutsideTheEnginesLayout() {
		String name = SessionCookies.name(EVENT) + "=";

		assertThat(this.floor.reissue(name, NOW)).isNull();
		assertThat(this.floor.reissue(name + "EventId%3Ddropevent", NOW)).isNull();
		assertThat(this.floor.reissue(name + "garbage", NOW)).isNull();
	}

	@Test
	void refusesASignedIssueTimeWithASign() {
		// Signed with the key, but never written so by the engine, which reads digits.
		HmacSha256 hmac = new HmacSha256(SECRET);
		String issued = "+" + ISSUED;
		String value = "EventId%3D" + EVENT + "%26QueueId%3Dq-1%26RedirectType%3Dqueue%26IssueTime%3D" + issued
				+ "%26Hash%3D" + hmac.hex(EVENT + "q-1" + "queue" + issued);
		String unsigned = value.replace(issued, Long.toString(ISSUED));
		String resigned = unsigned.substring(0, unsigned.indexOf("%26Hash%3D") + "%26Hash%3D".length())
				+ hmac.hex(EVENT + "q-1" + "queue" + ISSUED);

		assertThat(this.floor.reissue(SessionCookies.name(EVENT) + "=" + resigned, NOW)).isNotNull();
		assertThat(this.floor.reissue(SessionCookies.name(EVENT) + "=" + value, NOW)).isNull();
	}

	private CookieInstruction store(String event, long issued) {
		return this.engine.store(event, "q-7f3c2a1e", null, "queue", DOMAIN, true, true, issued);
	}

	private static String header(CookieInstruction cookie) {
		return cookie.name() + "=" + cookie.value();
	}

	/** A request that carries one cookie. */
	private record CookieRequest(String name, String value) implements ConnectorRequest {

		@Override
		public String method() {
			return "GET";
		}

		@Override
		public String url() {
			return "https://shop.example.com/floor/hello";
		}

		@Override
		public @Nullable String header(String header) {
			return null;
		}

		@Override
		public @Nullable String cookie(String cookie) {
			return this.name.equals(cookie) ? this.value : null;
		}

	}

}
