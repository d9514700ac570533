package io.queuekeeper.core.internal;

import java.util.ArrayList;
import java.util.List;

import io.queuekeeper.core.testing.TokenStripping;
import io.queuekeeper.core.testing.WireArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token stripping (§2): {@link UrlParts#withoutToken(String)} removes every
 * {@code queueittoken} parameter, in any ASCII letter case, and keeps everything else
 * byte for byte and in order.
 */
class UrlPartsPropertyTests {

	private static final String TOKEN = TokenStripping.TOKEN;

	@Property(tries = 2000)
	void withoutTokenWhenQueryHasAnyParametersThenDropsOnlyTokenParametersInOrder(@ForAll("prefixes") String prefix,
			@ForAll("parameters") List<String> generated) {
		// "p?" has one empty parameter, so no parameters and one empty one are the same
		// URL
		List<String> parameters = generated.isEmpty() ? List.of("") : generated;
		String url = prefix + "?" + String.join("&", parameters);
		String stripped = UrlParts.withoutToken(url);
		List<String> kept = parameters.stream()
			.filter((parameter) -> !TokenStripping.isTokenParameter(parameter))
			.toList();
		Statistics.label("token parameters")
			.collect((parameters.size() - kept.size() == 0) ? "none"
					: (parameters.size() - kept.size() == 1) ? "one" : "several");
		assertThat(stripped).isEqualTo(kept.isEmpty() ? prefix : prefix + "?" + String.join("&", kept));
		assertThat(TokenStripping.queryParameters(stripped)).noneMatch(TokenStripping::isTokenParameter)
			.isEqualTo(kept);
		Statistics.label("token parameters").coverage((coverage) -> {
			coverage.check("none").count((Integer count) -> count > 0);
			coverage.check("one").count((Integer count) -> count > 0);
			coverage.check("several").count((Integer count) -> count > 0);
		});
	}

	@Property(tries = 2000)
	void withoutTokenWhenUrlIsArbitraryThenMatchesTheNormativeAlgorithm(@ForAll("urls") String url) {
		String stripped = UrlParts.withoutToken(url);
		assertThat(stripped).isEqualTo(TokenStripping.strip(url));
		assertThat(TokenStripping.queryParameters(stripped)).noneMatch(TokenStripping::isTokenParameter);
		assertThat(UrlParts.withoutToken(stripped)).isEqualTo(stripped);
	}

	@Property(tries = 2000)
	void rawTokenWhenUrlIsArbitraryThenReturnsTheFirstExactTokenValue(@ForAll("urls") String url) {
		String raw = UrlParts.rawToken(url);
		assertThat(raw).doesNotContain("&").isEqualTo(TokenStripping.firstExactTokenValue(url));
		Statistics.label("token").collect(raw.isEmpty() ? "absent" : "present");
		Statistics.label("token")
			.coverage((coverage) -> coverage.check("present").percentage((Double percent) -> percent > 3));
	}

	@Provide
	Arbitrary<String> prefixes() {
		return Arbitraries.oneOf(
				Arbitraries.of("https://shop.example.com/p", "https://shop.example.com", "", "/relative"),
				WireArbitraries.wireText().map((text) -> text.replace("?", "")));
	}

	@Provide
	Arbitrary<List<String>> parameters() {
		Arbitrary<String> tokenParameter = Combinators
			.combine(WireArbitraries.tokenNameVariants().filter(TokenStripping::isTokenName),
					WireArbitraries.tokenShaped().map((value) -> value.replace("&", "")), Arbitraries.of(true, false))
			.as((name, value, withValue) -> withValue ? name + "=" + value : name);
		return Arbitraries.oneOf(WireArbitraries.queryParameters(),
				Combinators.combine(WireArbitraries.queryParameters(), tokenParameter.list().ofMinSize(1).ofMaxSize(3))
					.as((others, tokens) -> interleave(others, tokens)));
	}

	@Provide
	Arbitrary<String> urls() {
		return WireArbitraries.requestUrls();
	}

	private static List<String> interleave(List<String> others, List<String> tokens) {
		List<String> all = new ArrayList<>(others);
		for (int i = 0; i < tokens.size(); i++) {
			int at = (all.isEmpty()) ? 0 : Math.floorMod(tokens.get(i).hashCode() + i, all.size() + 1);
			all.add(at, tokens.get(i));
		}
		return all;
	}

}
