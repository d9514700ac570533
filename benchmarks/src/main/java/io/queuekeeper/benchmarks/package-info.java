/**
 * JMH benchmarks of the connector-core engine. Not API: nothing here is published.
 */
@NullMarked
package io.queuekeeper.benchmarks;

import org.jspecify.annotations.NullMarked;
