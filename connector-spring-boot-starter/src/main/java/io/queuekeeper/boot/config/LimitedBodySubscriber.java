package io.queuekeeper.boot.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a size limit and fails beyond it, so that a broken or
 * hostile server cannot make the application buffer without bound. Used for every remote
 * call of the starter (GO, RoomQ).
 *
 * @since 0.1.0
 */
public final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

	private final int limit;

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private boolean tooLarge;

	/**
	 * Creates a subscriber.
	 * @param limit the largest body accepted, in bytes
	 */
	public LimitedBodySubscriber(int limit) {
		this.limit = limit;
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		// Past the limit the rest is drained and dropped rather than cancelled: the
		// client reports a cancelled body as a plain I/O error, which would hide the
		// reason. The request timeout still bounds a body that never ends.
		for (ByteBuffer buffer : buffers) {
			if (this.tooLarge || this.body.size() + buffer.remaining() > this.limit) {
				this.tooLarge = true;
				buffer.position(buffer.limit());
				continue;
			}
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			this.body.write(bytes, 0, bytes.length);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		this.result.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		if (this.tooLarge) {
			this.result.completeExceptionally(new TooLargeException(this.limit));
		}
		else {
			this.result.complete(this.body.toByteArray());
		}
	}

	/**
	 * The body exceeded the limit.
	 */
	public static final class TooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		/**
		 * Creates the exception.
		 * @param limit the limit that was exceeded
		 */
		public TooLargeException(int limit) {
			super("Response body larger than " + limit + " bytes");
		}

	}

}
