package io.queuekeeper.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.enqueue.EnqueueToken;
import io.queuekeeper.core.enqueue.EnqueueTokenCodec;
import io.queuekeeper.core.enqueue.EnqueueTokenError;
import io.queuekeeper.core.enqueue.EnqueueTokenExpectation;
import io.queuekeeper.core.enqueue.EnqueueTokenPayload;
import io.queuekeeper.core.enqueue.EnqueueTokenPolicy;
import io.queuekeeper.core.enqueue.EnqueueTokenRequest;
import io.queuekeeper.core.enqueue.EnqueueTokenSettings;
import io.queuekeeper.core.testing.ConfigJson;
import io.queuekeeper.core.testing.Decisions;
import io.queuekeeper.core.testing.Encoding;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.core.testing.Vectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static io.queuekeeper.core.testing.Vectors.CUSTOMER;
import static io.queuekeeper.core.testing.Vectors.EVENT;
import static io.queuekeeper.core.testing.Vectors.NOW;
import static io.queuekeeper.core.testing.Vectors.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Queue redirects with enqueue tokens (spec 10.4): the token goes after {@code cid} and
 * {@code l} and before {@code t}, on queue redirects only, with the claims the policy and
 * the customizer give.
 */
class QueueConnectorEnqueueTokenTests {

	private static final String PRODUCTS = "https://shop.example.com/products?id=42&color=red~blue";

	private static final UUID TV19_TI = UUID.fromString(Vectors.TV19_TI);

	private static final EnqueueTokenSettings IP_BOUND = new EnqueueTokenSettings(true,
			EnqueueTokenSettings.DEFAULT_VALIDITY, true, true, false);

	private final IntegrationConfig example = ConfigJson.example();

	private final EnqueueTokenCodec codec = new EnqueueTokenCodec(SECRET);

	private final List<EnqueueTokenRequest> customized = new ArrayList<>();

	/**
	 * The TV-19 claims: fixed identifier, IP binding, and a customizer that sets the
	 * vector's payload.
	 */
	private EnqueueTokenPolicy tv19Policy() {
		return EnqueueTokenPolicy.of(IP_BOUND).withIdentifiers(() -> TV19_TI).withCustomizer((token) -> {
			this.customized.add(token);
			token.key("XKDI42W").relativeQuality(0.4578).customData("size", "medium").origin(null);
		});
	}

	private static QueueConnector connector(EnqueueTokenPolicy policy) {
		return new QueueConnector(new ConnectorSettings(CUSTOMER, SECRET, Vectors.clockAt(NOW)), policy);
	}

	private static String tv09WithToken(String token) {
		String tv09 = Vectors.withOurVersion(Vectors.TV09);
		int target = tv09.indexOf("&t=");
		return tv09.substring(0, target) + "&enqueuetoken=" + token + tv09.substring(target);
	}

	private static @Nullable String enqueueToken(String url) {
		int start = url.indexOf("&enqueuetoken=");
		if (start < 0) {
			return null;
		}
		int end = url.indexOf('&', start + 1);
		return url.substring(start + "&enqueuetoken=".length(), (end < 0) ? url.length() : end);
	}

	@Test
	void evaluateWhenTokensAreEnabledThenTv09CarriesTheTv19TokenBeforeT() {
		TestRequest request = TestRequest.get(PRODUCTS).remoteAddress(Vectors.TV19_IP).build();
		Decision decision = connector(tv19Policy()).evaluate(request, this.example);
		String location = Decisions.redirect(decision).location();
		assertThat(location).isEqualTo(tv09WithToken(Vectors.TV19));
		assertThat(location).contains("&l=Christmas%20Layout%20by%20Queue-it&enqueuetoken=" + Vectors.TV19 + "&t=");
		assertThat(decision.result().redirectUrl()).isEqualTo(location);
		assertThat(this.customized).singleElement().satisfies((token) -> {
			assertThat(token.eventId()).isEqualTo(EVENT);
			assertThat(token.request()).isSameAs(request);
		});
	}

	@Test
	void evaluateWhenNoPolicyIsGivenThenTv09IsUnchanged() {
		Decision decision = Vectors.connectorAt(NOW).evaluate(TestRequest.get(PRODUCTS).build(), this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.withOurVersion(Vectors.TV09));
	}

