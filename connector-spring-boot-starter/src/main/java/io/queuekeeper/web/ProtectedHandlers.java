package io.queuekeeper.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.queuekeeper.core.ConnectorConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds the {@link QueueProtected} that applies to a handler method: on the method, else
 * on its class, directly or as a meta-annotation. Results are cached per method and
 * handler class.
 *
 * @since 0.1.0
 */
public final class ProtectedHandlers {

	private final Map<Handler, Optional<QueueProtected>> cache = new ConcurrentHashMap<>();

	/**
	 * Returns the annotation that applies, or {@code null} when the handler is not
	 * annotated.
	 * @param method the handler method
	 * @param beanType the handler's class
	 */
	public @Nullable QueueProtected find(Method method, Class<?> beanType) {
		return this.cache
			.computeIfAbsent(new Handler(method, beanType), (key) -> Optional.ofNullable(lookup(method, beanType)))
			.orElse(null);
	}

	/**
	 * Checks that the annotation of a handler, if any, names a configured event, so that
	 * a typo fails the start instead of the first request.
	 * @param method the handler method
	 * @param beanType the handler's class
	 * @param description the handler as named in the error message
	 * @param events the events defined in code
	 * @throws ConnectorConfigurationException if the event is not configured
	 */
	public void verify(Method method, Class<?> beanType, String description, QueueEvents events) {
		QueueProtected protection = find(method, beanType);
		if (protection != null && !events.contains(protection.event())) {
			throw new ConnectorConfigurationException("@QueueProtected on " + description + " uses event '"
					+ protection.event() + "', which is not configured: add queueit.events."
					+ (protection.event().isBlank() ? "<event-id>" : protection.event())
					+ ".queue-domain and name the event in the annotation");
		}
	}

	private static @Nullable QueueProtected lookup(Method method, Class<?> beanType) {
		QueueProtected annotation = AnnotatedElementUtils.findMergedAnnotation(method, QueueProtected.class);
		return (annotation != null) ? annotation
				: AnnotatedElementUtils.findMergedAnnotation(beanType, QueueProtected.class);
	}

	/**
	 * The cache key: an inherited method is shared by every subclass, and each subclass
	 * can carry its own class-level annotation.
	 */
	private record Handler(Method method, Class<?> beanType) {
	}

}
