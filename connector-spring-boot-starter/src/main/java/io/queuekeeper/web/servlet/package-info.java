/**
 * The Spring MVC adapter: a {@code HandlerInterceptor} that applies the engine's decision
 * to servlet requests, with the body filter and argument resolver that support it.
 */
@NullMarked
package io.queuekeeper.web.servlet;

import org.jspecify.annotations.NullMarked;
