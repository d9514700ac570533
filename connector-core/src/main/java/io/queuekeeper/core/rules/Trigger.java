package io.queuekeeper.core.rules;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A compiled trigger: parts combined with AND or OR. Immutable; its parts are compiled
 * into conditions once, when it is created.
 *
 * @since 0.1.0
 */
public final class Trigger {

	private final LogicalOperator operator;

	private final List<TriggerPart> parts;

	private final Condition[] conditions;

	/*
	 * For AND: the trigrams that every part requiring a URL literal needs together, so
	 * that a URL lacking one of them fails the trigger without evaluating a part.
	 */
	private final boolean hasGrams;

	private final long gramsLow;

	private final long gramsHigh;

	/**
	 * Creates a trigger.
	 * @param operator how the parts combine
	 * @param parts the parts, in config order
	 */
	public Trigger(LogicalOperator operator, List<TriggerPart> parts) {
		this.operator = Objects.requireNonNull(operator, "operator");
		this.parts = List.copyOf(parts);
		Condition[] conditions = new Condition[this.parts.size()];
		for (int i = 0; i < conditions.length; i++) {
			conditions[i] = Condition.compile(this.parts.get(i));
		}
		// Parts only read the request, so AND and OR give the same outcome in any order:
		// the cheap ones go first, in config order among equals, and the others are
		// often never evaluated (the body is read last, and so only when needed).
		Arrays.sort(conditions, Comparator.comparingInt(Condition::cost));
		this.conditions = conditions;
		boolean hasGrams = false;
		long low = 0;
		long high = 0;
		for (Condition condition : conditions) {
			if (condition.hasGrams) {
				hasGrams = true;
				low |= condition.gramsLow;
				high |= condition.gramsHigh;
			}
		}
		this.hasGrams = hasGrams && operator != LogicalOperator.OR;
		this.gramsLow = low;
		this.gramsHigh = high;
	}

	/**
	 * Returns how the parts combine.
	 */
	public LogicalOperator operator() {
		return this.operator;
	}

	/**
	 * Returns the parts, in config order.
	 */
	public List<TriggerPart> parts() {
		return this.parts;
	}

	/**
	 * Whether the request satisfies the trigger. Parts are evaluated cheapest first (URL
	 * values, then headers, cookies and the body) and the evaluation stops as soon as the
	 * outcome is known. A part that needs a URL literal the URL's trigrams rule out is
	 * false without a search.
	 */
	public boolean matches(RequestValues request) {
		if (this.hasGrams && !request.urlMayContain(this.gramsLow, this.gramsHigh)) {
			return false;
		}
		Condition[] conditions = this.conditions;
		if (this.operator == LogicalOperator.OR) {
			for (Condition condition : conditions) {
				if (condition.hasGrams && !request.urlMayContain(condition.gramsLow, condition.gramsHigh)) {
					continue;
				}
				if (condition.matches(request)) {
					return true;
				}
			}
			return false;
		}
		for (Condition condition : conditions) {
			if (!condition.matches(request)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The parts, compiled, in the order {@link #matches} evaluates them. Not to be
	 * modified.
	 */
	Condition[] conditions() {
		return this.conditions;
	}

	/**
	 * Whether the trigger can only match a URL that holds the trigrams of
	 * {@link #gramsLow} and {@link #gramsHigh}.
	 */
	boolean hasGrams() {
		return this.hasGrams;
	}

	long gramsLow() {
		return this.gramsLow;
	}

	long gramsHigh() {
		return this.gramsHigh;
	}

	/**
	 * Whether any part reads the request body.
	 */
	public boolean readsBody() {
		return this.parts.stream().anyMatch((part) -> part.validator() == ValidatorType.REQUEST_BODY);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof Trigger trigger && this.operator == trigger.operator
				&& this.parts.equals(trigger.parts));
	}

	@Override
	public int hashCode() {
		return 31 * this.operator.hashCode() + this.parts.hashCode();
	}

	@Override
	public String toString() {
		return "Trigger[operator=" + this.operator + ", parts=" + this.parts + "]";
	}

}
