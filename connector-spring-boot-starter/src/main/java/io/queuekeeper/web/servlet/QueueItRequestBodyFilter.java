package io.queuekeeper.web.servlet;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wraps requests so that the interceptor can evaluate {@code RequestBodyValidator}
 * triggers without consuming the body. Requests are only wrapped while the current
 * integration config has a body trigger, and never for {@code GET} or {@code HEAD}.
 *
 * @since 0.1.0
 */
public class QueueItRequestBodyFilter extends OncePerRequestFilter {

	private final BooleanSupplier bodyTriggersPresent;

	private final int limit;

	/**
	 * Creates a filter.
	 * @param bodyTriggersPresent tells whether the current config reads the body
	 * @param limit how many bytes of the body the triggers may see
	 */
	public QueueItRequestBodyFilter(BooleanSupplier bodyTriggersPresent, int limit) {
		this.bodyTriggersPresent = bodyTriggersPresent;
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		boolean wrap = !"GET".equals(method) && !"HEAD".equals(method) && bodyTriggersPresent();
		chain.doFilter(wrap ? new BodyPeekingRequestWrapper(request, this.limit) : request, response);
	}

	private boolean bodyTriggersPresent() {
		try {
			return this.bodyTriggersPresent.getAsBoolean();
		}
		catch (RuntimeException ex) {
			// The interceptor meets the same failure and applies queueit.failure-policy;
			// failing here would bypass the policy with a 500.
			return false;
		}
	}

}
