/**
 * The optional RoomQ remote operations (extend, leave, serving lookup, backend
 * discovery), non-blocking and bounded by timeouts, kept off the request path.
 */
@NullMarked
package io.queuekeeper.boot.roomq;

import org.jspecify.annotations.NullMarked;
