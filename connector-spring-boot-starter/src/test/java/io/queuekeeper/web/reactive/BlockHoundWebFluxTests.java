package io.queuekeeper.web.reactive;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.queuekeeper.web.QueueProtected;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;

import static io.queuekeeper.web.reactive.ReactiveFixtures.NOW;
import static io.queuekeeper.web.reactive.ReactiveFixtures.cookieName;
import static io.queuekeeper.web.reactive.ReactiveFixtures.cookieValue;
import static io.queuekeeper.web.reactive.ReactiveFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The filter never blocks an event-loop thread. BlockHound is installed for the whole
 * test run (blockhound-junit-platform) and {@link WebTestClient} serves each exchange on
 * a Reactor non-blocking thread, so every WebFlux test in this package would fail on a
 * blocking call; these tests make that explicit for each path of the filter, with request
 * bodies that arrive later on another thread.
 */
class BlockHoundWebFluxTests {

	private final ReactiveWebApplicationContextRunner runner = ReactiveFixtures.webFluxRunner()
		.withPropertyValues("queueit.integration-config.location=classpath:queueit/body.json",
				"queueit.events.drop.queue-domain=drops.queue-it.net")
		.withBean(ThreadController.class);

	@Test
	void blockingCallWhenOnANonBlockingThreadThenBlockHoundRejectsIt() {
		Mono<String> sleeping = Mono.fromCallable(() -> {
			Thread.sleep(1);
			return "slept";
		}).subscribeOn(Schedulers.parallel());
		assertThatThrownBy(sleeping::block).hasCauseInstanceOf(BlockingOperationError.class);
	}

	@Test
	void postWhenBodyTriggerReadsADelayedBodyThenNothingBlocks() {
		this.runner.run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			EntityExchangeResult<byte[]> passed = post(client, "order WINTER-1 ", 40);
			assertThat(passed.getStatus().value()).isEqualTo(200);
			assertThat(new String(passed.getResponseBody(), StandardCharsets.UTF_8))
				.isEqualTo("order WINTER-1 ".repeat(40));
			EntityExchangeResult<byte[]> queued = post(client, "order SUMMER-1 ", 40);
			assertThat(queued.getStatus().value()).isEqualTo(302);
			assertThat(context.getBean(ThreadController.class).threads).hasSize(1)
				.allMatch((nonBlocking) -> nonBlocking);
		});
	}

	@Test
	void getWhenAnnotatedHandlerIsDecidedThenNothingBlocks() {
		this.runner.run((context) -> {
			WebTestClient client = ReactiveFixtures.client(context);
			assertThat(client.get().uri("/drop").exchange().expectBody().returnResult().getStatus().value())
				.isEqualTo(302);
			EntityExchangeResult<byte[]> token = client.get()
				.uri("/drop?queueittoken=" + token("drop", NOW + 60))
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(token.getStatus().value()).isEqualTo(302);
			EntityExchangeResult<byte[]> admitted = client.get()
				.uri("/drop")
				.cookie(cookieName("drop"), cookieValue("drop", NOW - 60))
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(admitted.getStatus().value()).isEqualTo(200);
			assertThat(context.getBean(ThreadController.class).threads).containsExactly(true);
		});
	}

	private static EntityExchangeResult<byte[]> post(WebTestClient client, String chunk, int count) {
		Flux<DataBuffer> body = Flux.range(0, count)
			.delayElements(Duration.ofMillis(1), Schedulers.parallel())
			.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
		return client.post()
			.uri("/api/checkout")
			.contentType(MediaType.TEXT_PLAIN)
			.body(BodyInserters.fromDataBuffers(body))
			.exchange()
			.expectBody()
			.returnResult();
	}

	@RestController
	static class ThreadController {

		final List<Boolean> threads = new CopyOnWriteArrayList<>();

		@PostMapping(path = "/api/checkout", produces = "text/plain;charset=UTF-8")
		Mono<String> checkout(@RequestBody Mono<String> body) {
			this.threads.add(Schedulers.isInNonBlockingThread());
			return body;
		}

		@QueueProtected("drop")
		@GetMapping("/drop")
		String drop() {
			this.threads.add(Schedulers.isInNonBlockingThread());
			return "drop";
		}

	}

}
