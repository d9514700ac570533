package io.queuekeeper.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code queueit.provider} names the given vendor; Queue-it when it is not
 * set. The value binds like the property does, so {@code roomq}, {@code ROOMQ},
 * {@code queue-it} and {@code queue_it} all work.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnWaitingRoomProviderCondition.class)
@interface ConditionalOnWaitingRoomProvider {

	/**
	 * The vendor that must be selected.
	 * @return the vendor
	 */
	QueueItProperties.Provider value();

}
