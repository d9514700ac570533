/**
 * Micrometer meters of the Queue-it connector.
 */
@NullMarked
package io.queuekeeper.boot.metrics;

import org.jspecify.annotations.NullMarked;
