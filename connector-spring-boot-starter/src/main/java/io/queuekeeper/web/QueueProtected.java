package io.queuekeeper.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Protects a controller or handler method with a waiting room defined in code: with
 * Queue-it the event's settings come from {@code queueit.events.<event>}; with RoomQ
 * ({@code queueit.provider=roomq}) the event is the room, {@code roomq.room-id}. On a
 * handler, the annotation decides instead of the integration config. A method's
 * annotation wins over its class's, and the annotation can be used as a meta-annotation.
 *
 * <pre class="code">
 * &#64;QueueProtected("drop")
 * &#64;GetMapping("/drop/{sku}")
 * String drop(&#64;PathVariable String sku) { ... }
 * </pre>
 *
 * @since 0.1.0
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface QueueProtected {

	/**
	 * Alias for {@link #event()}.
	 * @return the event id
	 */
	@AliasFor("event")
	String value() default "";

	/**
	 * The event (waiting room) id: a Queue-it event of {@code queueit.events.<event>}, or
	 * the RoomQ room {@code roomq.room-id}.
	 * @return the event id
	 */
	@AliasFor("value")
	String event() default "";

	/**
	 * What to do with a request to the handler.
	 * @return the action
	 */
	Action action() default Action.QUEUE;

	/**
	 * The actions a handler can take.
	 */
	enum Action {

		/** Send visitors without a valid session to the waiting room. */
		QUEUE,

		/**
		 * End the visitor's session: Queue-it sends them to the waiting room's cancel
		 * page; RoomQ replaces the ticket cookie and, with remote operations, frees the
		 * slot.
		 */
		CANCEL

	}

}
