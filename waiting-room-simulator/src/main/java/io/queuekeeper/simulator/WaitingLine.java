package io.queuekeeper.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The visitors in line, per event. Each visitor's turn comes one outflow interval after
 * the later of their arrival and the previous visitor's turn, so a line drains at the
 * configured number of visitors per minute.
 */
final class WaitingLine {

	static final int MAX_TICKETS = 10_000;

	private static final Duration KEEP_ADMITTED = Duration.ofHours(1);

	private final Map<String, Ticket> tickets = new HashMap<>();

	private final Map<String, Instant> lastTurn = new HashMap<>();

	private Duration interval;

	WaitingLine(int outflowPerMinute) {
		this.interval = interval(outflowPerMinute);
	}

	static Duration interval(int outflowPerMinute) {
		if (outflowPerMinute < 1 || outflowPerMinute > WaitingRoomSimulator.MAX_OUTFLOW) {
			throw new IllegalArgumentException("outflow must be between 1 and " + WaitingRoomSimulator.MAX_OUTFLOW
					+ " visitors per minute, was " + outflowPerMinute);
		}
		return Duration.ofNanos(60_000_000_000L / outflowPerMinute);
	}

	synchronized void outflow(int outflowPerMinute) {
		this.interval = interval(outflowPerMinute);
	}

	/**
	 * Puts a new visitor at the end of the line, or returns {@code null} when the line is
	 * full.
	 */
	synchronized @Nullable Ticket join(String eventId, String target, Instant now) {
		if (this.tickets.size() >= MAX_TICKETS) {
			Instant oldest = now.minus(KEEP_ADMITTED);
			this.tickets.values().removeIf((ticket) -> ticket.turnAt().isBefore(oldest));
			if (this.tickets.size() >= MAX_TICKETS) {
				return null;
			}
		}
		Instant previous = this.lastTurn.get(eventId);
		Instant start = (previous == null || previous.isBefore(now)) ? now : previous;
		Ticket ticket = new Ticket(UUID.randomUUID().toString(), eventId, target, now, start.plus(this.interval));
		this.tickets.put(ticket.queueId(), ticket);
		this.lastTurn.put(eventId, ticket.turnAt());
		return ticket;
	}

	synchronized @Nullable Ticket find(String queueId) {
		return this.tickets.get(queueId);
	}

	synchronized boolean leave(String queueId) {
		return this.tickets.remove(queueId) != null;
	}

	/**
	 * Returns the visitor's place among those of the same event still waiting: 1 is next.
	 */
	synchronized int position(Ticket ticket, Instant now) {
		int position = 0;
		for (Ticket other : this.tickets.values()) {
			if (other.eventId().equals(ticket.eventId()) && other.turnAt().isAfter(now)
					&& !other.turnAt().isAfter(ticket.turnAt())) {
				position++;
			}
		}
		return Math.max(position, 1);
	}

	/**
	 * One visitor's place in line.
	 *
	 * @param queueId the visitor's queue id
	 * @param eventId the event
	 * @param target where the visitor goes when their turn comes
	 * @param joinedAt when they joined
	 * @param turnAt when their turn comes
	 */
	record Ticket(String queueId, String eventId, String target, Instant joinedAt, Instant turnAt) {

		boolean admitted(Instant now) {
			return !this.turnAt.isAfter(now);
		}

	}

}
