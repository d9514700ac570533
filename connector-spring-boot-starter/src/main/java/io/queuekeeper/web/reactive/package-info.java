/**
 * The WebFlux adapters: a {@code WebFilter} that applies the engine's decision to
 * reactive requests without blocking, with the argument resolver and start-up check that
 * support it, and the integration-config push endpoint.
 */
@NullMarked
package io.queuekeeper.web.reactive;

import org.jspecify.annotations.NullMarked;
