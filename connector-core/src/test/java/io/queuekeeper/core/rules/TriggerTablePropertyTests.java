package io.queuekeeper.core.rules;

import java.util.ArrayList;
import java.util.List;

import io.queuekeeper.core.config.ActionType;
import io.queuekeeper.core.config.Integration;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.RedirectLogic;
import io.queuekeeper.core.testing.TestRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IntegrationConfig#firstMatch}, which skips triggers whose URL literals the URL's
 * trigrams rule out and evaluates the other parts cheapest first, finds the integration
 * that the plain reading of the spec finds: the first in list order with a trigger whose
 * parts, each evaluated on its own in config order, combine to true.
 */
class TriggerTablePropertyTests {

	private static final String HEADER = "x-test";

	private static final String COOKIE = "segment";

	@Property(tries = 3000)
	void firstMatchWhenRandomConfigAndRequestThenSameAsEvaluatingEveryPartInOrder(
			@ForAll("integrations") List<Integration> integrations, @ForAll("urls") String url,
			@ForAll("headerValues") String header, @ForAll("headerValues") String userAgent,
			@ForAll("headerValues") String cookie) {
		IntegrationConfig config = new IntegrationConfig(3, integrations);
		TestRequest request = request(url, header, userAgent, cookie);
		Integration expected = reference(integrations, request, url);
		Integration actual = config.firstMatch(new RequestValues(request, url));
		Statistics.label("match")
			.collect((expected == null) ? "none" : (expected == integrations.get(0)) ? "first" : "later");
		Statistics.label("url").collect(url.chars().allMatch((c) -> c < 0x80) ? "ascii" : "beyond ascii");
		if (expected == null) {
			assertThat(actual).isNull();
		}
		else {
			assertThat(actual).isSameAs(expected);
		}
	}

	@Test
	void firstMatchWhenLaterIntegrationMatchesAndEarlierIsRuledOutByTrigramsThenLater() {
		Integration sale = integration("sale",
				trigger(LogicalOperator.AND, part(UrlPart.PAGE_PATH, Operator.CONTAINS, "/sale-3/", false, true)));
		Integration drop = integration("drop",
				trigger(LogicalOperator.AND, part(UrlPart.PAGE_PATH, Operator.CONTAINS, "/drop/", false, true)),
				trigger(LogicalOperator.OR,
						part(UrlPart.HOST_NAME, Operator.EQUALS, "other.example.com", false, false)));
		Integration notCheckout = integration("not-checkout",
				trigger(LogicalOperator.AND, part(UrlPart.PAGE_URL, Operator.CONTAINS, "/checkout/", true, false)));
		IntegrationConfig config = new IntegrationConfig(1, List.of(sale, drop, notCheckout));
		String dropUrl = "https://Shop.Example.com/DROP/sneaker-42?color=red";
		String checkoutUrl = "https://shop.example.com/checkout/7";
		String saleUrl = "https://shop.example.com/Sale-3/x";
		assertThat(config.firstMatch(values(dropUrl))).isSameAs(drop);
		assertThat(config.firstMatch(values(checkoutUrl))).isNull();
		assertThat(config.firstMatch(values(saleUrl))).isSameAs(sale);
		assertThat(config.firstMatch(values("https://shop.example.com/\u017fale-3/x"))).isSameAs(sale);
		assertThat(config.firstMatch(values("https://other.example.com/"))).isSameAs(drop);
		assertThat(config.firstMatch(values("https://shop.example.com/home"))).isSameAs(notCheckout);
	}

	@Test
	void firstMatchWhenExactEqualsAndValueOfOtherLengthThenDecidedByNegation() {
		Integration gold = integration("gold",
				trigger(LogicalOperator.OR, header(Operator.EQUALS, "gold", false, false)));
		Integration notDrop = integration("not-drop",
				trigger(LogicalOperator.AND, header(Operator.EQUALS, "drop", true, false)));
		IntegrationConfig config = new IntegrationConfig(1, List.of(gold, notDrop));
		assertThat(config.firstMatch(headerValues("gold"))).isSameAs(gold);
		// Same length as both literals, equal to neither.
		assertThat(config.firstMatch(headerValues("mold"))).isSameAs(notDrop);
		assertThat(config.firstMatch(headerValues("drop"))).isNull();
		assertThat(config.firstMatch(headerValues("golden"))).isSameAs(notDrop);
		assertThat(config.firstMatch(headerValues(null))).isSameAs(notDrop);
	}

