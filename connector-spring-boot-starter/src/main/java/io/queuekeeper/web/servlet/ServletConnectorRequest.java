package io.queuekeeper.web.servlet;

import java.security.Principal;
import java.util.Enumeration;

import io.queuekeeper.core.http.ConnectorRequest;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.WebUtils;

/**
 * Adapts a servlet request to the engine's view. The URL is rebuilt from the servlet API,
 * so it reflects forwarded-header handling (Tomcat's remote IP valve or Spring's
 * {@code ForwardedHeaderFilter}). On Tomcat a cookie is read from the {@code Cookie}
 * headers, by Tomcat's rules, instead of through {@code getCookies()}, which would build
 * every cookie of the request; not when a request wrapper answers {@code getCookies()}
 * itself. Likewise the URL is written as Tomcat writes it, in one builder, unless a
 * wrapper answers {@code getRequestURL()} itself.
 */
final class ServletConnectorRequest implements ConnectorRequest {

	private static final String TOMCAT_11 = "Apache Tomcat/11.";

	/**
	 * Tomcat's default {@code maxCookieCount}, which Spring Boot leaves alone: a request
	 * that may carry more cookies is left to Tomcat.
	 */
	private static final int TOMCAT_MAX_COOKIE_COUNT = 200;

	private static final String TOMCAT_PACKAGE = "org.apache.catalina.";

	/**
	 * Whether a request class's {@code getCookies()} is Tomcat's or
	 * {@code HttpServletRequestWrapper}'s delegation to the wrapped request.
	 */
	private static final ClassValue<Boolean> TOMCAT_COOKIES = tomcats("getCookies");

	/** The same for {@code getRequestURL()}. */
	private static final ClassValue<Boolean> TOMCAT_REQUEST_URL = tomcats("getRequestURL");

	private static ClassValue<Boolean> tomcats(String method) {
		return new ClassValue<>() {

			@Override
			protected Boolean computeValue(Class<?> type) {
				try {
					Class<?> declaring = type.getMethod(method).getDeclaringClass();
					return declaring == HttpServletRequestWrapper.class
							|| declaring.getName().startsWith(TOMCAT_PACKAGE);
				}
				catch (NoSuchMethodException ex) {
					return false;
				}
			}

		};
	}

	private final HttpServletRequest request;

	/**
	 * Whether the request is served by Tomcat 11, whose reading of cookies
	 * {@link TomcatCookieHeader} repeats and whose writing of the request URL
	 * {@link #url()} repeats.
	 */
	private final boolean readsCookieHeaders;

	ServletConnectorRequest(HttpServletRequest request) {
		this(request, readsCookieHeaders(request.getServletContext()));
	}

	/**
	 * Creates the view of a request when the caller knows whether cookies can be read
	 * from the headers, which holds for every request a container serves.
	 * @see #readsCookieHeaders(ServletContext)
	 */
	ServletConnectorRequest(HttpServletRequest request, boolean readsCookieHeaders) {
		this.request = request;
		this.readsCookieHeaders = readsCookieHeaders;
	}

	@Override
	public String method() {
		return this.request.getMethod();
	}

	@Override
	public String url() {
		String query = this.request.getQueryString();
		ServletRequest tomcat = this.readsCookieHeaders ? tomcatsOwn(this.request, TOMCAT_REQUEST_URL) : null;
		if (tomcat instanceof HttpServletRequest inner) {
			return tomcatRequestUrl(inner, query);
		}
		StringBuffer url = this.request.getRequestURL();
		if (query != null) {
			url.append('?').append(query);
		}
		return url.toString();
	}

