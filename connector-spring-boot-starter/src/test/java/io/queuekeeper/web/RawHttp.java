package io.queuekeeper.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Requests written byte by byte to a server on loopback, and random {@code Cookie}
 * headers, for the tests that compare the adapters' reading of a request with the
 * server's own.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request, one byte per character as a browser sends Latin-1 and raw UTF-8
	 * bytes, and returns every byte of the answer; the request should ask the server to
	 * close the connection.
	 * @param port the server's port on loopback
	 * @param request the request, head and body
	 */
	public static byte[] exchange(int port, String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(bytes);
			return bytes.toByteArray();
		}
	}

	/**
	 * Returns the status of an answer and the lines of its body, split at {@code \n}.
	 */
	public static Response parse(byte[] answer) {
		String text = new String(answer, StandardCharsets.UTF_8);
		int status = Integer.parseInt(text.substring(9, 12));
		return new Response(status, text.substring(text.indexOf("\r\n\r\n") + 4).split("\n", -1));
	}

	/**
	 * Returns a {@code GET} request for the path with these {@code Cookie} headers, which
	 * closes the connection.
	 */
	public static String cookieRequest(String pathAndQuery, List<String> cookieHeaders) {
		StringBuilder request = new StringBuilder("GET ").append(pathAndQuery)
			.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
		for (String header : cookieHeaders) {
			request.append("Cookie: ").append(header).append("\r\n");
		}
		return request.append("\r\n").toString();
	}

	/**
	 * The {@code Cookie} headers of a random request: one, or in one request of four,
	 * two, each built by {@code header}.
	 */
	public static List<String> randomCookieHeaders(Random random, Function<Random, String> header) {
		List<String> headers = new ArrayList<>();
		int count = (random.nextInt(4) == 0) ? 2 : 1;
		for (int h = 0; h < count; h++) {
			headers.add(header.apply(random));
		}
		return headers;
	}

	/**
	 * A {@code Cookie} header of one to five cookies, each built from the given pieces:
	 * blanks around the name, usually {@code =} and up to three value pieces, and a
	 * separator after all but (sometimes) the last.
	 */
	public static String randomCookieHeader(Random random, String[] names, String[] blanks, String[] values,
			String[] separators) {
		StringBuilder header = new StringBuilder();
		int cookies = 1 + random.nextInt(5);
		for (int c = 0; c < cookies; c++) {
			header.append(pick(random, blanks)).append(pick(random, names)).append(pick(random, blanks));
			if (random.nextInt(6) > 0) {
				header.append('=').append(pick(random, blanks));
				int pieces = random.nextInt(4);
				for (int p = 0; p < pieces; p++) {
					header.append(pick(random, values));
				}
				header.append(pick(random, blanks));
			}
			if (c < cookies - 1 || random.nextBoolean()) {
				header.append(pick(random, separators));
			}
		}
		return header.toString();
	}

	/**
	 * An answer's status and the lines of its body.
	 *
	 * @param status the status code
	 * @param lines the body's lines
	 */
	public record Response(int status, String[] lines) {

	}

	/**
	 * What a test servlet or handler answered about one cookie: the adapter's value and
	 * then the container's own, each as {@code =value}, {@code null}, or {@code !} and
	 * the exception, and whether the adapter asked the container. Its body holds them in
	 * that order, one per line.
	 *
	 * @param status the status code; the other fields are only read for 200
	 * @param container the container's answer
	 * @param ours the adapter's answer
	 * @param asked whether the adapter asked the container
	 */
	public record CookieAnswers(int status, @Nullable String container, @Nullable String ours, boolean asked) {

		/**
		 * A cookie value as the handlers write it in their answer: {@code =value}, or
		 * {@code null} when there is none.
		 */
		public static String encode(@Nullable String value) {
			return (value != null) ? "=" + value : "null";
		}

		public static CookieAnswers parse(byte[] answer) {
			Response response = RawHttp.parse(answer);
			if (response.status() != 200) {
				return new CookieAnswers(response.status(), null, null, false);
			}
			String[] lines = response.lines();
			return new CookieAnswers(response.status(), lines[1], lines[0], "asked".equals(lines[2]));
		}

	}

	private static String pick(Random random, String[] choices) {
		return choices[random.nextInt(choices.length)];
	}

}
