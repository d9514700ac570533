/**
 * Compiled triggers: validators, operators and the per-request values they compare.
 */
@NullMarked
package io.queuekeeper.core.rules;

import org.jspecify.annotations.NullMarked;
