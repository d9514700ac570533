/**
 * NoQ RoomQ as a second waiting-room provider:
 * {@link io.queuekeeper.core.roomq.RoomQConnector} decides from the HS256 ticket in the
 * {@code noq_t} parameter or the {@code be_roomq_t_{room}} cookie whether a visitor
 * enters or goes to RoomQ's ticket issuer. Everything here is local: no network, no
 * threads.
 */
@NullMarked
package io.queuekeeper.core.roomq;

import org.jspecify.annotations.NullMarked;
