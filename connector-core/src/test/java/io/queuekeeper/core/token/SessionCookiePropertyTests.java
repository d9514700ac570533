package io.queuekeeper.core.token;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.QueueConnector;
import io.queuekeeper.core.QueueEventConfig;
import io.queuekeeper.core.ResultType;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.internal.HmacSha256;
import io.queuekeeper.core.testing.ConnectorFixtures;
import io.queuekeeper.core.testing.DecisionAssertions;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.TestSigning;
import io.queuekeeper.core.testing.WireArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static io.queuekeeper.core.testing.ConnectorFixtures.CANCEL_EVENT;
import static io.queuekeeper.core.testing.ConnectorFixtures.EVENT_ID;
import static io.queuekeeper.core.testing.ConnectorFixtures.NOW_SECONDS;
import static io.queuekeeper.core.testing.ConnectorFixtures.QUEUE_DOMAIN;
import static io.queuekeeper.core.testing.ConnectorFixtures.QUEUE_EVENT;
import static io.queuekeeper.core.testing.ConnectorFixtures.SECRET;
import static io.queuekeeper.core.testing.ConnectorFixtures.SESSION_COOKIE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a valid token, only a cookie signed with the account's secret, for this event
 * and still valid, may admit a visitor: arbitrary, forged and tampered session cookies
 * always end in the waiting room.
 */
class SessionCookiePropertyTests {

	private static final String DROP_URL = "https://shop.example.com/drop/item?color=red";

	private static final String WAITING_ROOM = "https://queue.example.com/?c=acme&e=sale&";

	/**
	 * Every character an event id may contain ({@code EventChecks}) except {@code &},
	 * which makes the engine write a cookie it cannot read back: see
	 * {@link SessionCookieRegressionTests}.
	 */
	private static final String EVENT_ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%'*+-.^_`|~";

	private final QueueConnector connector = ConnectorFixtures.connector();

	private final IntegrationConfig config = ConnectorFixtures.config();

	private final SessionCookies cookies = new SessionCookies(new HmacSha256(SECRET));

	@Property(tries = 2000)
	void queueWhenSessionCookieIsArbitraryThenRedirectsToWaitingRoom(@ForAll("arbitraryCookies") String value,
			@ForAll("ajaxHeaders") String ajaxPageUrl) {
		TestRequest request = requestWith(value, ajaxPageUrl);
		assertRejected(this.connector.queue(request, QUEUE_EVENT), ajaxPageUrl);
		assertRejected(this.connector.evaluate(request, this.config), ajaxPageUrl);
		assertThat(this.connector.extendQueueCookie(request, EVENT_ID, 20, null, false, false)).isEmpty();
		assertNotCancelled(this.connector.cancel(request, CANCEL_EVENT));
	}

	@Property(tries = 2000)
	void queueWhenSessionCookieIsForgedThenRedirectsToWaitingRoom(@ForAll("forgedCookies") Forged forged,
			@ForAll("ajaxHeaders") String ajaxPageUrl) {
		TestRequest request = requestWith(forged.value(), ajaxPageUrl);
		assertRejected(this.connector.queue(request, QUEUE_EVENT), ajaxPageUrl);
		assertRejected(this.connector.evaluate(request, this.config), ajaxPageUrl);
		assertThat(this.connector.extendQueueCookie(request, EVENT_ID, 20, null, false, false)).isEmpty();
		if (forged.how() != Forgery.EXPIRED) {
			// cancel ignores expiry (§3.7), so only the unsigned forgeries must fail
			// there
			assertNotCancelled(this.connector.cancel(request, CANCEL_EVENT));
		}
	}

