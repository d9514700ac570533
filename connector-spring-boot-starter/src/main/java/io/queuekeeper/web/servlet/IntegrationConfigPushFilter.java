package io.queuekeeper.web.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.queuekeeper.web.IntegrationConfigPush;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the integration config push endpoint on a servlet stack: requests to its path
 * are answered here and never reach the application.
 *
 * @since 0.1.0
 */
public class IntegrationConfigPushFilter extends OncePerRequestFilter {

	private final IntegrationConfigPush push;

	private final String path;

	/**
	 * Creates a filter.
	 * @param push the endpoint logic
	 * @param path the path of the endpoint, below the context path
	 */
	public IntegrationConfigPushFilter(IntegrationConfigPush push, String path) {
		this.push = push;
		this.path = path;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		String local = (contextPath != null && uri.startsWith(contextPath)) ? uri.substring(contextPath.length()) : uri;
		return !this.path.equals(local);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		IntegrationConfigPush.Response answer;
		long declared = request.getContentLengthLong();
		if ("PUT".equals(request.getMethod()) && declared > this.push.maxBodyBytes()) {
			answer = IntegrationConfigPush.Response.TOO_LARGE;
		}
		else {
			byte[] body;
			try (InputStream input = request.getInputStream()) {
				body = input.readNBytes(this.push.maxBodyBytes() + 1);
			}
			answer = this.push.handle(request.getMethod(), body);
		}
		if (answer.status() == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
			response.setHeader("Allow", "PUT");
		}
		response.setStatus(answer.status());
		response.setContentType("text/plain;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
