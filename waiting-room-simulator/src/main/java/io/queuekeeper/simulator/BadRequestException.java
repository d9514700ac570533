package io.queuekeeper.simulator;

/**
 * A request the simulator refuses; the message is shown to the visitor, HTML-escaped.
 */
final class BadRequestException extends RuntimeException {

	private final int status;

	BadRequestException(String message) {
		this(400, message);
	}

	BadRequestException(int status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	int status() {
		return this.status;
	}

}
