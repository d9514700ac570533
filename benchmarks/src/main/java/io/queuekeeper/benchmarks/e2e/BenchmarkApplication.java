package io.queuekeeper.benchmarks.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.queuekeeper.benchmarks.IntegrationConfigJson;
import io.queuekeeper.core.WaitingRoomProvider;
import io.queuekeeper.web.QueueProtected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebFilter;

/**
 * The application under load: one trivial endpoint served three ways (unprotected, by the
 * integration config, by {@code @QueueProtected}), and once more behind the
 * {@link ProtocolFloor} when {@code e2e.floor} is true. The same annotated controller
 * runs on Spring MVC and on WebFlux, so both stacks serve identical handlers.
 * {@link EndToEndBenchmark} runs each copy in a JVM of its own, as an application runs in
 * production, so that neither shares compiled code, heap or threads with the other.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(BenchmarkApplication.Endpoints.class)
class BenchmarkApplication {

	static final String BODY = "hello";

	/** The line this application prints, with its port, once it serves requests. */
	static final String PORT_LINE = "E2E_PORT ";

	/** The path that tells what the application's threads have cost so far. */
	static final String COST_PATH = "/e2e-cost";

	/**
	 * The path that tells how long the starter's decisions took ({@link DecisionTimes}).
	 */
	static final String DECISIONS_PATH = "/e2e-decisions";

	/**
	 * The path that tells how much CPU time the starter's decisions took, when
	 * {@code e2e.decision-cpu} is true ({@link CpuTimedWaitingRoom}).
	 */
	static final String DECISION_CPU_PATH = "/e2e-decision-cpu";

	/** The property that turns {@link CpuTimedWaitingRoom} on. */
	static final String DECISION_CPU_PROPERTY = "e2e.decision-cpu";

	/**
	 * The path that tells how much CPU time the same decisions took when repeated at
	 * once, when {@code e2e.decision-repeat} is true as well.
	 */
	static final String DECISION_REPEAT_PATH = "/e2e-decision-repeat";

	/** The property that makes {@link CpuTimedWaitingRoom} repeat each decision. */
	static final String DECISION_REPEAT_PROPERTY = "e2e.decision-repeat";

	/**
	 * The property that makes this application serve {@link ProtocolFloor#PATH} with the
	 * {@link ProtocolFloor}, before the request reaches the endpoint.
	 */
	static final String FLOOR_PROPERTY = "e2e.floor";

	/** The paths that start sampling the CPU and stop it ({@link StarterShare}). */
	static final String PROFILE_START_PATH = "/e2e-profile/start";

	static final String PROFILE_STOP_PATH = "/e2e-profile/stop";

	/**
	 * Starts the application.
	 * @param args {@code mvc} or {@code webflux}, then {@code --name=value} properties
	 */
	public static void main(String[] args) {
		WebApplicationType type = switch (args[0]) {
			case "mvc" -> WebApplicationType.SERVLET;
			case "webflux" -> WebApplicationType.REACTIVE;
			default -> throw new IllegalArgumentException("unknown stack " + args[0] + " (mvc or webflux)");
		};
		PrintStream out = System.out;
		new SpringApplicationBuilder(BenchmarkApplication.class).web(type)
			.listeners((ApplicationListener<WebServerInitializedEvent>) (event) -> {
				out.println(PORT_LINE + event.getWebServer().getPort());
				out.flush();
			})
			.run(Arrays.copyOfRange(args, 1, args.length));
	}

	/**
	 * Counts how long each decision of the starter took; the starter takes a single
	 * {@code DecisionObserver} bean (this application has no Micrometer).
	 */
	@Bean
	DecisionTimes decisionTimes() {
		return new DecisionTimes();
	}

	/**
	 * The CPU times of the decisions, counted only when {@code e2e.decision-cpu} is true,
	 * and of their repeats. Not beans of their own type, which the starter would take for
	 * more observers.
	 */
	@Bean
	DecisionCpuTimes decisionCpuTimes() {
		return new DecisionCpuTimes(new DecisionTimes(), new DecisionTimes());
	}

	/**
	 * Wraps the starter's waiting room in a {@link CpuTimedWaitingRoom}.
	 */
	@Bean
	@ConditionalOnBooleanProperty(DECISION_CPU_PROPERTY)
	static BeanPostProcessor cpuTimedWaitingRoom(ObjectProvider<DecisionCpuTimes> cpuTimes, Environment environment) {
		boolean repeat = environment.getProperty(DECISION_REPEAT_PROPERTY, Boolean.class, false);
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof WaitingRoomProvider provider)) {
					return bean;
				}
				DecisionCpuTimes times = cpuTimes.getObject();
				return new CpuTimedWaitingRoom(provider, times.times(), repeat ? times.repeats() : null);
			}

		};
	}

	@Bean
	@ConditionalOnBooleanProperty(FLOOR_PROPERTY)
	static ProtocolFloor protocolFloor() {
		return new ProtocolFloor(Scenarios.SECRET_KEY, IntegrationConfigJson.DROP_EVENT,
				IntegrationConfigJson.COOKIE_DOMAIN, IntegrationConfigJson.COOKIE_VALIDITY_MINUTES);
	}

	/**
	 * The {@link DecisionTimes} of the decisions' CPU times, and of the same decisions
	 * repeated at once.
	 */
	record DecisionCpuTimes(DecisionTimes times, DecisionTimes repeats) {
	}

	@RestController
	static class Endpoints {

		private final DecisionTimes decisionTimes;

		private final DecisionCpuTimes decisionCpuTimes;

		Endpoints(DecisionTimes decisionTimes, DecisionCpuTimes decisionCpuTimes) {
			this.decisionTimes = decisionTimes;
			this.decisionCpuTimes = decisionCpuTimes;
		}

		/** Matches none of the 20 integrations. */
		@GetMapping("/open/hello")
		String open() {
			return BODY;
		}

		/** Matched by the integration config's last integration ({@code /drop/}). */
		@GetMapping("/drop/hello")
		String drop() {
			return BODY;
		}

		/** Served after the {@link ProtocolFloor} when {@code e2e.floor} is true. */
		@GetMapping(ProtocolFloor.PATH)
		String floor() {
			return BODY;
		}

		/** Protected by the annotation, whatever the integration config says. */
		@QueueProtected(Scenarios.ANNOTATION_EVENT)
		@GetMapping("/vip/hello")
		String vip() {
			return BODY;
		}

		/**
		 * The CPU nanoseconds and allocated bytes of this JVM's live Java threads, read
		 * between runs (it matches none of the integrations either).
		 */
		@GetMapping(COST_PATH)
		String cost() {
			long[] cost = ThreadCost.totals();
			return cost[0] + " " + cost[1];
		}

		/**
		 * The decisions counted so far in each bucket of {@link DecisionTimes}, separated
		 * by spaces.
		 */
		@GetMapping(DECISIONS_PATH)
		String decisions() {
			return counts(this.decisionTimes);
		}

		/**
		 * The same for the decisions' CPU times; all zero unless {@code e2e.decision-cpu}
		 * is true.
		 */
		@GetMapping(DECISION_CPU_PATH)
		String decisionCpuTimes() {
			return counts(this.decisionCpuTimes.times());
		}

		/**
		 * The same for the decisions repeated at once; all zero unless
		 * {@code e2e.decision-repeat} is true too.
		 */
		@GetMapping(DECISION_REPEAT_PATH)
		String decisionRepeatCpuTimes() {
			return counts(this.decisionCpuTimes.repeats());
		}

		private static String counts(DecisionTimes times) {
			StringBuilder counts = new StringBuilder();
			for (long count : times.counts()) {
				counts.append(count).append(' ');
			}
			return counts.toString().strip();
		}

		@GetMapping(PROFILE_START_PATH)
		String startProfile() throws IOException {
			StarterShare.start();
			return "started";
		}

		/**
		 * The starter's CPU samples and all CPU samples since the start.
		 */
		@GetMapping(PROFILE_STOP_PATH)
		String stopProfile() throws IOException {
			return StarterShare.stop();
		}

	}

	/**
	 * The {@link ProtocolFloor} in front of a servlet application: a filter of the
	 * floor's path alone, so that other paths do not pass through it. A request without a
	 * valid session cookie is answered 403, so that the scenario's check fails on a
	 * broken floor.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(FLOOR_PROPERTY)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletFloor {

		@Bean
		FilterRegistrationBean<Filter> protocolFloorFilter(ProtocolFloor floor) {
			Filter filter = (request, response, chain) -> {
				HttpServletRequest http = (HttpServletRequest) request;
				HttpServletResponse httpResponse = (HttpServletResponse) response;
				String setCookie = floor.reissue(http.getHeader(HttpHeaders.COOKIE), Instant.now().getEpochSecond());
				if (setCookie == null) {
					httpResponse.sendError(HttpServletResponse.SC_FORBIDDEN);
					return;
				}
				httpResponse.addHeader(HttpHeaders.SET_COOKIE, setCookie);
				chain.doFilter(request, response);
			};
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
			registration.addUrlPatterns(ProtocolFloor.PATH);
			return registration;
		}

	}

	/**
	 * The {@link ProtocolFloor} in front of a WebFlux application, as a {@link WebFilter}
	 * that lets every other path through.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(FLOOR_PROPERTY)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class ReactiveFloor {

		@Bean
		WebFilter protocolFloorWebFilter(ProtocolFloor floor) {
			return (exchange, chain) -> {
				// The raw path of the URI that the server has built already: parsing
				// the request path here would charge the baseline's other requests.
				if (!ProtocolFloor.PATH.equals(exchange.getRequest().getURI().getRawPath())) {
					return chain.filter(exchange);
				}
				String setCookie = floor.reissue(exchange.getRequest().getHeaders().getFirst(HttpHeaders.COOKIE),
						Instant.now().getEpochSecond());
				if (setCookie == null) {
					exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
					return exchange.getResponse().setComplete();
				}
				exchange.getResponse().getHeaders().add(HttpHeaders.SET_COOKIE, setCookie);
				return chain.filter(exchange);
			};
		}

	}

}
