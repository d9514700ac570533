package io.queuekeeper.core.rules;

import java.util.List;

/**
 * The triggers of a whole config, in priority order, laid out for finding the first group
 * (integration) with a matching trigger. Immutable.
 *
 * <p>
 * Most requests match no trigger, or only after every earlier one has been ruled out, so
 * the table is laid out for ruling triggers out. What that takes is in arrays of the
 * table rather than in the trigger and part objects, which lie all over the heap: by the
 * time the next request comes, the application's own work has pushed them out of the
 * processor's caches, and reading each would cost a cache miss. From the arrays alone:
 * <ul>
 * <li>a trigger or a part that can only match a URL holding certain trigrams (see
 * {@link UrlGrams}) is ruled out by the URL's trigrams, with two comparisons;</li>
 * <li>a part that compares a value exactly with a literal ({@code Equals} that does not
 * ignore case, on anything but a cookie) is decided by the value's length when it differs
 * from the literal's.</li>
 * </ul>
 * Only the other parts are evaluated by their {@link Condition}.
 *
 * @since 0.1.0
 */
public final class TriggerTable {

	/* Bits of a trigger's first int. */

	private static final int GATED = 1;

	private static final int OR = 2;

	private static final int GROUP_SHIFT = 2;

	/* Bits of a part's int; GATED as for a trigger. */

	private static final int NEGATIVE = 2;

	private static final int SOURCE_SHIFT = 2;

	private static final int SOURCE_MASK = 0x3F;

	private static final int LENGTH_SHIFT = 8;

	/** Lengths from here on do not fit in a part's int, and are left to the part. */
	private static final int TOO_LONG = (1 << (Integer.SIZE - 1 - LENGTH_SHIFT)) - 1;

	/**
	 * Three ints for each trigger: its group, whether it is an OR and whether it is gated
	 * ({@link Trigger#hasGrams()}); where its parts start; where they end.
	 */
	private final int[] triggers;

	/** Two longs for each trigger: the trigrams a gated trigger needs. */
	private final long[] triggerGrams;

	/*
	 * The parts of every trigger, each trigger's in the order Trigger evaluates them.
	 */

	/**
	 * An int for each part: whether it is gated (a part of an OR trigger that needs
	 * trigrams), whether it is negated, its source and its
	 * {@link Condition#exactLength()}, each of the last two plus one so that -1 is zero.
	 */
	private final int[] parts;

	/** Two longs for each part: the trigrams a gated part needs. */
	private final long[] partGrams;

	private final Condition[] conditions;

	private final String[] names;

	/** Whether any trigger or part is gated, so that the URL's trigrams are needed. */
	private final boolean anyGated;

	/**
	 * Creates the table.
	 * @param groups the triggers of each group, groups in priority order
	 */
	public TriggerTable(List<List<Trigger>> groups) {
		int triggerCount = 0;
		int partCount = 0;
		for (List<Trigger> group : groups) {
			triggerCount += group.size();
			for (Trigger trigger : group) {
				partCount += trigger.conditions().length;
			}
		}
		this.triggers = new int[3 * triggerCount];
		this.triggerGrams = new long[2 * triggerCount];
		this.parts = new int[partCount];
		this.partGrams = new long[2 * partCount];
		this.conditions = new Condition[partCount];
		this.names = new String[partCount];
		int index = 0;
		int part = 0;
		boolean anyGated = false;
		for (int group = 0; group < groups.size(); group++) {
			for (Trigger trigger : groups.get(group)) {
				int start = part;
				// The trigrams of an AND trigger's parts are the trigger's own, checked
				// before its parts are; only an OR trigger's parts are gated one by one.
				boolean or = trigger.operator() == LogicalOperator.OR;
				for (Condition condition : trigger.conditions()) {
					int exactLength = (condition.exactLength() < TOO_LONG) ? condition.exactLength() : -1;
					this.parts[part] = ((exactLength + 1) << LENGTH_SHIFT) | ((condition.source() + 1) << SOURCE_SHIFT)
							| (condition.negative() ? NEGATIVE : 0) | ((or && condition.hasGrams) ? GATED : 0);
					this.partGrams[2 * part] = condition.gramsLow;
					this.partGrams[2 * part + 1] = condition.gramsHigh;
					this.conditions[part] = condition;
					this.names[part] = condition.name();
					anyGated |= condition.hasGrams;
					part++;
				}
				this.triggers[3 * index] = (group << GROUP_SHIFT) | (or ? OR : 0) | (trigger.hasGrams() ? GATED : 0);
				this.triggers[3 * index + 1] = start;
				this.triggers[3 * index + 2] = part;
				this.triggerGrams[2 * index] = trigger.gramsLow();
				this.triggerGrams[2 * index + 1] = trigger.gramsHigh();
				anyGated |= trigger.hasGrams();
				index++;
			}
		}
		this.anyGated = anyGated;
	}

	/**
	 * Returns the index of the first group with a trigger that matches, or -1.
	 */
	public int firstMatch(RequestValues request) {
		long low = 0;
		long high = 0;
		if (this.anyGated) {
			low = request.urlGramsLow();
			high = request.urlGramsHigh();
		}
		int[] triggers = this.triggers;
		for (int i = 0; i < triggers.length; i += 3) {
			int info = triggers[i];
			if ((info & GATED) != 0 && lacks(this.triggerGrams, 2 * (i / 3), low, high)) {
				continue;
			}
			if (matches((info & OR) != 0, triggers[i + 1], triggers[i + 2], request, low, high)) {
				return info >>> GROUP_SHIFT;
			}
		}
		return -1;
	}

	/**
	 * Whether a trigger matches: its parts in order, until one decides the outcome (a
	 * true part of an OR, a false part of an AND), as {@link Trigger#matches} evaluates
	 * them.
	 */
	private boolean matches(boolean or, int start, int end, RequestValues request, long low, long high) {
		for (int part = start; part < end; part++) {
			if (partMatches(part, request, low, high) == or) {
				return or;
			}
		}
		return !or;
	}

	private boolean partMatches(int part, RequestValues request, long low, long high) {
		int info = this.parts[part];
		if ((info & GATED) != 0 && lacks(this.partGrams, 2 * part, low, high)) {
			// A gated part is not negated, and needs a literal the URL does not hold.
			return false;
		}
		int length = (info >>> LENGTH_SHIFT) - 1;
		if (length >= 0) {
			int source = ((info >>> SOURCE_SHIFT) & SOURCE_MASK) - 1;
			if (request.value(source, this.names[part], false).length() != length) {
				return (info & NEGATIVE) != 0;
			}
		}
		return this.conditions[part].matches(request);
	}

	/**
	 * Whether the URL lacks a trigram of the summary at {@code at} in {@code grams}.
	 */
	private static boolean lacks(long[] grams, int at, long low, long high) {
		return ((grams[at] & ~low) | (grams[at + 1] & ~high)) != 0;
	}

}
