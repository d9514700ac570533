package io.queuekeeper.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import io.queuekeeper.core.ConnectorConfigurationException;
import io.queuekeeper.core.QueueItWaitingRoom;
import io.queuekeeper.core.WaitingRoomProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds the {@link QueueProtected} that applies to a handler method: on the method, else
 * on its class, directly or as a meta-annotation. Results are cached per method and
 * handler class, as plain objects with the attributes Spring resolved: Spring's merged
 * annotations are proxies, whose every attribute call goes through an invocation handler,
 * and the adapters read the event and the action on every request.
 *
 * @since 0.1.0
 */
public final class ProtectedHandlers {

	private final Map<Handler, Optional<QueueProtected>> cache = new ConcurrentHashMap<>();

	private final BiFunction<Method, Class<?>, @Nullable QueueProtected> lookup;

	/**
	 * Creates an empty cache that looks annotations up with Spring's merged annotation
	 * support.
	 */
	public ProtectedHandlers() {
		this(ProtectedHandlers::lookup);
	}

	ProtectedHandlers(BiFunction<Method, Class<?>, @Nullable QueueProtected> lookup) {
		this.lookup = lookup;
	}

	/**
	 * Returns the annotation that applies, or {@code null} when the handler is not
	 * annotated.
	 * @param method the handler method
	 * @param beanType the handler's class
	 */
	public @Nullable QueueProtected find(Method method, Class<?> beanType) {
		Handler handler = new Handler(method, beanType);
		Optional<QueueProtected> found = this.cache.get(handler);
		if (found == null) {
			found = this.cache.computeIfAbsent(handler,
					(key) -> Optional.ofNullable(this.lookup.apply(key.method, key.beanType)).map(Resolved::new));
		}
		return found.orElse(null);
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
	 * can carry its own class-level annotation. Handler mappings hand out the same
	 * {@code Method} object on every request, so equality tries identity first.
	 */
	private static final class Handler {

		private final Method method;

		private final Class<?> beanType;

		private final int hash;

		Handler(Method method, Class<?> beanType) {
			this.method = method;
			this.beanType = beanType;
			this.hash = 31 * method.hashCode() + beanType.hashCode();
		}

		@Override
		public boolean equals(@Nullable Object other) {
			if (this == other) {
				return true;
			}
			return other instanceof Handler that && this.beanType == that.beanType
					&& (this.method == that.method || this.method.equals(that.method));
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

	/**
	 * A {@link QueueProtected} with the attributes of one that was found, read once. It
	 * keeps the contract of {@link Annotation}: it equals, and has the hash code of,
	 * every {@code QueueProtected} with the same attributes, Spring's merged ones
	 * included.
	 */
	private static final class Resolved implements QueueProtected {

		private final String event;

		private final Action action;

		Resolved(QueueProtected found) {
			this.event = found.event();
			this.action = found.action();
		}

		@Override
		public String value() {
			return this.event;
		}

		@Override
		public String event() {
			return this.event;
		}

		@Override
		public Action action() {
			return this.action;
		}

		@Override
		public Class<? extends Annotation> annotationType() {
			return QueueProtected.class;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			if (this == other) {
				return true;
			}
			return other instanceof QueueProtected that && this.event.equals(that.value())
					&& this.event.equals(that.event()) && this.action == that.action();
		}

		@Override
		public int hashCode() {
			// Annotation's rule: the sum, over the members, of 127 times the hash of the
			// member's name, XOR the hash of its value.
			return ((127 * "value".hashCode()) ^ this.event.hashCode())
					+ ((127 * "event".hashCode()) ^ this.event.hashCode())
					+ ((127 * "action".hashCode()) ^ this.action.hashCode());
		}

		@Override
		public String toString() {
			return "@" + QueueProtected.class.getName() + "(event=\"" + this.event + "\", action=" + this.action + ")";
		}

	}

}
