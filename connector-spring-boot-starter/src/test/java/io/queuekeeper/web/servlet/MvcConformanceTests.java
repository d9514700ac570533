package io.queuekeeper.web.servlet;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.queuekeeper.boot.autoconfigure.QueueItAutoConfiguration;
import io.queuekeeper.boot.autoconfigure.web.servlet.QueueItWebMvcAutoConfiguration;
import io.queuekeeper.core.config.IntegrationConfig;
import io.queuekeeper.core.config.IntegrationConfigParser;
import io.queuekeeper.core.config.IntegrationConfigProvider;
import io.queuekeeper.core.testing.ConformanceCase;
import io.queuekeeper.core.testing.ConformanceSuite;
import io.queuekeeper.core.testing.MutableClock;
import io.queuekeeper.core.testing.ObservedCookie;
import io.queuekeeper.core.testing.ObservedResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.GenericWebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every recorded wire-compatibility case through MockMvc, against a controller
 * protected by integration config with the starter's real auto-configuration.
 */
class MvcConformanceTests {

	private static final Map<String, Application> applications = new LinkedHashMap<>();

	private final IntegrationConfigParser parser = new IntegrationConfigParser();

	@AfterAll
	static void closeApplications() {
		applications.values().forEach((application) -> application.context.close());
		applications.clear();
	}

	@Test
	void everyRecordedCaseWhenServedByMvcThenMatchesTheRecording() {
		ConformanceSuite.Report report = ConformanceSuite.run("mvc", this::run);
		assertThat(report.passed()).isPositive();
		assertThat(report.failed()).as(report.failures()).isZero();
	}

	private List<String> run(ConformanceCase conformanceCase) {
		Application application = applications.computeIfAbsent(
				conformanceCase.customerId() + "\n" + conformanceCase.secretKey(),
				(key) -> new Application(conformanceCase.customerId(), conformanceCase.secretKey()));
		application.clock.set(Instant.ofEpochSecond(conformanceCase.now()));
		application.config.set(this.parser.parse(conformanceCase.configJson()));
		application.invoked.set(false);
		URI url = URI.create(conformanceCase.url());
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(conformanceCase.method(), url)
			.with(defaultPort(url));
		conformanceCase.headers().forEach(request::header);
		for (String[] cookie : conformanceCase.cookies()) {
			request.cookie(new Cookie(cookie[0], cookie[1]));
		}
		if (!conformanceCase.body().isEmpty()) {
			request.content(conformanceCase.body());
		}
		try {
			MockHttpServletResponse response = application.mockMvc.perform(request).andReturn().getResponse();
			ObservedResponse observed = new ObservedResponse(response.getStatus(), response::getHeader,
					ObservedCookie.parseAll(response.getHeaders("Set-Cookie")));
			return conformanceCase.compareHttp(observed, application.invoked.get());
		}
		catch (Exception ex) {
			List<String> diffs = new ArrayList<>();
			diffs.add("request failed: " + ex);
			return diffs;
		}
	}

	/**
	 * Gives the request the port a real server would have when the URL names none.
	 */
	private static RequestPostProcessor defaultPort(URI url) {
		return (request) -> {
			if (url.getPort() < 0) {
				request.setServerPort("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
			}
			return request;
		};
	}

	/**
	 * One running application per customer id and secret key.
	 */
	private static final class Application {

		final MutableClock clock = new MutableClock(Instant.EPOCH);

		final AtomicReference<IntegrationConfig> config = new AtomicReference<>();

		final AtomicBoolean invoked = new AtomicBoolean();

		final GenericWebApplicationContext context = new GenericWebApplicationContext();

		final MockMvc mockMvc;

		Application(String customerId, String secretKey) {
			this.context.setServletContext(new MockServletContext());
			AnnotationConfigUtils.registerAnnotationConfigProcessors(this.context);
			TestPropertyValues.of("queueit.customer-id=" + customerId, "queueit.secret-key=" + secretKey)
				.applyTo(this.context);
			this.context.registerBean(MutableClock.class, () -> this.clock);
			this.context.registerBean(IntegrationConfigProvider.class,
					() -> () -> Optional.ofNullable(this.config.get()));
			this.context.registerBean(CatchAllController.class, () -> new CatchAllController(this.invoked));
			this.context.registerBean(ConformanceApplication.class);
			this.context.refresh();
			Filter[] filters = this.context.getBeansOfType(FilterRegistrationBean.class)
				.values()
				.stream()
				.map(FilterRegistrationBean::getFilter)
				.toArray(Filter[]::new);
			this.mockMvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(filters).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ QueueItAutoConfiguration.class, QueueItWebMvcAutoConfiguration.class,
			WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class })
	static class ConformanceApplication {

	}

	@RestController
	static class CatchAllController {

		private final AtomicBoolean invoked;

		CatchAllController(AtomicBoolean invoked) {
			this.invoked = invoked;
		}

		@RequestMapping("/**")
		String handle() {
			this.invoked.set(true);
			return "protected content";
		}

	}

}
