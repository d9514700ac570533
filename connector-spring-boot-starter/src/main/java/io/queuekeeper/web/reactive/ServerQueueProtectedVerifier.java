package io.queuekeeper.web.reactive;

import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.web.ProtectedHandlers;
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
 * an event (room) that the waiting-room provider does not serve, instead of failing on
 * the first request to it.
 *
 * @since 0.1.0
 */
public class ServerQueueProtectedVerifier
		implements ApplicationListener<ContextRefreshedEvent>, ApplicationContextAware {

	private final ObjectProvider<WaitingRoomProvider> provider;

	private final ProtectedHandlers protectedHandlers = new ProtectedHandlers();

	private @Nullable ApplicationContext applicationContext;

	/**
	 * Creates a verifier.
	 * @param provider the provider whose rooms the annotations must name
	 */
	public ServerQueueProtectedVerifier(ObjectProvider<WaitingRoomProvider> provider) {
		this.provider = provider;
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
		WaitingRoomProvider configured = this.provider.getIfUnique();
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
