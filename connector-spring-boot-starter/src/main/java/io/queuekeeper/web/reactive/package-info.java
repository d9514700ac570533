/**
 * The WebFlux adapters.
 */
@NullMarked
package io.queuekeeper.web.reactive;

import org.jspecify.annotations.NullMarked;