	@Test
	void evaluateWhenTheEventIsSwitchedOffByAnOverrideThenTv09IsUnchanged() {
		EnqueueTokenPolicy policy = tv19Policy().withEvents(Map.of(EVENT, EnqueueTokenSettings.DISABLED));
		Decision decision = connector(policy).evaluate(TestRequest.get(PRODUCTS).build(), this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.withOurVersion(Vectors.TV09));
		assertThat(this.customized).isEmpty();
	}

	@Test
	void evaluateWhenOnlyTheEventIsSwitchedOnByAnOverrideThenCarriesAToken() {
		EnqueueTokenPolicy policy = new EnqueueTokenPolicy(EnqueueTokenSettings.DISABLED, Map.of(EVENT, IP_BOUND),
				tv19Policy().customizer(), () -> TV19_TI);
		TestRequest request = TestRequest.get(PRODUCTS).remoteAddress(Vectors.TV19_IP).build();
		Decision decision = connector(policy).evaluate(request, this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(tv09WithToken(Vectors.TV19));
	}

	@Test
	void evaluateWhenTheQueueItTokenIsInvalidThenTheErrorRedirectIsTv10WithoutEnqueueToken() {
		TestRequest request = TestRequest.get(PRODUCTS + "&queueittoken=" + Vectors.TV05).build();
		Decision decision = connector(tv19Policy()).evaluate(request, this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.withOurVersion(Vectors.TV10))
			.doesNotContain("enqueuetoken");
		assertThat(this.customized).isEmpty();
	}

	@Test
	void evaluateWhenTheActionIsCancelThenTheCancelRedirectIsTv11WithoutEnqueueToken() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.cancel("Cancel Action").or(ConfigJson.pathContains("/cancel")))
			.parse();
		Decision decision = connector(tv19Policy()).evaluate(TestRequest.get("https://shop.example.com/cancel?x=1")
			.cookie(Vectors.COOKIE_NAME, Vectors.TV14)
			.build(), config);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(Vectors.withOurVersion(Vectors.TV11))
			.doesNotContain("enqueuetoken");
		assertThat(this.customized).isEmpty();
	}

	@Test
	void cancelWhenDefinedInCodeThenTheCancelRedirectHasNoEnqueueToken() {
		Decision decision = connector(tv19Policy()).cancel(
				TestRequest.get("https://shop.example.com/leave").cookie(Vectors.COOKIE_NAME, Vectors.TV14).build(),
				CancelEventConfig.of(EVENT, Vectors.QUEUE_DOMAIN));
		assertThat(Decisions.redirect(decision).location()).startsWith("https://ticketania.queue-it.net/cancel/")
			.doesNotContain("enqueuetoken");
	}

	@Test
	void evaluateWhenTheVisitorHasAValidSessionThenProceedsWithoutCallingTheCustomizer() {
		TestRequest request = TestRequest.get(PRODUCTS).cookie(Vectors.COOKIE_NAME, Vectors.TV14).build();
		Decision decision = connector(tv19Policy()).evaluate(request, this.example);
		Decisions.proceed(decision);
		assertThat(this.customized).isEmpty();
	}

	@Test
	void evaluateWhenTheQueueItTokenIsValidThenNoEnqueueTokenIsIssued() {
		TestRequest request = TestRequest.get(PRODUCTS + "&queueittoken=" + Vectors.TV03).build();
		Decision decision = connector(tv19Policy()).evaluate(request, this.example);
		assertThat(Decisions.redirect(decision).location()).isEqualTo(PRODUCTS);
		assertThat(this.customized).isEmpty();
	}

	@Test
	void evaluateWhenTheCallIsAjaxThenTheRedirectHeaderCarriesTheToken() {
		TestRequest request = TestRequest.get(PRODUCTS)
			.header(QueueConnector.AJAX_PAGE_URL_HEADER, Encoding.form(PRODUCTS))
			.remoteAddress(Vectors.TV19_IP)
			.build();
		Decision decision = connector(tv19Policy()).evaluate(request, this.example);
		Decision.AjaxRedirect ajax = Decisions.ajaxRedirect(decision);
		assertThat(ajax.location()).isEqualTo(tv09WithToken(Vectors.TV19));
	}

	@Test
	void queueWhenDefinedInCodeThenTheTokenFollowsManAndPrecedesT() {
		EnqueueTokenPolicy policy = EnqueueTokenPolicy.of(EnqueueTokenSettings.enabledByDefault())
			.withIdentifiers(() -> TV19_TI);
		Decision decision = connector(policy).queue(TestRequest.get("https://shop.example.com/drop").build(),
				QueueEventConfig.of(EVENT, Vectors.QUEUE_DOMAIN));
		String location = Decisions.redirect(decision).location();
		String token = enqueueToken(location);
		assertThat(location).isEqualTo("https://ticketania.queue-it.net/?c=ticketania&e=summersale&ver="
				+ Encoding.javaQuery(QueueConnector.SDK_VERSION) + "&cver=-1&man=unspecified&enqueuetoken=" + token
				+ "&t=https%3A%2F%2Fshop.example.com%2Fdrop");
		assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
	}

	@Test
	void evaluateWhenTheActionHasNoTargetThenTheTokenComesLast() {
		IntegrationConfig config = ConfigJson.config()
			.integration(ConfigJson.queue("Event target")
				.set("RedirectLogic", "EventTargetUrl")
				.or(ConfigJson.pathContains("/")))
			.parse();
		EnqueueTokenPolicy policy = EnqueueTokenPolicy.of(EnqueueTokenSettings.enabledByDefault());
		Decision decision = connector(policy).evaluate(TestRequest.get(PRODUCTS).build(), config);
		String location = Decisions.redirect(decision).location();
		assertThat(location).contains("&enqueuetoken=").doesNotContain("&t=");
		assertThat(location).endsWith("&enqueuetoken=" + enqueueToken(location));
	}

	@Test
	void evaluateWhenKeyIsOnAndNoCustomizerSetsOneThenTheKeyIsARandomUuid() {
		AtomicInteger calls = new AtomicInteger();
		UUID key = UUID.fromString("11111111-2222-4333-8444-555555555555");
		EnqueueTokenPolicy policy = EnqueueTokenPolicy.of(EnqueueTokenSettings.enabledByDefault())
			.withIdentifiers(() -> (calls.getAndIncrement() == 0) ? TV19_TI : key);
		EnqueueToken token = issued(connector(policy), TestRequest.get(PRODUCTS).remoteAddress("192.0.2.1").build());
		assertThat(token.tokenIdentifier()).isEqualTo(Vectors.TV19_TI);
		assertThat(token.payload())
			.isEqualTo(new EnqueueTokenPayload(key.toString(), null, Map.of(), EnqueueTokenPayload.ORIGIN_CONNECTOR));
		assertThat(token.ipAddress()).as("no IP binding by default").isNull();
		assertThat(token.forwardedFor()).isNull();
	}

	@Test
	void evaluateWhenKeyIsOffThenThePayloadOnlyNamesTheOrigin() {
		EnqueueTokenPolicy policy = EnqueueTokenPolicy
			.of(new EnqueueTokenSettings(true, Duration.ofSeconds(30), false, false, false));
		EnqueueToken token = issued(connector(policy), TestRequest.get(PRODUCTS).build());
		assertThat(token.payload())
			.isEqualTo(new EnqueueTokenPayload(null, null, Map.of(), EnqueueTokenPayload.ORIGIN_CONNECTOR));
		assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW + 30));
	}

	@Test
	void evaluateWhenKeyIsOffAndTheOriginIsRemovedThenTheTokenHasNoPayload() {
		EnqueueTokenPolicy policy = EnqueueTokenPolicy
			.of(new EnqueueTokenSettings(true, Duration.ofSeconds(30), false, false, false))
			.withCustomizer((token) -> token.origin(null));
		String location = Decisions
			.redirect(connector(policy).evaluate(TestRequest.get(PRODUCTS).build(), this.example))
			.location();
		assertThat(enqueueToken(location)).contains("..");
		assertThat(this.codec.decode(enqueueToken(location)).token().payload()).isNull();
	}

	@Test
	void evaluateWhenForwardedForBindingIsOnThenTheHeaderIsBound() {
		EnqueueTokenPolicy policy = EnqueueTokenPolicy
			.of(new EnqueueTokenSettings(true, Duration.ofSeconds(240), true, true, true));
		EnqueueToken token = issued(connector(policy),
				TestRequest.get(PRODUCTS)
					.remoteAddress("10.0.0.5")
					.header("X-Forwarded-For", "198.51.100.1, 10.0.0.1")
					.build());
		assertThat(token.ipAddress()).isEqualTo("10.0.0.5");
		assertThat(token.forwardedFor()).isEqualTo("198.51.100.1, 10.0.0.1");
	}

	@Test
	void evaluateWhenBindingIsOnButTheRequestHasNoSuchValueThenTheFieldIsLeftOut() {
		EnqueueTokenPolicy policy = EnqueueTokenPolicy
			.of(new EnqueueTokenSettings(true, Duration.ofSeconds(240), true, true, true));
		EnqueueToken token = issued(connector(policy),
				TestRequest.get(PRODUCTS).header("X-Forwarded-For", " ").build());
		assertThat(token.ipAddress()).isNull();
		assertThat(token.forwardedFor()).isNull();
	}

	@Test
	void evaluateWhenTheCustomizerSetsQuotesAndNonAsciiThenTheWaitingRoomReadsThemBack() {
		EnqueueTokenPolicy policy = EnqueueTokenPolicy.of(EnqueueTokenSettings.enabledByDefault())
			.withCustomizer((token) -> token.key("member \"42\"")
				.customData("name", "Zo\u00eb \\ \"Z\"")
				.origin(EnqueueTokenPayload.ORIGIN_INVITE_ONLY));
		EnqueueToken token = issued(connector(policy), TestRequest.get(PRODUCTS).build());
		assertThat(token.payload().key()).isEqualTo("member \"42\"");
		assertThat(token.payload().customData()).containsExactly(Map.entry("name", "Zo\u00eb \\ \"Z\""));
		assertThat(token.payload().origin()).isEqualTo("InviteOnly");
	}

	@Test
	void evaluateWhenTheIssuedTokenIsVerifiedThenItIsValidUntilTheValidityEnds() {
		TestRequest request = TestRequest.get(PRODUCTS).remoteAddress(Vectors.TV19_IP).build();
		String location = Decisions.redirect(connector(tv19Policy()).evaluate(request, this.example)).location();
		String token = enqueueToken(location);
		EnqueueTokenExpectation expected = EnqueueTokenExpectation.of(CUSTOMER, EVENT)
			.withKey("XKDI42W")
			.withIpAddress(Vectors.TV19_IP);
		Instant now = Instant.ofEpochSecond(NOW);
		assertThat(this.codec.verify(token, expected, now.plusSeconds(240)).valid()).isTrue();
		assertThat(this.codec.verify(token, expected, now.plusSeconds(241)).error())
			.isEqualTo(EnqueueTokenError.EXPIRED);
		assertThat(this.codec.verify(token, expected.withIpAddress("203.0.113.8"), now).error())
			.isEqualTo(EnqueueTokenError.IP_ADDRESS);
	}

	@Test
	void evaluateWhenTokensAreOnThenEveryRedirectGetsAFreshIdentifier() {
		QueueConnector connector = connector(EnqueueTokenPolicy.of(EnqueueTokenSettings.enabledByDefault()));
		EnqueueToken first = issued(connector, TestRequest.get(PRODUCTS).build());
		EnqueueToken second = issued(connector, TestRequest.get(PRODUCTS).build());
		assertThat(first.tokenIdentifier()).isNotEqualTo(second.tokenIdentifier());
		assertThat(first.payload().key()).isNotEqualTo(second.payload().key());
	}

	@Test
	void settingsWhenValidityIsOutsideTheAllowedRangeThenRejected() {
		assertThatExceptionOfType(ConnectorConfigurationException.class)
			.isThrownBy(() -> new EnqueueTokenSettings(true, Duration.ofSeconds(29), true, false, false))
			.withMessageContaining("at least 30s")
			.withMessageContaining("PT29S");
		assertThatExceptionOfType(ConnectorConfigurationException.class)
			.isThrownBy(() -> new EnqueueTokenSettings(false, Duration.ofDays(2), true, false, false));
		assertThat(new EnqueueTokenSettings(true, Duration.ofSeconds(30), true, false, false).validity())
			.isEqualTo(EnqueueTokenSettings.MIN_VALIDITY);
	}

	@Test
	void requestWhenRelativeQualityIsNotFiniteThenRejected() {
		EnqueueTokenRequest token = new EnqueueTokenRequest(TestRequest.get(PRODUCTS).build(), EVENT,
				EnqueueTokenSettings.enabledByDefault());
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> token.relativeQuality(Double.NaN));
		assertThat(token.relativeQuality(0.5).relativeQuality()).isEqualTo(0.5);
		assertThat(token.principal()).isNull();
	}

	private EnqueueToken issued(QueueConnector connector, TestRequest request) {
		String location = Decisions.redirect(connector.evaluate(request, this.example)).location();
		String token = enqueueToken(location);
		assertThat(token).isNotNull();
		return this.codec.decode(token).token();
	}

}
