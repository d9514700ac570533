package io.queuekeeper.benchmarks.e2e;

import io.queuekeeper.web.QueueProtected;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application under load: one trivial endpoint served three ways. The same annotated
 * controller runs on Spring MVC and on WebFlux, so both stacks serve identical handlers.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(BenchmarkApplication.Endpoints.class)
class BenchmarkApplication {

	static final String BODY = "hello";

	@RestController
	static class Endpoints {

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

		/** Protected by the annotation, whatever the integration config says. */
		@QueueProtected(Scenarios.ANNOTATION_EVENT)
		@GetMapping("/vip/hello")
		String vip() {
			return BODY;
		}

	}

}
