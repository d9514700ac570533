/**
 * A local stand-in for the Queue-it side of the KnownUser protocol: the waiting room
 * pages, the GO platform's integration config endpoint and the push call towards a
 * connector. It is meant for development and tests on loopback, never for production.
 */
@NullMarked
package io.queuekeeper.simulator;

import org.jspecify.annotations.NullMarked;