	@Test
	void firstMatchWhenExactLiteralTooLongForTheTableThenPartDecides() {
		// 2^24 characters: a length the table cannot hold next to a part's flags.
		String literal = "a".repeat(1 << 24);
		Integration huge = integration("huge",
				trigger(LogicalOperator.AND, header(Operator.EQUALS, literal, false, false)));
		IntegrationConfig config = new IntegrationConfig(1, List.of(huge));
		assertThat(config.firstMatch(headerValues(literal))).isSameAs(huge);
		assertThat(config.firstMatch(headerValues(literal.substring(1)))).isNull();
	}

	@Test
	void firstMatchWhenEqualsIgnoringCaseAndValueFoldsToOtherLengthThenMatches() {
		// 'ß' upper-cases to "SS": one character that equals two, ignoring case.
		Integration strasse = integration("strasse",
				trigger(LogicalOperator.AND, header(Operator.EQUALS, "strasse", false, true)));
		IntegrationConfig config = new IntegrationConfig(1, List.of(strasse));
		assertThat(config.firstMatch(headerValues("Straße"))).isSameAs(strasse);
		assertThat(config.firstMatch(headerValues("Strasse"))).isSameAs(strasse);
		assertThat(config.firstMatch(headerValues("Strase"))).isNull();
	}

	private static RequestValues headerValues(@Nullable String value) {
		String url = "https://shop.example.com/";
		TestRequest.Builder request = TestRequest.get(url);
		if (value != null) {
			request.header(HEADER, value);
		}
		return new RequestValues(request.build(), url);
	}

	private static TriggerPart header(Operator operator, String value, boolean negative, boolean ignoreCase) {
		return TriggerPart.of(ValidatorType.HTTP_HEADER, UrlPart.UNKNOWN, HEADER, operator, value, List.of(value),
				negative, ignoreCase);
	}

	/**
	 * The integration the spec's reading finds: every trigger of every integration in
	 * order, every part compiled and evaluated on its own, on fresh request values.
	 */
	private static @Nullable Integration reference(List<Integration> integrations, TestRequest request, String url) {
		for (Integration integration : integrations) {
			for (Trigger trigger : integration.triggers()) {
				boolean or = trigger.operator() == LogicalOperator.OR;
				boolean result = !or;
				for (TriggerPart part : trigger.parts()) {
					boolean matches = part.matches(new RequestValues(request, url));
					result = or ? (result || matches) : (result && matches);
				}
				if (result) {
					return integration;
				}
			}
		}
		return null;
	}

	private static TestRequest request(String url, String header, String userAgent, String cookie) {
		TestRequest.Builder builder = TestRequest.get(url);
		if (!header.isEmpty()) {
			builder.header(HEADER, header);
		}
		if (!userAgent.isEmpty()) {
			builder.header("User-Agent", userAgent);
		}
		if (!cookie.isEmpty()) {
			builder.cookie(COOKIE, cookie);
		}
		return builder.build();
	}

	private static RequestValues values(String url) {
		return new RequestValues(TestRequest.get(url).build(), url);
	}

	private static Integration integration(String name, Trigger... triggers) {
		return new Integration(name, ActionType.QUEUE, "event-" + name, "queue.example.com", null, false, false, 20,
				true, "", "", RedirectLogic.ALLOW_T_PARAMETER, "", List.of(triggers));
	}

	private static Trigger trigger(LogicalOperator operator, TriggerPart... parts) {
		return new Trigger(operator, List.of(parts));
	}

	private static TriggerPart part(UrlPart urlPart, Operator operator, String value, boolean negative,
			boolean ignoreCase) {
		return TriggerPart.of(ValidatorType.URL, urlPart, "", operator, value, List.of(value), negative, ignoreCase);
	}

	@Provide
	Arbitrary<List<Integration>> integrations() {
		Arbitrary<Trigger> trigger = Combinators.combine(Arbitraries.of(LogicalOperator.class), parts())
			.as(Trigger::new);
		return trigger.list().ofMaxSize(3).list().ofMaxSize(6).map((groups) -> {
			List<Integration> integrations = new ArrayList<>();
			for (int i = 0; i < groups.size(); i++) {
				integrations.add(integration("i" + i, groups.get(i).toArray(new Trigger[0])));
			}
			return integrations;
		});
	}

