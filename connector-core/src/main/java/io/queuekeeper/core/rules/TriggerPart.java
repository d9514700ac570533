package io.queuekeeper.core.rules;

import java.util.List;
import java.util.Objects;

import io.queuekeeper.core.internal.Strings;

/**
 * One compiled condition of a trigger. The comparison values are case-folded once, when
 * the config is compiled.
 *
 * @param validator what the part reads from the request
 * @param urlPart the URL part, for {@link ValidatorType#URL}
 * @param name the cookie or header name, for {@link ValidatorType#COOKIE} and
 * {@link ValidatorType#HTTP_HEADER}; otherwise {@code ""}
 * @param operator how the values compare
 * @param value {@code ValueToCompare}, never null
 * @param values {@code ValuesToCompare}, never null
 * @param negative whether the outcome is inverted ({@code IsNegative})
 * @param ignoreCase whether both sides are compared upper-cased ({@code IsIgnoreCase})
 * @since 0.1.0
 */
public record TriggerPart(ValidatorType validator, UrlPart urlPart, String name, Operator operator, String value,
		List<String> values, boolean negative, boolean ignoreCase, String comparedValue, List<String> comparedValues) {

	private static final String WILDCARD = "*";

	/**
	 * Canonical constructor; {@code comparedValue} and {@code comparedValues} are what
	 * the request value is compared with (folded when {@code ignoreCase}).
	 */
	public TriggerPart {
		Objects.requireNonNull(validator, "validator");
		Objects.requireNonNull(urlPart, "urlPart");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(operator, "operator");
		Objects.requireNonNull(value, "value");
		values = List.copyOf(values);
		comparedValues = List.copyOf(comparedValues);
	}

	/**
	 * Compiles a trigger part, folding the comparison values when it ignores case.
	 */
	public static TriggerPart of(ValidatorType validator, UrlPart urlPart, String name, Operator operator, String value,
			List<String> values, boolean negative, boolean ignoreCase) {
		String compared = ignoreCase ? Strings.fold(value) : value;
		List<String> comparedValues = ignoreCase ? values.stream().map(Strings::fold).toList() : values;
		return new TriggerPart(validator, urlPart, name, operator, value, values, negative, ignoreCase, compared,
				comparedValues);
	}

	/**
	 * Whether the request satisfies this part.
	 */
	public boolean matches(RequestValues request) {
		if (this.validator == ValidatorType.UNKNOWN || this.operator == Operator.UNKNOWN) {
			return false;
		}
		return compare(requestValue(request));
	}

	private String requestValue(RequestValues request) {
		switch (this.validator) {
			case URL:
				return request.url(this.urlPart, this.ignoreCase);
			case COOKIE:
				return foldIfNeeded(request.request().cookie(this.name));
			case USER_AGENT:
				return foldIfNeeded(request.header("User-Agent"));
			case HTTP_HEADER:
				return foldIfNeeded(request.header(this.name));
			case REQUEST_BODY:
				return foldIfNeeded(request.body());
			default:
				return "";
		}
	}

	private String foldIfNeeded(String value) {
		if (value == null) {
			return "";
		}
		return this.ignoreCase ? Strings.fold(value) : value;
	}

	/**
	 * Applies the operator to a request value that is already folded when the part
	 * ignores case.
	 */
	boolean compare(String actual) {
		switch (this.operator) {
			case EQUALS:
				return this.negative != actual.equals(this.comparedValue);
			case CONTAINS:
				if (WILDCARD.equals(this.comparedValue) && !actual.isEmpty()) {
					return true;
				}
				return this.negative != actual.contains(this.comparedValue);
			case EQUALS_ANY:
				for (int i = 0; i < this.comparedValues.size(); i++) {
					if (actual.equals(this.comparedValues.get(i))) {
						return !this.negative;
					}
				}
				return this.negative;
			case CONTAINS_ANY:
				for (int i = 0; i < this.comparedValues.size(); i++) {
					String candidate = this.comparedValues.get(i);
					if (actual.contains(candidate) || (WILDCARD.equals(candidate) && !actual.isEmpty())) {
						return !this.negative;
					}
				}
				return this.negative;
			default:
				return false;
		}
	}

}
