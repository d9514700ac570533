/**
 * Auto-configuration of the WebFlux adapter.
 */
@NullMarked
package io.queuekeeper.boot.autoconfigure.web.reactive;

import org.jspecify.annotations.NullMarked;
