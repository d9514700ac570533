/**
 * A small shop that shows every way the starter protects an application, running against
 * the local waiting room by default.
 */
@NullMarked
package io.queuekeeper.sample;

import org.jspecify.annotations.NullMarked;
