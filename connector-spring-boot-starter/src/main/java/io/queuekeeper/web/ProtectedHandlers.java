package io.queuekeeper.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
