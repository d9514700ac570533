package io.queuekeeper.core.rules;

import java.util.List;
import java.util.Objects;

/**
 * A compiled trigger: parts combined with AND or OR.
 *
 * @param operator how the parts combine
 * @param parts the parts, in config order
 * @since 0.1.0
 */
public record Trigger(LogicalOperator operator, List<TriggerPart> parts) {

	public Trigger {
		Objects.requireNonNull(operator, "operator");
		parts = List.copyOf(parts);
	}

	/**
	 * Whether the request satisfies the trigger. Parts are evaluated in order and the
	 * evaluation stops as soon as the outcome is known.
	 */
	public boolean matches(RequestValues request) {
		if (this.operator == LogicalOperator.OR) {
			for (int i = 0; i < this.parts.size(); i++) {
				if (this.parts.get(i).matches(request)) {
					return true;
				}
			}
			return false;
		}
		for (int i = 0; i < this.parts.size(); i++) {
			if (!this.parts.get(i).matches(request)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether any part reads the request body.
	 */
	public boolean readsBody() {
		return this.parts.stream().anyMatch((part) -> part.validator() == ValidatorType.REQUEST_BODY);
	}

}
