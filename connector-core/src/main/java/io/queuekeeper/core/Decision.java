package io.queuekeeper.core;

import java.util.List;
import java.util.Objects;

import io.queuekeeper.core.http.CookieInstruction;
import io.queuekeeper.core.http.ResponseHeader;

/**
 * What the response to a request must do. An adapter applies the cookies and headers in
 * order and then, depending on the case, lets the request through, answers with a 302, or
 * answers an AJAX request with an empty 200.
 *
 * @since 0.1.0
 */
public sealed interface Decision permits Decision.Proceed, Decision.Redirect, Decision.AjaxRedirect {

	/**
	 * Returns the engine's result.
	 */
	ValidationResult result();

	/**
	 * Returns the cookies to set, in the order they must be written.
	 */
	List<CookieInstruction> cookies();

	/**
	 * Returns the headers the response must carry.
	 */
	List<ResponseHeader> headers();

	/**
	 * The request continues to the application.
	 *
	 * @param result the engine's result
	 * @param cookies the cookies to set on the application's response
	 * @param headers the headers to add to the application's response
	 */
	record Proceed(ValidationResult result, List<CookieInstruction> cookies,
			List<ResponseHeader> headers) implements Decision {

		public Proceed {
			Objects.requireNonNull(result, "result");
			cookies = List.copyOf(cookies);
			headers = List.copyOf(headers);
		}

	}

	/**
	 * The application is not called; the response is a {@code 302} to
	 * {@link #location()}. The headers include {@code Location} and the no-cache headers.
	 *
	 * @param result the engine's result
	 * @param location the redirect target, exactly as it must be sent
	 * @param cookies the cookies to set
	 * @param headers the headers to send
	 */
	record Redirect(ValidationResult result, String location, List<CookieInstruction> cookies,
			List<ResponseHeader> headers) implements Decision {

		/** The HTTP status of the response. */
		public static final int STATUS = 302;

		public Redirect {
			Objects.requireNonNull(result, "result");
			Objects.requireNonNull(location, "location");
			cookies = List.copyOf(cookies);
			headers = List.copyOf(headers);
		}

	}

	/**
	 * The application is not called; the response is an empty {@code 200} whose
	 * {@code x-queueit-redirect} header tells Queue-it's client script where to go.
	 *
	 * @param result the engine's result
	 * @param location the redirect target, decoded
	 * @param cookies the cookies to set
	 * @param headers the headers to send, including {@code x-queueit-redirect}
	 */
	record AjaxRedirect(ValidationResult result, String location, List<CookieInstruction> cookies,
			List<ResponseHeader> headers) implements Decision {

		/** The HTTP status of the response. */
		public static final int STATUS = 200;

		/** The response header that carries the encoded redirect target. */
		public static final String REDIRECT_HEADER = "x-queueit-redirect";

		public AjaxRedirect {
			Objects.requireNonNull(result, "result");
			Objects.requireNonNull(location, "location");
			cookies = List.copyOf(cookies);
			headers = List.copyOf(headers);
		}

	}

}