	/**
	 * The request URL as Tomcat's {@code getRequestURL()} writes it (the scheme, the
	 * server name, the port unless it is the scheme's default, the request URI), and the
	 * query, in one builder of the right size: Tomcat's starts with room for 16
	 * characters and grows several times, and its text is copied once more to add the
	 * query.
	 */
	private static String tomcatRequestUrl(HttpServletRequest request, @Nullable String query) {
		String scheme = request.getScheme();
		String host = request.getServerName();
		String uri = request.getRequestURI();
		int port = request.getServerPort();
		if (port < 0) {
			port = 80;
		}
		boolean showPort = (scheme.equals("http") && port != 80) || (scheme.equals("https") && port != 443);
		StringBuilder url = new StringBuilder(scheme.length() + 3 + host.length() + (showPort ? 6 : 0) + uri.length()
				+ ((query != null) ? query.length() + 1 : 0));
		url.append(scheme).append("://").append(host);
		if (showPort) {
			url.append(':').append(port);
		}
		url.append(uri);
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
		String found = headerCookie(name);
		return (found == TomcatCookieHeader.ASK_CONTAINER) ? containerCookie(name) : found;
	}

	/**
	 * Returns the cookie as read from the {@code Cookie} headers, or
	 * {@link TomcatCookieHeader#ASK_CONTAINER} when only the container can tell: not
	 * Tomcat 11, a request wrapper that answers {@code getCookies()} itself, or a header
	 * that {@link TomcatCookieHeader#find} leaves to Tomcat.
	 */
	@Nullable String headerCookie(String name) {
		if (!this.readsCookieHeaders || !cookiesAreTomcats(this.request)) {
			return TomcatCookieHeader.ASK_CONTAINER;
		}
		Enumeration<String> headers = this.request.getHeaders("Cookie");
		if (headers == null) {
			return TomcatCookieHeader.ASK_CONTAINER;
		}
		String found = null;
		int mostCookies = 0;
		while (headers.hasMoreElements()) {
			String header = headers.nextElement();
			mostCookies += 1 + count(header, ';');
			if (found == null) {
				found = TomcatCookieHeader.find(header, name);
				if (found == TomcatCookieHeader.ASK_CONTAINER) {
					// No earlier header has the cookie: the container's first is the one.
					return found;
				}
			}
		}
		// Tomcat refuses more cookies than maxCookieCount (a 400, or getCookies() fails
		// when sessions do not use cookies); asking it keeps that refusal.
		return (mostCookies > TOMCAT_MAX_COOKIE_COUNT) ? TomcatCookieHeader.ASK_CONTAINER : found;
	}

	/**
	 * Whether {@code getCookies()} of the request is Tomcat's reading of its headers: the
	 * request is Tomcat's own, or wraps it through wrappers that all leave
	 * {@code getCookies()} to the request they wrap. A filter whose wrapper hides or
	 * changes cookies is then heard.
	 */
	static boolean cookiesAreTomcats(ServletRequest request) {
		return tomcatsOwn(request, TOMCAT_COOKIES) != null;
	}

	/**
	 * Returns the innermost request of the chain when the method is Tomcat's own all the
	 * way down: the request is Tomcat's, or wraps it through wrappers that all leave the
	 * method to the request they wrap. Otherwise {@code null}.
	 */
	private static @Nullable ServletRequest tomcatsOwn(ServletRequest request, ClassValue<Boolean> method) {
		ServletRequest current = request;
		while (current instanceof ServletRequestWrapper wrapper) {
			if (!method.get(current.getClass())) {
				return null;
			}
			current = wrapper.getRequest();
		}
		return method.get(current.getClass()) ? current : null;
	}

	/**
	 * Whether cookies of requests served by this container can be read from the raw
	 * headers: only on Tomcat 11, whose reading of them {@link TomcatCookieHeader}
	 * repeats. Other containers (and other Tomcat versions) parse cookies their own way,
	 * so they are asked.
	 * @param context the context of a request, or {@code null}
	 */
	static boolean readsCookieHeaders(@Nullable ServletContext context) {
		String server = (context != null) ? context.getServerInfo() : null;
		return server != null && server.startsWith(TOMCAT_11);
	}

	private static int count(String header, char c) {
		int count = 0;
		for (int at = header.indexOf(c); at >= 0; at = header.indexOf(c, at + 1)) {
			count++;
		}
		return count;
	}

	private @Nullable String containerCookie(String name) {
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