	@Property(tries = 3000)
	void queueWhenStoredCookieIsAlteredInOneCharacterThenRedirectsToWaitingRoom(@ForAll("storedCookies") Stored stored,
			@ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll("replacements") char replacement,
			@ForAll boolean beforeEncoding) {
		String original = stored.cookie().value();
		String altered;
		if (beforeEncoding) {
			String decoded = URLDecoder.decode(original, StandardCharsets.UTF_8);
			altered = URLEncoder.encode(replaceAt(decoded, position, replacement), StandardCharsets.UTF_8);
		}
		else {
			altered = replaceAt(original, position, replacement);
		}
		Assume.that(!altered.equals(original));
		QueueEventConfig event = QueueEventConfig.of(stored.eventId(), QUEUE_DOMAIN);
		Decision accepted = this.connector
			.queue(TestRequest.get(DROP_URL).cookie(stored.cookie().name(), original).build(), event);
		assertThat(accepted).as("unaltered cookie %s", original).isInstanceOf(Decision.Proceed.class);
		boolean equivalent = sameDecoded(original, altered);
		Statistics.label("alteration").collect(equivalent ? "same decoded value" : "changed");
		Assume.that(!equivalent);
		Decision decision = this.connector
			.queue(TestRequest.get(DROP_URL).cookie(stored.cookie().name(), altered).build(), event);
		DecisionAssertions.assertWellFormed(decision);
		assertThat(decision).as("altered cookie %s", altered).isInstanceOf(Decision.Redirect.class);
		assertThat(((Decision.Redirect) decision).location())
			.startsWith("https://queue.example.com/?c=acme&e=" + javaQueryEncode(stored.eventId()) + "&");
		assertThat(decision.result().queueId()).isNull();
		assertThat(decision.cookies()).singleElement().satisfies((cookie) -> {
			assertThat(cookie.name()).isEqualTo(stored.cookie().name());
			assertThat(cookie.isDeletion()).isTrue();
		});
	}

	@Property(tries = 500)
	void queueWhenStoredCookieIsUnchangedThenAdmitsWithItsQueueId(@ForAll("storedCookies") Stored stored) {
		Decision decision = this.connector.queue(
				TestRequest.get(DROP_URL).cookie(stored.cookie().name(), stored.cookie().value()).build(),
				QueueEventConfig.of(stored.eventId(), QUEUE_DOMAIN));
		assertThat(decision).isInstanceOf(Decision.Proceed.class);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(decision.result().eventId()).isEqualTo(stored.eventId());
		assertThat(decision.result().queueId()).isEqualTo(utf8RoundTrip(stored.queueId()));
		assertThat(this.connector.extendQueueCookie(
				TestRequest.get(DROP_URL).cookie(stored.cookie().name(), stored.cookie().value()).build(),
				stored.eventId(), 20, null, false, false))
			.extracting(CookieInstruction::name)
			.containsExactly(stored.cookie().name());
	}

	@Property(tries = 1000)
	void queueWhenSignedTokenCarriesArbitraryFieldValuesThenItsCookieAdmitsTheNextRequest(
			@ForAll("tokenEvents") String tokenEvent, @ForAll("tokenFieldValues") String queueId,
			@ForAll("tokenFieldValues") String redirectType,
			@ForAll @IntRange(min = -1, max = 100_000) int fixedValidity) {
		Integer cv = (fixedValidity < 0) ? null : fixedValidity;
		String token = TestSigning.token(SECRET, tokenEvent, queueId, NOW_SECONDS + 30, redirectType, cv);
		String url = DROP_URL + "&queueittoken=" + javaQueryEncode(token);
		Decision first = this.connector.queue(TestRequest.get(url).build(), QUEUE_EVENT);
		DecisionAssertions.assertWellFormed(first);
		String expectedQueueId = utf8RoundTrip(queueId);
		assertThat(first).as("token %s", token)
			.isInstanceOfSatisfying(Decision.Redirect.class,
					(redirect) -> assertThat(redirect.location()).isEqualTo(DROP_URL));
		assertThat(first.result().queueId()).isEqualTo(expectedQueueId);
		CookieInstruction issued = first.cookies()
			.stream()
			.filter((cookie) -> cookie.name().equals(SESSION_COOKIE))
			.findFirst()
			.orElseThrow();
		assertThat(issued.isDeletion()).isFalse();
		Decision next = this.connector.queue(TestRequest.get(DROP_URL).cookie(SESSION_COOKIE, issued.value()).build(),
				QUEUE_EVENT);
		assertThat(next).as("cookie %s", issued.value()).isInstanceOf(Decision.Proceed.class);
		assertThat(next.result().queueId()).isEqualTo(expectedQueueId);
		assertThat(next.result().redirectType()).isEqualTo(utf8RoundTrip(redirectType));
	}

