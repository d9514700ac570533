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
	 * Whether the request satisfies this part. Triggers compile their parts once; this
	 * compiles the part on every call.
	 */
	public boolean matches(RequestValues request) {
		return Condition.compile(this).matches(request);
	}

}
