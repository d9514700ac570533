/**
 * Enqueue tokens (QueueToken V1, {@code QT1}): short-lived signed tokens that the
 * connector adds to queue redirects so that the waiting room can bind a visitor to a key,
 * an IP address or custom data. {@link io.queuekeeper.core.enqueue.EnqueueTokenCodec}
 * writes and reads the format; {@link io.queuekeeper.core.enqueue.EnqueueTokenPolicy}
 * tells the engine when to issue one.
 */
@NullMarked
package io.queuekeeper.core.enqueue;

import org.jspecify.annotations.NullMarked;
