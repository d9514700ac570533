/**
 * What both web stacks share: {@link io.queuekeeper.web.QueueProtected}, the registry of
 * events defined in code, and the web-level settings.
 */
@NullMarked
package io.queuekeeper.web;

import org.jspecify.annotations.NullMarked;
