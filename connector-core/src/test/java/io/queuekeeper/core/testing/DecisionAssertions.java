package io.queuekeeper.core.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.http.ResponseHeader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Assertions every {@link Decision} must satisfy, whatever the request was.
 */
public final class DecisionAssertions {

	/** The three headers that keep a redirect out of every cache (§4.6). */
	public static final List<ResponseHeader> NO_CACHE_HEADERS = List.of(
			new ResponseHeader("Cache-Control", "no-cache, no-store, must-revalidate, max-age=0"),
			new ResponseHeader("Pragma", "no-cache"), new ResponseHeader("Expires", "Fri, 01 Jan 1990 00:00:00 GMT"));

	private DecisionAssertions() {
	}

	/**
	 * Asserts the decision is complete and that its headers fit its kind: a redirect
	 * carries {@code Location} and the no-cache headers, an AJAX redirect the encoded
	 * {@code x-queueit-redirect} and the no-cache headers, and letting the request
	 * through carries no {@code Location}.
	 */
	public static void assertWellFormed(Decision decision) {
		assertThat(decision).isNotNull();
		assertThat(decision.result()).isNotNull();
		assertThat(decision.cookies()).isNotNull().doesNotContainNull();
		assertThat(decision.headers()).isNotNull().doesNotContainNull();
		if (decision instanceof Decision.Redirect redirect) {
			assertRedirectHeaders(redirect);
		}
		else if (decision instanceof Decision.AjaxRedirect ajax) {
			assertThat(ajax.result().ajax()).isTrue();
			assertThat(ajax.headers()).extracting(ResponseHeader::name, ResponseHeader::value)
				.contains(tuple(Decision.AjaxRedirect.REDIRECT_HEADER,
						URLEncoder.encode(ajax.location(), StandardCharsets.UTF_8)));
			assertThat(ajax.headers()).containsAll(NO_CACHE_HEADERS);
			assertThat(ajax.headers()).extracting(ResponseHeader::name).doesNotContain("Location");
		}
		else {
			assertThat(decision).isInstanceOf(Decision.Proceed.class);
			assertThat(decision.headers()).extracting(ResponseHeader::name).doesNotContain("Location");
		}
	}

	/**
	 * Asserts a redirect carries exactly one {@code Location}, equal to its location, and
	 * the three no-cache headers.
	 */
	public static void assertRedirectHeaders(Decision.Redirect redirect) {
		assertThat(redirect.location()).isNotNull();
		assertThat(redirect.headers()).filteredOn((header) -> header.name().equals("Location"))
			.extracting(ResponseHeader::value)
			.containsExactly(redirect.location());
		assertThat(redirect.headers()).containsAll(NO_CACHE_HEADERS);
	}

}
