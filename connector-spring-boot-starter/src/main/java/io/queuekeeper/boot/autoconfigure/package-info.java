/**
 * Auto-configuration of the Queue-it connector: the engine, its properties and the
 * integration config source.
 */
@NullMarked
package io.queuekeeper.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
