/**
 * What both web stacks share: {@link io.queuekeeper.web.QueueProtected}, the registry of
 * events defined in code, the web-level settings, and the
 * {@link io.queuekeeper.web.QueueItGate} through which every decision passes. Nothing
 * here uses servlet or reactive types.
 */
@NullMarked
package io.queuekeeper.web;

import org.jspecify.annotations.NullMarked;
