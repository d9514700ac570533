/**
 * The {@code queueittoken} a visitor brings back from the waiting room, and the signed
 * session cookie that lets them browse afterwards.
 */
@NullMarked
package io.queuekeeper.core.token;

import org.jspecify.annotations.NullMarked;
