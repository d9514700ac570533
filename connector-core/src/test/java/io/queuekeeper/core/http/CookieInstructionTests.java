package io.queuekeeper.core.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendering of {@code Set-Cookie} (spec 3.3).
 */
class CookieInstructionTests {

	private static final CookieInstruction STORE = new CookieInstruction("QueueITAccepted-SDFrts345E-V3_e", "v%3D1",
			Duration.ofDays(1), null, "/", false, false);

	@Test
	void toSetCookieHeaderWhenDefaultsThenMaxAgeAndPathOnly() {
		assertThat(STORE.toSetCookieHeader(null))
			.isEqualTo("QueueITAccepted-SDFrts345E-V3_e=v%3D1; Max-Age=86400; Path=/");
	}

	@Test
	void toSetCookieHeaderWhenDomainAndFlagsThenAllAttributes() {
		CookieInstruction cookie = new CookieInstruction("n", "v", Duration.ofDays(1), ".shop.example.com", "/", true,
				true);
		assertThat(cookie.toSetCookieHeader(null))
			.isEqualTo("n=v; Max-Age=86400; Domain=.shop.example.com; Path=/; Secure; HttpOnly");
	}

	@Test
	void toSetCookieHeaderWhenDeletionThenEmptyValueMaxAgeZeroAndPastExpiry() {
		CookieInstruction cookie = new CookieInstruction("n", "", Duration.ZERO, null, "/", false, false);
		assertThat(cookie.isDeletion()).isTrue();
		assertThat(cookie.toSetCookieHeader(null))
			.isEqualTo("n=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/");
	}

	@Test
	void toSetCookieHeaderWhenSessionCookieThenNoMaxAge() {
		CookieInstruction cookie = new CookieInstruction("queueitdebug", "a", null, null, "/", false, false);
		assertThat(cookie.isDeletion()).isFalse();
		assertThat(cookie.toSetCookieHeader(null)).isEqualTo("queueitdebug=a; Path=/");
	}

	@Test
	void toSetCookieHeaderWhenSameSiteRequestedThenNormalisedAttribute() {
		assertThat(STORE.toSetCookieHeader("lax")).endsWith("; Path=/; SameSite=Lax");
		assertThat(STORE.toSetCookieHeader("STRICT")).endsWith("; SameSite=Strict");
		assertThat(STORE.toSetCookieHeader(" ")).doesNotContain("SameSite");
	}

	@Test
	void toSetCookieHeaderWhenSameSiteInAnyCaseThenFirstLetterUpperOthersLowerWithRootLocale() {
		CookieInstruction secure = new CookieInstruction("n", "v", Duration.ofDays(1), null, "/", false, true);
		assertThat(secure.toSetCookieHeader("nOnE")).isEqualTo("n=v; Max-Age=86400; Path=/; Secure; SameSite=None");
		assertThat(secure.toSetCookieHeader("sTRICT")).endsWith("; SameSite=Strict");
		assertThat(secure.toSetCookieHeader("cUSTOM")).endsWith("; SameSite=Custom");
		// Not ASCII: case mapping keeps the dotless i, which ignoring case would not.
		assertThat(secure.toSetCookieHeader("STR\u0131CT")).endsWith("; SameSite=Str\u0131ct");
	}

	@Test
	void toSetCookieHeaderWhenSameSiteNoneWithoutSecureThenNeverSameSiteNoneAlone() {
		String header = STORE.toSetCookieHeader("None");
		assertThat(!header.contains("SameSite=None") || header.contains("; Secure")).isTrue();
	}

}
