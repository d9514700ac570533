package io.queuekeeper.boot.roomq;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

/**
 * Collects a response body up to a size limit and fails beyond it, so that a broken or
 * hostile server cannot make the application buffer without bound.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

	private final int limit;

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private Flow.@Nullable Subscription subscription;

	LimitedBodySubscriber(int limit) {
		this.limit = limit;
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		if (this.result.isDone()) {
			return;
		}
		for (ByteBuffer buffer : buffers) {
			if (this.body.size() + buffer.remaining() > this.limit) {
				this.result
					.completeExceptionally(new IOException("Response body larger than " + this.limit + " bytes"));
				if (this.subscription != null) {
					this.subscription.cancel();
				}
				return;
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
		this.result.complete(this.body.toByteArray());
	}

}
