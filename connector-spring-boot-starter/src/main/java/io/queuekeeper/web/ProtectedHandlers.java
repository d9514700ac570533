package io.queuekeeper.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.QueueItWaitingRoom;
import io.queuekeeper.core.WaitingRoomProvider;
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
	 * Checks that the annotation of a handler, if any, names a room of the provider, so
	 * that a typo fails the start instead of the first request.
	 * @param method the handler method
	 * @param beanType the handler's class
	 * @param description the handler as named in the error message
	 * @param provider the provider that decides
	 * @throws ConnectorConfigurationException if the room is not one of
	 * {@link WaitingRoomProvider#rooms()}
	 */
	public void verify(Method method, Class<?> beanType, String description, WaitingRoomProvider provider) {
		QueueProtected protection = find(method, beanType);
		if (protection == null || provider.rooms().contains(protection.event())) {
			return;
		}
		String event = protection.event();
		String fix = QueueItWaitingRoom.NAME.equals(provider.name())
				? "add queueit.events." + (event.isBlank() ? "<event-id>" : event)
						+ ".queue-domain and name the event in the annotation"
				: "name one of the rooms of provider '" + provider.name() + "' " + new TreeSet<>(provider.rooms())
						+ " in the annotation";
		throw new ConnectorConfigurationException(
				"@QueueProtected on " + description + " uses event '" + event + "', which is not configured: " + fix);
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
