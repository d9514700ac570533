package io.queuekeeper.web.reactive;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * The start of a request body, read without taking the body away from the application.
 * {@link #read} subscribes to the body once and asks for one buffer at a time until it
 * holds {@code limit} bytes or the body ends; it then stops asking. {@link #body()}
 * replays the buffers it holds and goes on with the rest of the same subscription, at the
 * pace the application asks for, so the handler sees every byte exactly once.
 */
final class PeekedBody {

	private final List<DataBuffer> head;

	private final String text;

	private final @Nullable Throwable failure;

	private final Reader reader;

	private final AtomicBoolean handedOver = new AtomicBoolean();

	private PeekedBody(Reader reader, List<DataBuffer> head, String text, @Nullable Throwable failure) {
		this.reader = reader;
		this.head = head;
		this.text = text;
		this.failure = failure;
	}

	/**
	 * Reads at most {@code limit} bytes of the body (whole buffers, so a little more may
	 * be held) and emits once they are there. Never emits an error: a failed read is kept
	 * and reported by {@link #text()}.
	 * @param body the request body, not yet subscribed
	 * @param limit how many bytes body triggers see, at least one
	 * @param charset how the bytes are decoded
	 */
	static Mono<PeekedBody> read(Flux<DataBuffer> body, int limit, Charset charset) {
		return Mono.create((sink) -> {
			Reader reader = new Reader(sink, limit, charset);
			sink.onCancel(reader::abort);
			body.subscribe(reader);
		});
	}

	/**
	 * Returns the start of the body as text, cut to the limit.
	 * @throws IllegalStateException if reading the body failed
	 */
	String text() {
		if (this.failure != null) {
			throw new IllegalStateException("Could not read the request body for a body trigger", this.failure);
		}
		return this.text;
	}

	/**
	 * Returns the whole body for the application: the buffers read so far, then the rest.
	 * It can be subscribed to once, as a server request body.
	 */
	Flux<DataBuffer> body() {
		return Flux.defer(() -> {
			if (!this.handedOver.compareAndSet(false, true)) {
				return Flux.error(new IllegalStateException(
						"The request body was already read, or released after the response was sent"));
			}
			return Flux.concat(Flux.fromIterable(this.head), this.reader.rest());
		});
	}

	/**
	 * Releases the buffers and stops reading when the application never asked for the
	 * body, e.g. after a redirect or for a handler that ignores it.
	 */
	void release() {
		if (this.handedOver.compareAndSet(false, true)) {
			this.head.forEach(DataBufferUtils::release);
			this.reader.cancel();
		}
	}

	/**
	 * Subscribes to the body: one buffer at a time for the head, then whatever the
	 * application requests, passed on through a unicast sink that also keeps a completion
	 * or error that arrives before the application subscribes.
	 */
	private static final class Reader extends BaseSubscriber<DataBuffer> {

		private final MonoSink<PeekedBody> sink;

		private final int limit;

		private final Charset charset;

		private final Queue<DataBuffer> head = new ConcurrentLinkedQueue<>();

		private final Sinks.Many<DataBuffer> rest = Sinks.many().unicast().onBackpressureBuffer();

		private volatile boolean aborted;

		private int size;

		private boolean headRead;

		Reader(MonoSink<PeekedBody> sink, int limit, Charset charset) {
			this.sink = sink;
			this.limit = limit;
			this.charset = charset;
		}

		Flux<DataBuffer> rest() {
			return this.rest.asFlux().doOnRequest(this::request).doOnCancel(this::cancel);
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			subscription.request(1);
		}

		@Override
		protected void hookOnNext(DataBuffer buffer) {
			if (this.headRead) {
				if (this.rest.tryEmitNext(buffer).isFailure()) {
					DataBufferUtils.release(buffer);
				}
				return;
			}
			this.head.add(buffer);
			if (this.aborted) {
				releaseHead();
				return;
			}
			this.size += buffer.readableByteCount();
			if (this.size >= this.limit) {
				emit(null);
			}
			else {
				request(1);
			}
		}

		@Override
		protected void hookOnComplete() {
			if (this.headRead) {
				this.rest.tryEmitComplete();
				return;
			}
			this.rest.tryEmitComplete();
			emit(null);
		}

		@Override
		protected void hookOnError(Throwable failure) {
			if (this.headRead) {
				this.rest.tryEmitError(failure);
				return;
			}
			this.rest.tryEmitError(failure);
			emit(failure);
		}

		private void emit(@Nullable Throwable failure) {
			this.headRead = true;
			List<DataBuffer> buffers = new ArrayList<>(this.head.size());
			DataBuffer buffer;
			while ((buffer = this.head.poll()) != null) {
				buffers.add(buffer);
			}
			this.sink.success(new PeekedBody(this, buffers, (failure != null) ? "" : text(buffers), failure));
		}

		private String text(List<DataBuffer> buffers) {
			byte[] bytes = new byte[Math.min(this.size, this.limit)];
			ByteBuffer target = ByteBuffer.wrap(bytes);
			int offset = 0;
			for (DataBuffer buffer : buffers) {
				int count = Math.min(buffer.readableByteCount(), bytes.length - offset);
				if (count == 0) {
					break;
				}
				buffer.toByteBuffer(buffer.readPosition(), target, offset, count);
				offset += count;
			}
			return new String(bytes, this.charset);
		}

		/**
		 * Called when the exchange is cancelled before the head was read. Buffers already
		 * handed to a {@link PeekedBody} have left the queue and are released by it.
		 */
		void abort() {
			this.aborted = true;
			cancel();
			releaseHead();
		}

		private void releaseHead() {
			DataBuffer buffer;
			while ((buffer = this.head.poll()) != null) {
				DataBufferUtils.release(buffer);
			}
		}

	}

}
