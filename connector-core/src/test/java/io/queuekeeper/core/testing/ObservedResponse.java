package io.queuekeeper.core.testing;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What an HTTP layer produced for a conformance case.
 *
 * @param status the status code
 * @param headers looks up the first value of a header, ignoring case
 * @param cookies the cookies set, in order, without the diagnostics cookie
 */
public record ObservedResponse(int status, Function<String, @Nullable String> headers, List<ObservedCookie> cookies) {

	public @Nullable String header(String name) {
		return this.headers.apply(name);
	}

}