	@Provide
	Arbitrary<String> tokenEvents() {
		return Arbitraries.of(EVENT_ID, "SALE", "Sale", "sAlE");
	}

	/**
	 * Values a signed token may carry in {@code q} and {@code rt}: anything but the
	 * token's and the cookie's separators ({@code ~ _ & =}), which the waiting room never
	 * puts in a value.
	 */
	@Provide
	Arbitrary<String> tokenFieldValues() {
		return Arbitraries.oneOf(Arbitraries.of("queue", "safetynet", "DirectLink", "debug", "idle"),
				Arbitraries.randoms().map((random) -> new UUID(random.nextLong(), random.nextLong()).toString()),
				WireArbitraries.wireText()
					.map((text) -> text.replaceAll("[~_&=]", ""))
					.filter((text) -> !text.isEmpty()));
	}

	@Provide
	Arbitrary<String> arbitraryCookies() {
		return WireArbitraries.wireText();
	}

	@Provide
	Arbitrary<String> ajaxHeaders() {
		return Arbitraries.frequencyOf(List.of(Tuple.of(3, Arbitraries.just("")),
				Tuple.of(1, Arbitraries.just("https://shop.example.com/page")),
				Tuple.of(1, WireArbitraries.wireText())));
	}

	/**
	 * Cookies with every field present and plausible but not signed with the account's
	 * secret: random hashes, another key, another event, or an expired issue time; in any
	 * field order, with extra keys, encoded or raw.
	 */
	@Provide
	Arbitrary<Forged> forgedCookies() {
		Arbitrary<String> eventId = Arbitraries.of(EVENT_ID, "SALE", "other", "", "sale ", "sale&EventId=sale");
		Arbitrary<String> queueId = Arbitraries.oneOf(Arbitraries.of("7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e", ""),
				WireArbitraries.wireText());
		Arbitrary<@Nullable String> fixed = Arbitraries.of("5", "", "0", "-1", "abc", "99999999999999999999")
			.injectNull(0.6);
		Arbitrary<String> redirectType = Arbitraries.oneOf(Arbitraries.of("queue", "safetynet", "debug", ""),
				WireArbitraries.wireText());
		Arbitrary<String> issueTime = Arbitraries.oneOf(
				Arbitraries.longs().between(NOW_SECONDS - 100_000, NOW_SECONDS + 100_000).map(String::valueOf),
				Arbitraries.of("abc", "", "-1", "1e9", "0x10"));
		Arbitrary<String> hash = Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789abcdef").ofLength(64),
				Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(64), WireArbitraries.wireText());
		Arbitrary<Forgery> forgeries = Arbitraries.of(Forgery.values());
		Arbitrary<Tuple.Tuple2<Forgery, List<String>>> fields = Combinators
			.combine(eventId, queueId, fixed, redirectType, issueTime, hash, forgeries)
			.as((e, q, f, r, i, h, how) -> Tuple.of(how, forge(e, q, f, r, i, h, how)));
		return Combinators
			.combine(fields, Arbitraries.randoms(), Arbitraries.of(true, false), WireArbitraries.wireText())
			.as((forged, random, encode, extra) -> {
				List<String> shuffled = new ArrayList<>(forged.get2());
				if (random.nextBoolean()) {
					Collections.shuffle(shuffled, random);
				}
				if (random.nextInt(4) == 0) {
					shuffled.add(random.nextInt(shuffled.size() + 1), "Extra=" + extra);
				}
				String joined = String.join("&", shuffled);
				return new Forged(encode ? URLEncoder.encode(joined, StandardCharsets.UTF_8) : joined, forged.get1());
			});
	}

	@Provide
	Arbitrary<Stored> storedCookies() {
		Arbitrary<String> eventId = Arbitraries.strings().withChars(EVENT_ID_CHARS).ofMinLength(1).ofMaxLength(20);
		Arbitrary<String> queueId = Arbitraries.oneOf(
				Arbitraries.randoms().map((random) -> new UUID(random.nextLong(), random.nextLong()).toString()),
				WireArbitraries.wireText().map((text) -> text.replace("&", "").replace("=", "")));
		Arbitrary<@Nullable String> fixed = Arbitraries.integers()
			.between(1, 100_000)
			.map(String::valueOf)
			.injectNull(0.5);
		Arbitrary<String> redirectType = Arbitraries.oneOf(
				Arbitraries.of("queue", "safetynet", "idle", "disabled", "afterevent", "DirectLink", ""),
				WireArbitraries.wireText().map((text) -> text.replace("&", "").replace("=", "")));
		Arbitrary<Long> issued = Arbitraries.longs().between(NOW_SECONDS - 59, NOW_SECONDS);
		// A surrogate pair split between two fields is one character in the signed
		// concatenation but two '?' in the cookie, so that cookie cannot round-trip and
		// is rejected (see the test below); the properties here are about the others.
		return Combinators.combine(eventId, queueId, fixed, redirectType, issued)
			.filter((e, q, f, r, i) -> !splitsSurrogatePair(e, q, (f != null) ? f : "", r))
			.as((e, q, f, r, i) -> new Stored(e, q, this.cookies.store(e, q, f, r, null, false, false, i)));
	}

	private static boolean splitsSurrogatePair(String... fields) {
		StringBuilder joined = new StringBuilder();
		for (String field : fields) {
			if (joined.length() > 0 && !field.isEmpty() && Character.isHighSurrogate(joined.charAt(joined.length() - 1))
					&& Character.isLowSurrogate(field.charAt(0))) {
				return true;
			}
			joined.append(field);
		}
		return false;
	}

	@Test
	void queueWhenStoredCookieSplitsSurrogatePairBetweenFieldsThenRedirectsToWaitingRoom() {
		CookieInstruction cookie = this.cookies.store(EVENT_ID, "x\uD800", null, "\uDC00", null, false, false,
				NOW_SECONDS - 1);
		Decision decision = this.connector
			.queue(TestRequest.get(DROP_URL).cookie(cookie.name(), cookie.value()).build(), QUEUE_EVENT);
		assertThat(cookie.value()).contains("QueueId%3Dx%3F%26RedirectType%3D%3F%26");
		assertThat(decision).isInstanceOf(Decision.Redirect.class);
	}

	@Provide
	Arbitrary<Character> replacements() {
		return Arbitraries.oneOf(Arbitraries.chars().with("0123456789abcdefABCDEF%+&=.-_* ~"),
				Arbitraries.chars().all());
	}

	private static List<String> forge(String eventId, String queueId, @Nullable String fixed, String redirectType,
			String issueTime, String hash, Forgery how) {
		String signedHash = switch (how) {
			case RANDOM_HASH -> hash;
			case OTHER_KEY -> TestSigning.hmacHex("not-the-secret",
					eventId + queueId + ((fixed != null) ? fixed : "") + redirectType + issueTime);
			case OTHER_EVENT -> TestSigning.hmacHex(SECRET,
					"other" + queueId + ((fixed != null) ? fixed : "") + redirectType + issueTime);
			case EXPIRED -> TestSigning.hmacHex(SECRET,
					EVENT_ID + queueId + ((fixed != null) ? fixed : "") + redirectType + (NOW_SECONDS - 86_400));
		};
		String cookieEvent = (how == Forgery.OTHER_EVENT) ? "other" : (how == Forgery.EXPIRED) ? EVENT_ID : eventId;
		String cookieIssue = (how == Forgery.EXPIRED) ? Long.toString(NOW_SECONDS - 86_400) : issueTime;
		List<String> fields = new ArrayList<>();
		fields.add("EventId=" + cookieEvent);
		fields.add("QueueId=" + queueId);
		if (fixed != null) {
			fields.add("FixedValidityMins=" + fixed);
		}
		fields.add("RedirectType=" + redirectType);
		fields.add("IssueTime=" + cookieIssue);
		fields.add("Hash=" + signedHash);
		return fields;
	}

	private static String replaceAt(String value, int position, char replacement) {
		int index = position % value.length();
		return value.substring(0, index) + replacement + value.substring(index + 1);
	}

	private static TestRequest requestWith(String cookieValue, String ajaxPageUrl) {
		TestRequest.Builder builder = TestRequest.get(DROP_URL).cookie(SESSION_COOKIE, cookieValue);
		if (!ajaxPageUrl.isEmpty()) {
			builder.header(QueueConnector.AJAX_PAGE_URL_HEADER, ajaxPageUrl);
		}
		return builder.build();
	}

	private static void assertRejected(Decision decision, String ajaxPageUrl) {
		DecisionAssertions.assertWellFormed(decision);
		if (ajaxPageUrl.isBlank()) {
			assertThat(decision).isInstanceOf(Decision.Redirect.class);
			assertThat(((Decision.Redirect) decision).location()).startsWith(WAITING_ROOM);
		}
		else {
			assertThat(decision).isInstanceOf(Decision.AjaxRedirect.class);
			assertThat(((Decision.AjaxRedirect) decision).location()).startsWith(WAITING_ROOM);
		}
		assertThat(decision.result().actionType()).isEqualTo(ResultType.QUEUE);
		assertThat(decision.result().queueId()).isNull();
		assertThat(decision.cookies()).singleElement().satisfies((cookie) -> {
			assertThat(cookie.name()).isEqualTo(SESSION_COOKIE);
			assertThat(cookie.isDeletion()).isTrue();
		});
	}

	/**
	 * A cancel action finds no valid session: no redirect to the cancel page and the
	 * cookie is left alone (§3.7).
	 */
	private static void assertNotCancelled(Decision decision) {
		DecisionAssertions.assertWellFormed(decision);
		assertThat(decision).isInstanceOf(Decision.Proceed.class);
		assertThat(decision.result().actionType()).isEqualTo(ResultType.CANCEL);
		assertThat(decision.result().queueId()).isNull();
		assertThat(decision.cookies()).isEmpty();
	}

	/**
	 * Whether both values decode, as {@link URLDecoder} does, to the same text: a
	 * different spelling of the same cookie (e.g. {@code %3D} and {@code %3d}), not a
	 * tampered one.
	 */
	private static boolean sameDecoded(String original, String altered) {
		String left = formDecodeOrNull(original);
		String right = formDecodeOrNull(altered);
		return left != null && left.equals(right);
	}

	private static @Nullable String formDecodeOrNull(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The connector's query encoder (§4.1): only {@code A-Z a-z 0-9 . - _} stay as they
	 * are.
	 */
	private static String javaQueryEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
	}

	private static String utf8RoundTrip(String value) {
		return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
	}

	enum Forgery {

		RANDOM_HASH, OTHER_KEY, OTHER_EVENT, EXPIRED

	}

	record Forged(String value, Forgery how) {

	}

	record Stored(String eventId, String queueId, CookieInstruction cookie) {

		@Override
		public String toString() {
			return "Stored[eventId=" + this.eventId + ", queueId=" + this.queueId + ", value=" + this.cookie.value()
					+ "]";
		}

	}

}
