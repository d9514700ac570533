/**
 * The KnownUser v3 engine: {@link io.queuekeeper.core.QueueConnector} decides, for one
 * request, whether the visitor continues, goes to the waiting room, or is sent to a
 * cancel or error page, and returns that as a {@link io.queuekeeper.core.Decision}.
 */
@NullMarked
package io.queuekeeper.core;

import org.jspecify.annotations.NullMarked;
