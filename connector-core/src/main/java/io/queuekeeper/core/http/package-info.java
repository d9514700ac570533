/**
 * How the engine reads a request and describes the response: the request view that each
 * web stack adapts, and the cookie and header instructions that the adapters apply.
 */
@NullMarked
package io.queuekeeper.core.http;

import org.jspecify.annotations.NullMarked;
