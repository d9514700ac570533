package io.queuekeeper.web.reactive;

import io.queuekeeper.web.ProtectedHandlers;
import io.queuekeeper.web.QueueEvents;
import io.queuekeeper.web.QueueProtected;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;

/**
 * Fails the start of a reactive application when a {@link QueueProtected} handler names
 * an event that is not configured, instead of failing on the first request to it.
 *
 * @since 0.1.0
 */
public class ServerQueueProtectedVerifier
		implements ApplicationListener<ContextRefreshedEvent>, ApplicationContextAware {

	private final ObjectProvider<QueueEvents> events;

	private final ProtectedHandlers protectedHandlers = new ProtectedHandlers();

	private @Nullable ApplicationContext applicationContext;

	/**
	 * Creates a verifier.
	 * @param events the events defined in code
	 */
	public ServerQueueProtectedVerifier(ObjectProvider<QueueEvents> events) {
		this.events = events;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
		this.applicationContext = applicationContext;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		ApplicationContext context = this.applicationContext;
		if (context == null || event.getApplicationContext() != context) {
			return;
		}
		QueueEvents configured = this.events.getIfAvailable();
		if (configured == null) {
			return;
		}
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
				this.protectedHandlers.verify(handler.getMethod(), handler.getBeanType(), handler.getShortLogMessage(),
						configured);
			}
		}
	}

}
