package io.queuekeeper.boot.autoconfigure;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each web stack works when the other one's jars are not on the class path at all: the
 * application runs in a class loader built from the test class path without them, so any
 * reference from the starter to the missing stack's types would fail with
 * {@link NoClassDefFoundError}. (A {@code FilteredClassLoader} only hides classes from
 * conditions; this proves that nothing links against them.)
 */
class StackIsolationTests {

	private static final Pattern SERVLET_JARS = Pattern.compile(
			".*/(jakarta\\.servlet-api|spring-webmvc|spring-boot-webmvc|spring-boot-servlet|tomcat-[^/]*)-[^/]*\\.jar");

	private static final Pattern REACTIVE_JARS = Pattern.compile(
			".*/(reactor-core|reactor-test|spring-webflux|spring-boot-webflux|spring-boot-http-codec|blockhound[^/]*)-[^/]*\\.jar");

	@Test
	void reactiveAppWhenServletJarsAreAbsentThenWebFilterProtects() throws Exception {
		try (URLClassLoader loader = classLoaderWithout(SERVLET_JARS)) {
			assertThat(canLoad(loader, "jakarta.servlet.http.HttpServletRequest")).isFalse();
			assertThat(run(loader, "reactive"))
				.isEqualTo("302 https://drops.queue-it.net/?c=ticketania&e=drop|filter=true|interceptor=false");
		}
	}

	@Test
	void servletAppWhenReactiveJarsAreAbsentThenInterceptorProtects() throws Exception {
		try (URLClassLoader loader = classLoaderWithout(REACTIVE_JARS)) {
			assertThat(canLoad(loader, "reactor.core.publisher.Mono")).isFalse();
			assertThat(run(loader, "servlet"))
				.isEqualTo("302 https://drops.queue-it.net/?c=ticketania&e=drop|filter=false|interceptor=true");
		}
	}

	private static String run(ClassLoader loader, String stack) throws Exception {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			Class<?> apps = Class.forName(IsolatedApplications.class.getName(), true, loader);
			assertThat(apps.getClassLoader()).isSameAs(loader);
			return (String) apps.getMethod(stack).invoke(null);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static boolean canLoad(ClassLoader loader, String className) {
		try {
			Class.forName(className, false, loader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static URLClassLoader classLoaderWithout(Pattern excluded) throws MalformedURLException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<URL> urls = new ArrayList<>();
		int removed = 0;
		for (String entry : classPath.split(File.pathSeparator)) {
			if (entry.isBlank()) {
				continue;
			}
			if (excluded.matcher(entry.replace(File.separatorChar, '/')).matches()) {
				removed++;
			}
			else {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		assertThat(removed).as("jars left out of " + classPath).isPositive();
		return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
	}

}
