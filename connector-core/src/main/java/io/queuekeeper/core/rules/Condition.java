package io.queuekeeper.core.rules;

import java.util.List;

import io.queuekeeper.core.internal.Strings;
import org.jspecify.annotations.Nullable;

/**
 * A trigger part compiled for evaluation: one small class per operator, with the request
 * value it reads, the letter case and the negation decided once, when the config is
 * compiled, so that evaluating a part is one virtual call and one comparison.
 */
abstract class Condition {

	private static final String WILDCARD = "*";

	private final int source;

	private final String name;

	private final boolean folded;

	/** Whether the compared value (or every compared value) is ASCII. */
	private boolean asciiCompared;

	/**
	 * Whether a request can only satisfy this part if its URL holds every trigram of
	 * {@link #gramsLow} and {@link #gramsHigh}: a part that is not negated and requires a
	 * URL part to equal or contain an ASCII literal of three characters or more. Set
	 * once, when the part is compiled, before the trigger that holds it is published.
	 */
	boolean hasGrams;

	long gramsLow;

	long gramsHigh;

	private Condition(int source, String name, boolean folded) {
		this.source = source;
		// Interned so that parts naming the same header find its memoised value by
		// identity; the lookup still compares names exactly when identity fails.
		this.name = name.intern();
		this.folded = folded;
	}

	/**
	 * Compiles a part. The semantics are those of spec 5.3 and 5.4: a missing value is
	 * {@code ""}; with {@code IsIgnoreCase} both sides are upper-cased with
	 * {@link java.util.Locale#ROOT}; {@code IsNegative} inverts the outcome, except that
	 * a {@code *} compared with a non-empty value matches whatever it says, and an
	 * unknown validator or operator never matches.
	 */
	static Condition compile(TriggerPart part) {
		int source = RequestValues.source(part.validator(), part.urlPart());
		if (source == RequestValues.NONE || part.operator() == Operator.UNKNOWN) {
			return Never.INSTANCE;
		}
		String name = part.name();
		boolean folded = part.ignoreCase();
		boolean negative = part.negative();
		String value = part.comparedValue();
		List<String> values = part.comparedValues();
		switch (part.operator()) {
			case EQUALS:
				return requiringLiteral(new Equals(source, name, folded, value, negative), value, negative);
			case CONTAINS:
				return WILDCARD.equals(value) ? new ContainsWildcard(source, name, folded, negative)
						: requiringLiteral(new Contains(source, name, folded, value, negative), value, negative);
			case EQUALS_ANY:
				return new EqualsAny(source, name, folded, values.toArray(new String[0]), negative);
			default:
				return new ContainsAny(source, name, folded, values.toArray(new String[0]), negative);
		}
	}

	/**
	 * Records, for a part that compares with one value, whether that value is ASCII and
	 * the trigrams a URL must hold when the part requires a URL part to equal or contain
	 * it.
	 */
	private static Condition requiringLiteral(Condition condition, String literal, boolean negative) {
		condition.asciiCompared = Strings.isAscii(literal);
		boolean url = condition.source == RequestValues.PAGE_URL || condition.source == RequestValues.PAGE_PATH
				|| condition.source == RequestValues.HOST_NAME;
		long[] grams = (url && !negative) ? UrlGrams.of(literal) : null;
		if (grams != null) {
			condition.hasGrams = true;
			condition.gramsLow = grams[0];
			condition.gramsHigh = grams[1];
		}
		return condition;
	}

	/**
	 * Whether the request satisfies the part.
	 */
	abstract boolean matches(RequestValues request);

	/**
	 * For a part with an {@link #exactLength()}, what {@link #matches} returns for a
	 * value of another length: its {@code IsNegative}. Not used for other parts.
	 */
	boolean negative() {
		return false;
	}

	/**
	 * The length a value must have to satisfy this part before {@code IsNegative}
	 * applies, for a part that compares a value {@link RequestValues} reads once per
	 * request with a literal exactly (an {@code Equals} that does not ignore case, on
	 * anything but a cookie); otherwise -1. A value of another length is decided without
	 * reading the literal.
	 */
	int exactLength() {
		return -1;
	}

	/**
	 * What the part reads, one of the sources of {@link RequestValues}.
	 */
	final int source() {
		return this.source;
	}

	/**
	 * The header or cookie name the part reads, interned; {@code ""} for other sources.
	 */
	final String name() {
		return this.name;
	}

	/**
	 * A rough rank of what evaluating this part costs, cheapest first, for ordering the
	 * parts of a trigger: a URL value is read once per request and folded at most once, a
	 * header is looked up in the request, a cookie is looked up on every evaluation and
	 * the body may have to be read.
	 */
	int cost() {
		switch (this.source) {
			case RequestValues.NONE:
			case RequestValues.EMPTY:
				return 0;
			case RequestValues.PAGE_PATH:
			case RequestValues.HOST_NAME:
			case RequestValues.PAGE_URL:
				return this.folded ? 2 : 1;
			case RequestValues.USER_AGENT:
			case RequestValues.HEADER:
				return 3;
			case RequestValues.COOKIE:
				return 4;
			default:
				return 5;
		}
	}

	/**
	 * Whether the part ignores case.
	 */
	final boolean isFolded() {
		return this.folded;
	}

	/**
	 * The request value this part compares, folded when it ignores case; never null.
	 */
	final String actual(RequestValues request) {
		return request.value(this.source, this.name, this.folded);
	}

