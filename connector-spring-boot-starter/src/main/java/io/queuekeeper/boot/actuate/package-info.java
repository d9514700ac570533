/**
 * Actuator support of the Queue-it connector: the {@code queueit} endpoint and the health
 * contributor.
 */
@NullMarked
package io.queuekeeper.boot.actuate;

import org.jspecify.annotations.NullMarked;
