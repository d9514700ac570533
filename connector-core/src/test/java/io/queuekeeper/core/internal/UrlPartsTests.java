package io.queuekeeper.core.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlPartsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = {
					"https://shop.example.com/p?a=1&queueittoken=e_x~q_y~h_z&b=2 | https://shop.example.com/p?a=1&b=2",
					"https://shop.example.com/p?queueittoken=e_x~q_y~h_z&b=2     | https://shop.example.com/p?b=2",
					"https://shop.example.com/p?queueittoken=e_x~q_y~h_z         | https://shop.example.com/p" })
	void withoutTokenWhenTv17UrlsThenTokenRemovedAndRestKept(String url, String expected) {
		assertThat(UrlParts.withoutToken(url)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "QueueItToken", "QUEUEITTOKEN", "queueITtoken" })
	void withoutTokenWhenNameInAnyCaseThenRemoved(String name) {
		assertThat(UrlParts.withoutToken("https://s.example.com/p?a=1&" + name + "=X&b=2"))
			.isEqualTo("https://s.example.com/p?a=1&b=2");
	}

	@Test
	void withoutTokenWhenTokenAppearsTwiceOrWithoutValueThenAllRemoved() {
		assertThat(UrlParts.withoutToken("https://s.example.com/p?queueittoken=A&x=%20&QueueItToken=B&queueittoken"))
			.isEqualTo("https://s.example.com/p?x=%20");
	}

	@Test
	void withoutTokenWhenOnlySimilarNamesThenUnchanged() {
		String url = "https://s.example.com/p?queueittokens=1&xqueueittoken=2&q=queueittoken";
		assertThat(UrlParts.withoutToken(url)).isEqualTo(url);
		assertThat(UrlParts.withoutToken("https://s.example.com/queueittoken"))
			.isEqualTo("https://s.example.com/queueittoken");
	}

	@Test
	void withoutTokenWhenOtherParametersEncodedThenKeptByteForByte() {
		assertThat(UrlParts.withoutToken("https://s.example.com/p?b=%2F%7e+x&queueittoken=T&a=c~d"))
			.isEqualTo("https://s.example.com/p?b=%2F%7e+x&a=c~d");
	}

	@Test
	void rawTokenWhenExactNameThenRawValueWithoutDecoding() {
		assertThat(UrlParts.rawToken("https://s.example.com/p?a=1&queueittoken=e_x%7Eh_y&b=2")).isEqualTo("e_x%7Eh_y");
	}

	@Test
	void rawTokenWhenNameInOtherCaseThenNoToken() {
		assertThat(UrlParts.rawToken("https://s.example.com/p?QueueItToken=e_x~h_y")).isEmpty();
		assertThat(UrlParts.rawToken("https://s.example.com/p?QUEUEITTOKEN=e_x~h_y")).isEmpty();
	}

	@Test
	void rawTokenWhenSeveralThenFirstWins() {
		assertThat(UrlParts.rawToken("https://s.example.com/p?queueittoken=first&queueittoken=second"))
			.isEqualTo("first");
	}

	@Test
	void rawTokenWhenMissingOrWithoutQueryThenEmpty() {
		assertThat(UrlParts.rawToken("https://s.example.com/p")).isEmpty();
		assertThat(UrlParts.rawToken("https://s.example.com/p?a=1")).isEmpty();
		assertThat(UrlParts.rawToken("https://s.example.com/p?queueittoken")).isEmpty();
		assertThat(UrlParts.rawToken("https://s.example.com/p?xqueueittoken=1")).isEmpty();
	}

	@Test
	void queryMentionsTokenWhenTokenTextInQueryThenTrue() {
		assertThat(UrlParts.queryMentionsToken("https://s.example.com/p?queueittoken=x")).isTrue();
		assertThat(UrlParts.queryMentionsToken("https://s.example.com/queueittoken")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "https://shop.example.com/products/42?color=red | /products/42 | shop.example.com",
					"https://shop.example.com:8443/a/b#frag         | /a/b         | shop.example.com",
					"http://user:pw@Shop.Example.com:80/x?y=1       | /x           | Shop.Example.com",
					"https://shop.example.com                       | ''           | shop.example.com",
					"https://shop.example.com?x=/y                  | ''           | shop.example.com",
					"/relative/path                                 | ''           | ''",
					"not a url                                      | ''           | ''" })
	void pathAndHostWhenUrlThenJavaUrlSemantics(String url, String path, String host) {
		assertThat(UrlParts.path(url)).isEqualTo(path);
		assertThat(UrlParts.host(url)).isEqualTo(host);
	}

	@Test
	void isHttpUrlWhenAbsoluteHttpOrHttpsThenTrue() {
		assertThat(UrlParts.isHttpUrl("https://shop.example.com/p")).isTrue();
		assertThat(UrlParts.isHttpUrl("HTTP://shop.example.com")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "/products/42", "shop.example.com/p", "javascript:alert(1)", "ftp://shop.example.com/",
			"https://", "https:///path" })
	void isHttpUrlWhenNotAnAbsoluteHttpUrlThenFalse(String value) {
		assertThat(UrlParts.isHttpUrl(value)).isFalse();
	}

}
