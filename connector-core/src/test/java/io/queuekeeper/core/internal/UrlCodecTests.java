package io.queuekeeper.core.internal;

import io.queuekeeper.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlCodecTests {

	@Test
	void queryEncodeWhenTv18InputThenJavaConnectorBytes() {
		assertThat(UrlCodec.queryEncode(Vectors.TV18_INPUT)).isEqualTo(Vectors.TV18_JAVA);
	}

	@Test
	void formEncodeWhenTv18InputThenUrlEncoderBytes() {
		assertThat(UrlCodec.formEncode(Vectors.TV18_INPUT)).isEqualTo(Vectors.TV18_URLENCODER);
	}

	@Test
	void queryEncodeWhenOnlyUnreservedCharactersThenUnchanged() {
		assertThat(UrlCodec.queryEncode("AZaz09.-_")).isEqualTo("AZaz09.-_");
	}

	@Test
	void queryEncodeWhenNonAsciiThenUpperCasePercentEncodedUtf8() {
		assertThat(UrlCodec.queryEncode("é€")).isEqualTo("%C3%A9%E2%82%AC");
	}

	@Test
	void queryEncodeWhenTv09TargetThenTildeIsEncoded() {
		assertThat(UrlCodec.queryEncode(Vectors.TV09_TARGET))
			.isEqualTo("https%3A%2F%2Fshop.example.com%2Fproducts%3Fid%3D42%26color%3Dred%7Eblue");
	}

	@Test
	void unreservedEncodeWhenGenuineTokenThenByteIdentical() {
		assertThat(UrlCodec.unreservedEncode(Vectors.TV03)).isSameAs(Vectors.TV03);
		assertThat(UrlCodec.unreservedEncode(Vectors.TV04)).isEqualTo(Vectors.TV04);
	}

	@Test
	void unreservedEncodeWhenReservedCharactersThenPercentEncodedAndTildeKept() {
		assertThat(UrlCodec.unreservedEncode("e_x~h_y&t=https://evil")).isEqualTo("e_x~h_y%26t%3Dhttps%3A%2F%2Fevil");
		assertThat(UrlCodec.unreservedEncode("a b+c#d%e")).isEqualTo("a%20b%2Bc%23d%25e");
	}

	@Test
	void formDecodeStrictWhenWellFormedThenDecodesWithPlusAsSpace() {
		assertThat(UrlCodec.formDecodeStrict(Vectors.TV14)).isEqualTo(Vectors.TV12);
		assertThat(UrlCodec.formDecodeStrict("a+b%20c%C3%A9")).isEqualTo("a b cé");
	}

	@ParameterizedTest
	@ValueSource(strings = { "%", "%4", "%ZZ", "abc%G1", "EventId%3Dx%2" })
	void formDecodeStrictWhenMalformedPercentSequenceThenNull(String value) {
		assertThat(UrlCodec.formDecodeStrict(value)).isNull();
	}

	@Test
	void formDecodeLenientWhenMalformedPercentSequenceThenKeptLiterally() {
		assertThat(UrlCodec.formDecodeLenient("https%3A%2F%2Fshop.example.com%2Fp%ZZ"))
			.isEqualTo("https://shop.example.com/p%ZZ");
		assertThat(UrlCodec.formDecodeLenient("a%")).isEqualTo("a%");
		assertThat(UrlCodec.formDecodeLenient("a+b")).isEqualTo("a b");
	}

	@Test
	void percentDecodeLenientWhenPlusThenKeptAsPlus() {
		assertThat(UrlCodec.percentDecodeLenient("e_a+b%7Eq_c")).isEqualTo("e_a+b~q_c");
		assertThat(UrlCodec.percentDecodeLenient("e_%ZZ")).isEqualTo("e_%ZZ");
	}

}