	/**
	 * The request value as read, for a part that ignores case, when the compared value is
	 * ASCII and upper-casing the request value changes only its ASCII letters; otherwise
	 * {@code null}. Upper-casing ASCII text with the root locale maps a-z to A-Z and
	 * nothing else, so such a value compares with the (upper-cased) compared value letter
	 * by letter, ignoring ASCII case, without building its upper-cased copy. Beyond ASCII
	 * the copy is needed: {@code ı} becomes {@code I} and {@code ß} becomes {@code SS}.
	 */
	final @Nullable String caselessAscii(RequestValues request) {
		if (!this.folded || !this.asciiCompared) {
			return null;
		}
		String value = request.value(this.source, this.name, false);
		return request.foldsAsAscii(value) ? value : null;
	}

	/**
	 * Whether ASCII text contains an upper-cased ASCII needle in any letter case. Finds
	 * each candidate start with the JDK's vectorised search for the needle's first
	 * character in either case, remembering each search's result while it lies ahead, so
	 * that the text is scanned about twice whatever it holds.
	 */
	static boolean containsIgnoringCase(String text, String needle) {
		int length = needle.length();
		if (length == 0) {
			return true;
		}
		int last = text.length() - length;
		char upper = needle.charAt(0);
		char lower = (upper >= 'A' && upper <= 'Z') ? (char) (upper + ('a' - 'A')) : upper;
		int nextUpper = -1;
		int nextLower = (lower != upper) ? -1 : Integer.MAX_VALUE;
		int from = 0;
		while (from <= last) {
			if (nextUpper < from) {
				nextUpper = indexOrMax(text, upper, from);
			}
			if (nextLower < from) {
				nextLower = indexOrMax(text, lower, from);
			}
			int at = Math.min(nextUpper, nextLower);
			if (at > last) {
				return false;
			}
			if (text.regionMatches(true, at + 1, needle, 1, length - 1)) {
				return true;
			}
			from = at + 1;
		}
		return false;
	}

	private static int indexOrMax(String text, char c, int from) {
		int at = text.indexOf(c, from);
		return (at >= 0) ? at : Integer.MAX_VALUE;
	}

	private static final class Equals extends Condition {

		private final String expected;

		private final boolean negative;

		Equals(int source, String name, boolean folded, String expected, boolean negative) {
			super(source, name, folded);
			this.expected = expected;
			this.negative = negative;
		}

		@Override
		boolean matches(RequestValues request) {
			String ascii = caselessAscii(request);
			if (ascii != null) {
				return this.negative != (ascii.length() == this.expected.length()
						&& ascii.regionMatches(true, 0, this.expected, 0, this.expected.length()));
			}
			return this.negative != actual(request).equals(this.expected);
		}

		@Override
		boolean negative() {
			return this.negative;
		}

		@Override
		int exactLength() {
			// Cookies are read anew on each evaluation; every other value once a request.
			return (!isFolded() && source() != RequestValues.COOKIE) ? this.expected.length() : -1;
		}

	}

	private static final class Contains extends Condition {

		private final String needle;

		private final boolean negative;

		Contains(int source, String name, boolean folded, String needle, boolean negative) {
			super(source, name, folded);
			this.needle = needle;
			this.negative = negative;
		}

		@Override
		boolean matches(RequestValues request) {
			String ascii = caselessAscii(request);
			if (ascii != null) {
				return this.negative != containsIgnoringCase(ascii, this.needle);
			}
			return this.negative != actual(request).contains(this.needle);
		}

	}

	/**
	 * {@code Contains} with the value {@code *}: any non-empty value matches, even when
	 * negated; an empty one contains no {@code *}.
	 */
	private static final class ContainsWildcard extends Condition {

		private final boolean negative;

		ContainsWildcard(int source, String name, boolean folded, boolean negative) {
			super(source, name, folded);
			this.negative = negative;
		}

		@Override
		boolean matches(RequestValues request) {
			return !actual(request).isEmpty() || this.negative;
		}

	}

	private static final class EqualsAny extends Condition {

		private final String[] candidates;

		private final boolean negative;

		EqualsAny(int source, String name, boolean folded, String[] candidates, boolean negative) {
			super(source, name, folded);
			this.candidates = candidates;
			this.negative = negative;
		}

		@Override
		boolean matches(RequestValues request) {
			String actual = actual(request);
			for (String candidate : this.candidates) {
				if (actual.equals(candidate)) {
					return !this.negative;
				}
			}
			return this.negative;
		}

	}

	private static final class ContainsAny extends Condition {

		private final String[] candidates;

		private final boolean negative;

		ContainsAny(int source, String name, boolean folded, String[] candidates, boolean negative) {
			super(source, name, folded);
			this.candidates = candidates;
			this.negative = negative;
		}

		@Override
		boolean matches(RequestValues request) {
			String actual = actual(request);
			for (String candidate : this.candidates) {
				if (actual.contains(candidate) || (WILDCARD.equals(candidate) && !actual.isEmpty())) {
					return !this.negative;
				}
			}
			return this.negative;
		}

	}

	/**
	 * An unknown validator or operator: never matches, whatever {@code IsNegative} says.
	 */
	private static final class Never extends Condition {

		static final Never INSTANCE = new Never();

		private Never() {
			super(RequestValues.NONE, "", false);
		}

		@Override
		boolean matches(RequestValues request) {
			return false;
		}

	}

}
