package io.queuekeeper.core.internal;

import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class StringsPropertyTests {

	@Property(tries = 3000)
	void foldWhenAnyTextThenSameAsRootUpperCase(@ForAll("texts") String text) {
		assertThat(Strings.fold(text)).isEqualTo(text.toUpperCase(Locale.ROOT));
	}

	@Property(tries = 1000)
	void foldWhenArbitraryUnicodeThenSameAsRootUpperCase(@ForAll String text) {
		assertThat(Strings.fold(text)).isEqualTo(text.toUpperCase(Locale.ROOT));
	}

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.strings()
			.withChars("aZz09 ~?\u007fßıİſé\ud83d\ude00\ud800\udc00".toCharArray())
			.ofMaxLength(20);
	}

}
