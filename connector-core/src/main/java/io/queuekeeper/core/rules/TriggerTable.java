package io.queuekeeper.core.rules;

import java.util.List;

/**
 * The triggers of a whole config, in priority order, laid out for finding the first group
 * (integration) with a matching trigger. Immutable.
 *
 * <p>
 * Each trigger that can only match a URL holding certain trigrams (see {@link UrlGrams})
 * has them in the table itself, so that a request's URL rules most triggers out with two
 * comparisons each, without evaluating a part; most requests match no trigger, or only
 * after every earlier one has been ruled out.
 *
 * @since 0.1.0
 */
public final class TriggerTable {

	private final Trigger[] triggers;

	/** For each trigger, the index of its group. */
	private final int[] groups;

	private final boolean[] gated;

	private final long[] gramsLow;

	private final long[] gramsHigh;

	private final boolean anyGated;

	/**
	 * Creates the table.
	 * @param groups the triggers of each group, groups in priority order
	 */
	public TriggerTable(List<List<Trigger>> groups) {
		int count = 0;
		for (List<Trigger> group : groups) {
			count += group.size();
		}
		this.triggers = new Trigger[count];
		this.groups = new int[count];
		this.gated = new boolean[count];
		this.gramsLow = new long[count];
		this.gramsHigh = new long[count];
		int index = 0;
		boolean anyGated = false;
		for (int group = 0; group < groups.size(); group++) {
			for (Trigger trigger : groups.get(group)) {
				this.triggers[index] = trigger;
				this.groups[index] = group;
				this.gated[index] = trigger.hasGrams();
				this.gramsLow[index] = trigger.gramsLow();
				this.gramsHigh[index] = trigger.gramsHigh();
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
		Trigger[] triggers = this.triggers;
		for (int i = 0; i < triggers.length; i++) {
			if (this.gated[i] && ((this.gramsLow[i] & ~low) | (this.gramsHigh[i] & ~high)) != 0) {
				continue;
			}
			if (triggers[i].matchesPastGate(request)) {
				return this.groups[i];
			}
		}
		return -1;
	}

}