	private Arbitrary<List<TriggerPart>> parts() {
		Arbitrary<ValidatorType> validators = Arbitraries.frequency(Tuple.of(12, ValidatorType.URL),
				Tuple.of(2, ValidatorType.HTTP_HEADER), Tuple.of(1, ValidatorType.USER_AGENT),
				Tuple.of(1, ValidatorType.COOKIE), Tuple.of(1, ValidatorType.UNKNOWN));
		Arbitrary<UrlPart> urlParts = Arbitraries.frequency(Tuple.of(4, UrlPart.PAGE_URL),
				Tuple.of(4, UrlPart.PAGE_PATH), Tuple.of(3, UrlPart.HOST_NAME), Tuple.of(1, UrlPart.UNKNOWN));
		Arbitrary<Operator> operators = Arbitraries.frequency(Tuple.of(4, Operator.EQUALS),
				Tuple.of(6, Operator.CONTAINS), Tuple.of(2, Operator.EQUALS_ANY), Tuple.of(2, Operator.CONTAINS_ANY),
				Tuple.of(1, Operator.UNKNOWN));
		Arbitrary<TriggerPart> part = Combinators
			.combine(validators, urlParts, Arbitraries.of(HEADER, "User-Agent"), operators, literals(),
					literals().list().ofMaxSize(3), Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false)),
					Arbitraries.of(true, false))
			.as(TriggerPart::of);
		return Combinators.combine(part.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(COOKIE, HEADER))
			.as((parts, cookieName) -> parts.stream()
				.map((p) -> (p.validator() == ValidatorType.COOKIE) ? TriggerPart.of(p.validator(), p.urlPart(),
						cookieName, p.operator(), p.value(), p.values(), p.negative(), p.ignoreCase()) : p)
				.toList());
	}

	/**
	 * Literals that the generated URLs hold (in some letter case), hold only when folded,
	 * or do not hold; short ones without trigrams, and non-ASCII ones.
	 */
	private Arbitrary<String> literals() {
		return Arbitraries.oneOf(
				Arbitraries.of("", "*", "dr", "drop", "DROP", "/drop/", "/Drop/Sneaker-42", "sneaker-42", "Sale-3",
						"/sale-3/", "/checkout/7", "release-12", "shop.example.com", "Shop.Example.COM",
						"api.example.org", "example", "color=red", "?color=RED", "https://shop.example.com",
						"https://shop.example.com/drop", "/", "/drop", "ITEM", "item", "sale", "SALE", "STRASSE",
						"straße", "\u0131tem", "\u017fale", "bot", "Mozilla", "gold", "ss", "STRASSE-3"),
				Arbitraries.strings().withChars("abdoprsDOPR/-.?").ofMinLength(3).ofMaxLength(6));
	}

	@Provide
	Arbitrary<String> urls() {
		Arbitrary<String> schemes = Arbitraries.of("https://", "http://", "HTTPS://", "");
		Arbitrary<String> hosts = Arbitraries.of("shop.example.com", "Shop.Example.COM", "api.example.org:8443",
				"user@shop.example.com", "other.example.com", "");
		Arbitrary<String> segments = Arbitraries.of("drop", "DROP", "sneaker-42", "Sale-3", "sale-3", "checkout", "7",
				"release-12", "\u0131tem", "item", "\u017fale", "stra\u00dfe", "STRASSE", "gold", "b\u00e9");
		Arbitrary<String> paths = segments.list().ofMaxSize(3).map((list) -> {
			StringBuilder path = new StringBuilder();
			for (String segment : list) {
				path.append('/').append(segment);
			}
			return path.toString();
		});
		Arbitrary<String> queries = Arbitraries.of("", "?color=red", "?COLOR=Red&size=42", "#drop", "?q=/sale-3/");
		Arbitrary<String> built = Combinators.combine(schemes, hosts, paths, queries)
			.as((scheme, host, path, query) -> scheme + host + path + query);
		return Arbitraries.frequencyOf(Tuple.of(8, built),
				Tuple.of(1, Arbitraries.strings().withChars("abdoprsDOPR/-.?:").ofMaxLength(25)),
				Tuple.of(1, Arbitraries.strings().ofMaxLength(15)));
	}

	@Provide
	Arbitrary<String> headerValues() {
		return Arbitraries.of("", "drop", "DROP", "Mozilla/5.0 Bot", "gold", "ß", "*", "sale-3", "Straße-3");
	}

}
