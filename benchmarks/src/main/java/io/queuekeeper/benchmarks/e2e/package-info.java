/**
 * End-to-end overhead benchmark: a Spring Boot application on loopback driven by
 * {@code wrk}. Not API: nothing here is published.
 */
@NullMarked
package io.queuekeeper.benchmarks.e2e;

import org.jspecify.annotations.NullMarked;
