package io.queuekeeper.boot.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Backs {@link ConditionalOnWaitingRoomProvider}. A value that does not bind counts as
 * Queue-it, so that binding {@code queueit.*} then fails the start with Boot's report of
 * the valid values.
 */
final class OnWaitingRoomProviderCondition extends SpringBootCondition {

	private static final String PROPERTY = "queueit.provider";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnWaitingRoomProvider.class.getName());
		QueueItProperties.Provider required = (QueueItProperties.Provider) attributes.get("value");
		QueueItProperties.Provider selected;
		try {
			selected = Binder.get(context.getEnvironment())
				.bind(PROPERTY, QueueItProperties.Provider.class)
				.orElse(QueueItProperties.Provider.QUEUE_IT);
		}
		catch (BindException ex) {
			selected = QueueItProperties.Provider.QUEUE_IT;
		}
		String message = PROPERTY + " selects " + selected + ", " + required + " required";
		return (selected == required) ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
	}

}
