/**
 * The integration config published in Queue-it GO: its compiled, immutable model, the
 * parser that builds it, and the provider SPI that hands out the current snapshot.
 */
@NullMarked
package io.queuekeeper.core.config;

import org.jspecify.annotations.NullMarked;
