package io.queuekeeper.web.reactive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link PeekedBody}: reads no more of the body than the limit needs, then hands the
 * application every byte exactly once.
 */
class PeekedBodyTests {

	@Test
	void readWhenBodyIsLongerThanTheLimitThenAsksOnlyForTheBuffersItNeeds() {
		AtomicLong requested = new AtomicLong();
		Flux<DataBuffer> body = chunks("0123456789", 10).doOnRequest(requested::addAndGet);
		PeekedBody peeked = PeekedBody.read(body, 25, StandardCharsets.UTF_8).block();
		assertThat(peeked.text()).isEqualTo("0123456789012345678901234");
		assertThat(requested).hasValue(3);
		peeked.release();
	}

	@Test
	void bodyWhenReadAfterPeekingThenReplaysEveryByteOnce() {
		PeekedBody peeked = PeekedBody.read(chunks("abcdefghij", 10), 15, StandardCharsets.UTF_8).block();
		assertThat(peeked.text()).isEqualTo("abcdefghijabcde");
		assertThat(join(peeked.body())).isEqualTo("abcdefghij".repeat(10));
		StepVerifier.create(peeked.body()).expectError(IllegalStateException.class).verify();
	}

	@Test
	void bodyWhenArrivingOnAnotherThreadThenReplaysEveryByteOnce() {
		Flux<DataBuffer> body = chunks("xyz", 200).publishOn(Schedulers.parallel(), 1);
		PeekedBody peeked = PeekedBody.read(body, 4, StandardCharsets.UTF_8).block();
		assertThat(peeked.text()).isEqualTo("xyzx");
		assertThat(join(peeked.body())).isEqualTo("xyz".repeat(200));
	}

	@Test
	void readWhenBodyIsShorterThanTheLimitThenTextIsTheWholeBody() {
		PeekedBody peeked = PeekedBody.read(chunks("short", 2), 4096, StandardCharsets.UTF_8).block();
		assertThat(peeked.text()).isEqualTo("shortshort");
		assertThat(join(peeked.body())).isEqualTo("shortshort");
	}

	@Test
	void readWhenLimitCutsAMultiByteCharacterThenDecodesWhatIsThere() {
		PeekedBody peeked = PeekedBody.read(chunks("blå", 1), 3, StandardCharsets.UTF_8).block();
		assertThat(peeked.text()).startsWith("bl").hasSize(3);
		assertThat(join(peeked.body())).isEqualTo("blå");
	}

	@Test
	void releaseWhenTheApplicationNeverReadsTheBodyThenStopsReading() {
		AtomicBoolean cancelled = new AtomicBoolean();
		PeekedBody peeked = PeekedBody
			.read(chunks("0123456789", 10).doOnCancel(() -> cancelled.set(true)), 5, StandardCharsets.UTF_8)
			.block();
		peeked.release();
		assertThat(cancelled).isTrue();
		StepVerifier.create(peeked.body()).expectError(IllegalStateException.class).verify();
	}

	@Test
	void readWhenBodyFailsBeforeTheLimitThenTextThrowsAndBodyReplaysTheFailure() {
		Flux<DataBuffer> body = chunks("ab", 2).concatWith(Flux.error(new IOException("connection reset")));
		PeekedBody peeked = PeekedBody.read(body, 100, StandardCharsets.UTF_8).block();
		assertThatIllegalStateException().isThrownBy(peeked::text).withCauseInstanceOf(IOException.class);
		StepVerifier.create(peeked.body().map(PeekedBodyTests::text))
			.expectNext("ab", "ab")
			.expectError(IOException.class)
			.verify();
	}

	@Test
	void readWhenBodyFailsAfterTheLimitThenTheApplicationSeesTheFailure() {
		Flux<DataBuffer> body = chunks("ab", 3).concatWith(Flux.error(new IOException("connection reset")));
		PeekedBody peeked = PeekedBody.read(body, 2, StandardCharsets.UTF_8).block();
		assertThat(peeked.text()).isEqualTo("ab");
		StepVerifier.create(peeked.body().map(PeekedBodyTests::text))
			.expectNext("ab", "ab", "ab")
			.expectError(IOException.class)
			.verify();
	}

	private static Flux<DataBuffer> chunks(String chunk, int count) {
		return Flux.range(0, count)
			.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
	}

	private static String join(Flux<DataBuffer> body) {
		return DataBufferUtils.join(body).map(PeekedBodyTests::text).block();
	}

	private static String text(DataBuffer buffer) {
		String text = buffer.toString(StandardCharsets.UTF_8);
		DataBufferUtils.release(buffer);
		return text;
	}

}
