package io.queuekeeper.benchmarks.e2e;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import io.queuekeeper.benchmarks.e2e.Scenarios.Scenario;

/**
 * Reads what the starter adds to a request's latency where {@code wrk} cannot: on a host
 * whose pauses last far longer than the starter's work, a run of one scenario and a run
 * of another meet different pauses, and their tails differ by more than the starter costs
 * (a p99 of 0.4 ms in one run, 90 ms in the next, for the same requests).
 *
 * <p>
 * Here a scenario's requests and the baseline's are interleaved one by one, each scenario
 * on keep-alive connections of its own, and each request is sent only when the one before
 * it has been answered. A pause of the host therefore falls on both alike, and no request
 * waits behind another, so each latency is the time from the request's first byte written
 * to the response's last byte read: the application's service time and the loopback's.
 * The client runs in the harness's JVM; its own pauses fall on both alike too.
 */
final class PairedLatency {

	private static final int TIMEOUT_MILLIS = 10_000;

	/**
	 * Connections of each scenario, used in turn. A connection stays on one thread of a
	 * Reactor Netty server, and on this host each thread waits for a core differently, so
	 * a scenario on one connection reads its thread as much as the application.
	 */
	static final int CONNECTIONS = 8;

	private PairedLatency() {
	}

	/**
	 * Sends the baseline's and the scenario's requests {@code steps} times each,
	 * interleaved as ABBA ABBA..., so that each is preceded as often by a request of its
	 * own kind as by one of the other, and returns both scenarios' latencies in
	 * nanoseconds, sorted, the baseline's first. Stops early, after a pair, when
	 * {@code limit} has passed.
	 * @throws IllegalStateException if a response does not have the scenario's status
	 */
	static long[][] measure(Scenario baseline, Scenario scenario, int steps, Duration limit) throws IOException {
		Connection[][] connections = new Connection[2][CONNECTIONS];
		try {
			for (int kind = 0; kind < 2; kind++) {
				// Opened one after the other, so that each scenario's connections meet
				// every event loop of a server that hands connections to its loops in
				// turn (Reactor Netty), as long as the number of its loops divides
				// theirs.
				for (int i = 0; i < CONNECTIONS; i++) {
					connections[kind][i] = new Connection((kind == 0) ? baseline : scenario);
				}
			}
			long[][] latencies = new long[2][steps];
			long deadline = System.nanoTime() + limit.toNanos();
			int done = 0;
			while (done < steps && System.nanoTime() - deadline < 0) {
				int first = done % 2;
				Connection one = connections[first][done % CONNECTIONS];
				Connection other = connections[1 - first][done % CONNECTIONS];
				latencies[first][done] = one.exchange();
				latencies[1 - first][done] = other.exchange();
				done++;
			}
			for (int i = 0; i < latencies.length; i++) {
				latencies[i] = Arrays.copyOf(latencies[i], done);
				Arrays.sort(latencies[i]);
			}
			return latencies;
		}
		finally {
			for (Connection[] kind : connections) {
				for (Connection connection : kind) {
					if (connection != null) {
						connection.close();
					}
				}
			}
		}
	}

	/**
	 * The value at quantile {@code q} of sorted values (nearest rank), in microseconds.
	 */
	static double quantileMicros(long[] sorted, double q) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(q * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1000.0;
	}

	/**
	 * One keep-alive HTTP/1.1 connection that sends one scenario's request, opened again
	 * when the server closes it (Tomcat closes a connection after 100 requests by
	 * default), outside the time measured.
	 */
	static final class Connection implements AutoCloseable {

		private final Scenario scenario;

		private final InetSocketAddress address;

		private final byte[] request;

		private Socket socket;

		private OutputStream out;

		private InputStream in;

		Connection(Scenario scenario) throws IOException {
			this.scenario = scenario;
			URI uri = URI.create(scenario.url());
			this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
			String target = (uri.getRawQuery() != null) ? uri.getRawPath() + "?" + uri.getRawQuery() : uri.getRawPath();
			StringBuilder request = new StringBuilder().append("GET ")
				.append(target)
				.append(" HTTP/1.1\r\nHost: ")
				.append(uri.getHost())
				.append(':')
				.append(uri.getPort())
				.append("\r\n");
			if (scenario.cookie() != null) {
				request.append("Cookie: ").append(scenario.cookie()).append("\r\n");
			}
			this.request = request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
			open();
		}

		private void open() throws IOException {
			this.socket = new Socket();
			this.socket.setTcpNoDelay(true);
			this.socket.setSoTimeout(TIMEOUT_MILLIS);
			this.socket.connect(this.address, TIMEOUT_MILLIS);
			this.out = this.socket.getOutputStream();
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
		}

		/**
		 * Sends the request, reads the whole response and returns the nanoseconds in
		 * between.
		 */
		long exchange() throws IOException {
			long start = System.nanoTime();
			this.out.write(this.request);
			this.out.flush();
			Response response = Response.read(this.in);
			long elapsed = System.nanoTime() - start;
			if (response.status() != this.scenario.expectedStatus()) {
				throw new IllegalStateException(String.format(Locale.ROOT, "%s: expected %d but got %d",
						this.scenario.name(), this.scenario.expectedStatus(), response.status()));
			}
			if (response.closes()) {
				close();
				open();
			}
			return elapsed;
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	/**
	 * What the client needs of a response: its status and whether the server closes the
	 * connection after it. Reading it consumes the whole response, body included, framed
	 * by {@code Content-Length} or chunked transfer coding; a response with neither is
	 * taken to have no body, as the benchmark applications frame every body they send.
	 */
	record Response(int status, boolean closes) {

		static Response read(InputStream in) throws IOException {
			String statusLine = line(in);
			String[] status = statusLine.split(" ", 3);
			if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
				throw new IOException("not an HTTP/1.x status line: " + statusLine);
			}
			long contentLength = -1;
			boolean chunked = false;
			boolean closes = status[0].equals("HTTP/1.0");
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				int colon = header.indexOf(':');
				if (colon < 0) {
					throw new IOException("malformed header line: " + header);
				}
				String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
				switch (name) {
					case "content-length" -> contentLength = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.endsWith("chunked");
					case "connection" -> closes = value.contains("close");
					default -> {
					}
				}
			}
			if (chunked) {
				for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
					skip(in, size);
					line(in);
				}
				// Trailer fields, if any, end with an empty line.
				while (!line(in).isEmpty()) {
					// skipped
				}
			}
			else if (contentLength > 0) {
				skip(in, contentLength);
			}
			return new Response(Integer.parseInt(status[1]), closes);
		}

		private static long chunkSize(InputStream in) throws IOException {
			String line = line(in);
			int extension = line.indexOf(';');
			return Long.parseLong((extension >= 0) ? line.substring(0, extension).trim() : line.trim(), 16);
		}

		private static void skip(InputStream in, long count) throws IOException {
			for (long left = count; left > 0;) {
				long skipped = in.skip(left);
				if (skipped <= 0) {
					if (in.read() < 0) {
						throw new IOException("connection closed in a response body");
					}
					skipped = 1;
				}
				left -= skipped;
			}
		}

		/** Reads a line ended by CRLF (or LF), without the ending. */
		private static String line(InputStream in) throws IOException {
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new IOException("connection closed in a response");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

	}

}
