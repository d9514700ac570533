/**
 * Auto-configuration of the Spring MVC adapter.
 */
@NullMarked
package io.queuekeeper.boot.autoconfigure.web.servlet;

import org.jspecify.annotations.NullMarked;
