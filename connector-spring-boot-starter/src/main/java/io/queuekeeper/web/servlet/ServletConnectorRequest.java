package io.queuekeeper.web.servlet;

import java.security.Principal;

import io.queuekeeper.core.http.ConnectorRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.WebUtils;

/**
 * Adapts a servlet request to the engine's view. The URL is rebuilt from the servlet API,
 * so it reflects forwarded-header handling (Tomcat's remote IP valve or Spring's
 * {@code ForwardedHeaderFilter}).
 */
final class ServletConnectorRequest implements ConnectorRequest {

	private final HttpServletRequest request;

	ServletConnectorRequest(HttpServletRequest request) {
		this.request = request;
	}

	@Override
	public String method() {
		return this.request.getMethod();
	}

	@Override
	public String url() {
		StringBuffer url = this.request.getRequestURL();
		String query = this.request.getQueryString();
		if (query != null) {
			url.append('?').append(query);
		}
		return url.toString();
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeader(name);
	}

	@Override
	public @Nullable String cookie(String name) {
		Cookie[] cookies = this.request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (name.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	@Override
	public @Nullable String remoteAddress() {
		return this.request.getRemoteAddr();
	}

	@Override
	public @Nullable Principal principal() {
		return this.request.getUserPrincipal();
	}

	@Override
	public String body() {
		BodyPeekingRequestWrapper wrapper = WebUtils.getNativeRequest(this.request, BodyPeekingRequestWrapper.class);
		return (wrapper != null) ? wrapper.peek() : "";
	}

}
