package io.queuekeeper.core.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code queueittoken}s (spec 1.2): {@code key_value} pairs joined by {@code ~},
 * followed by {@code ~h_} and the HMAC of everything before it. The signature is computed
 * by {@link Encoding#hmacHex}, independently of the engine.
 */
public final class TokenMaker {

	private final List<String> pairs = new ArrayList<>();

	private String secret = Vectors.SECRET;

	private TokenMaker() {
	}

	/**
	 * Starts an empty token.
	 */
	public static TokenMaker token() {
		return new TokenMaker();
	}

	/**
	 * Starts a token with the fields the waiting room emits in practice:
	 * {@code e, q, ts, ce=true, rt}.
	 */
	public static TokenMaker queueToken(String eventId, long timestamp, String redirectType) {
		return token().with("e", eventId)
			.with("q", Vectors.QID)
			.with("ts", Long.toString(timestamp))
			.with("ce", "true")
			.with("rt", redirectType);
	}

	/**
	 * Appends a pair.
	 */
	public TokenMaker with(String key, String value) {
		this.pairs.add(key + "_" + value);
		return this;
	}

	/**
	 * Signs with another secret.
	 */
	public TokenMaker secret(String secret) {
		this.secret = secret;
		return this;
	}

	/**
	 * Returns the part the hash signs.
	 */
	public String unsigned() {
		return String.join("~", this.pairs);
	}

	/**
	 * Returns the signed token.
	 */
	public String signed() {
		String unsigned = unsigned();
		return unsigned + "~h_" + Encoding.hmacHex(this.secret, unsigned);
	}

}
