package io.queuekeeper.core.rules;

import java.util.List;

import io.queuekeeper.core.testing.TestRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compiled trigger, which evaluates its parts cheapest first, decides as the plain
 * reading of spec 5.5 (every part in config order, each evaluated on its own, combined
 * with AND or OR) on random triggers and requests, whether the URL's trigrams can rule
 * parts out or not, and reads the request body no more often than that reading does.
 */
class TriggerEvaluationPropertyTests {

	private static final String URL = "https://Shop.Example.com/Drop/Sneaker-42?color=Red&ſ=ß";

	private static final String ASCII_URL = "https://Shop.Example.com/Drop/Sneaker-42?color=Red";

	@Property(tries = 5000)
	void matchesWhenRandomTriggerAndRequestThenAgreesWithPartsInConfigOrder(@ForAll LogicalOperator operator,
			@ForAll("parts") List<TriggerPart> parts, @ForAll("requests") TestRequest.Builder builder,
			@ForAll("urls") String url) {
		Trigger trigger = new Trigger(operator, parts);
		TestRequest request = builder.build();
		RequestValues values = new RequestValues(request, url);
		boolean matched = trigger.matches(values);
		int optimisedBodyReads = request.bodyReads();

		TestRequest referenceRequest = builder.build();
		boolean expected = operator != LogicalOperator.OR;
		int referenceBodyReads = 0;
		for (TriggerPart part : parts) {
			boolean partMatches = part.matches(new RequestValues(referenceRequest, url));
			if (part.validator() == ValidatorType.REQUEST_BODY) {
				referenceBodyReads++;
			}
			if (operator == LogicalOperator.OR && partMatches) {
				expected = true;
				break;
			}
			if (operator != LogicalOperator.OR && !partMatches) {
				expected = false;
				break;
			}
		}
		assertThat(matched).isEqualTo(expected);
		assertThat(trigger.matches(values)).isEqualTo(expected);
		assertThat(optimisedBodyReads).isLessThanOrEqualTo(Math.min(referenceBodyReads, 1));
		assertThat(trigger.parts()).isEqualTo(parts);
	}

	@Provide
	Arbitrary<List<TriggerPart>> parts() {
		Arbitrary<String> texts = Arbitraries.of("", "*", "drop", "DROP", "/drop/", "sneaker", "Red", "bot", "ß", "SS",
				"shop.example.com", "/Drop/Sneaker-42", "gold", "1", URL, ASCII_URL, "SNEAKER-42?COLOR", "Example.Com",
				"/drop/sneaker-42", "42?color=red", "https://shop.example.com", "ple.com/dr", "ıd");
		Arbitrary<TriggerPart> part = Combinators
			.combine(Arbitraries.of(ValidatorType.class), Arbitraries.of(UrlPart.class),
					Arbitraries.of("x-test", "segment", "User-Agent"), Arbitraries.of(Operator.class), texts,
					texts.list().ofMaxSize(3), Arbitraries.of(true, false), Arbitraries.of(true, false))
			.as(TriggerPart::of);
		return part.list().ofMinSize(1).ofMaxSize(6);
	}

	/**
	 * URLs beyond ASCII, whose trigrams cannot rule out anything, and ASCII ones, whose
	 * trigrams rule out most literals.
	 */
	@Provide
	Arbitrary<String> urls() {
		return Arbitraries.of(URL, ASCII_URL, "https://shop.example.com/DROP/sneaker-42?color=red",
				"http://localhost:8080/drop", "https://shop.example.com/", "");
	}

	@Provide
	Arbitrary<TestRequest.Builder> requests() {
		Arbitrary<String> values = Arbitraries.of("", "drop", "Mozilla/5.0 Bot", "GOLD", "ß", "1", "*");
		return Combinators.combine(values, values, values, values).as((agent, header, cookie, body) -> {
			TestRequest.Builder builder = TestRequest.request("POST", URL).body(body);
			if (!agent.isEmpty()) {
				builder.header("User-Agent", agent);
			}
			if (!header.isEmpty()) {
				builder.header("x-test", header);
			}
			if (!cookie.isEmpty()) {
				builder.cookie("segment", cookie);
			}
			return builder;
		});
	}

}
