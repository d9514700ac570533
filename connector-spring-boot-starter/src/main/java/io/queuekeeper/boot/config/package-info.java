/**
 * Where the integration config comes from: a file or classpath resource loaded at
 * start-up.
 */
@NullMarked
package io.queuekeeper.boot.config;

import org.jspecify.annotations.NullMarked;
