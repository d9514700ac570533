/**
 * Helpers shared by the engine's packages. Not API: anything here may change without
 * notice.
 */
@NullMarked
package io.queuekeeper.core.internal;

import org.jspecify.annotations.NullMarked;
