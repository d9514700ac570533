package io.queuekeeper.web.servlet;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Lets the connector look at the start of the request body without taking it away from
 * the application. The first {@link #peek()} reads at most {@code limit} bytes and keeps
 * them; {@link #getInputStream()} and {@link #getReader()} then replay those bytes
 * followed by the rest of the original stream.
 *
 * <p>
 * Form posts are not read from the stream (the container parses them from its own
 * stream); the body is rebuilt from the parameters instead, leaving out the values that
 * came from the query string. When a filter read the body before the interceptor (as
 * Spring's {@code FormContentFilter} does for PUT and PATCH forms), the first
 * {@code limit} bytes it read are kept and used. Multipart bodies are never read and look
 * empty to body triggers.
 */
final class BodyPeekingRequestWrapper extends HttpServletRequestWrapper {

	private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

	private final int limit;

	private byte @Nullable [] peeked;

	private @Nullable String text;

	private @Nullable ServletInputStream stream;

	private @Nullable RecordingInputStream recording;

	private @Nullable BufferedReader reader;

	BodyPeekingRequestWrapper(HttpServletRequest request, int limit) {
		super(request);
		this.limit = limit;
	}

	/**
	 * Returns the start of the body as text, decoded with the request's charset (UTF-8
	 * when none is given).
	 */
	String peek() {
		if (this.text == null) {
			this.text = read();
		}
		return this.text;
	}

	private String read() {
		String contentType = getContentType();
		String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
		if (type.startsWith("multipart/")) {
			return "";
		}
		if (this.recording != null) {
			return new String(this.recording.recorded(), charset());
		}
		if (type.startsWith(FORM_CONTENT_TYPE) && "POST".equalsIgnoreCase(getMethod())) {
			return cut(formBody());
		}
		if (this.stream != null) {
			return "";
		}
		try {
			ServletInputStream original = super.getInputStream();
			ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.min(this.limit, 8192));
			byte[] chunk = new byte[Math.min(this.limit, 8192)];
			while (buffer.size() < this.limit) {
				int read = original.read(chunk, 0, Math.min(chunk.length, this.limit - buffer.size()));
				if (read < 0) {
					break;
				}
				buffer.write(chunk, 0, read);
			}
			this.peeked = buffer.toByteArray();
			return new String(this.peeked, charset());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the request body for a body trigger", ex);
		}
	}

	private String formBody() {
		Charset charset = charset();
		Map<String, Integer> queryValues = queryValueCounts();
		StringBuilder body = new StringBuilder();
		for (Map.Entry<String, String[]> parameter : getParameterMap().entrySet()) {
			String[] values = parameter.getValue();
			// The servlet spec puts query string values before body values; skip them.
			for (int i = queryValues.getOrDefault(parameter.getKey(), 0); i < values.length; i++) {
				if (body.length() > 0) {
					body.append('&');
				}
				body.append(URLEncoder.encode(parameter.getKey(), charset));
				body.append('=').append(URLEncoder.encode(values[i], charset));
				if (body.length() >= this.limit) {
					return body.toString();
				}
			}
		}
		return body.toString();
	}

	private Map<String, Integer> queryValueCounts() {
		String query = getQueryString();
		if (query == null || query.isEmpty()) {
			return Map.of();
		}
		Map<String, Integer> counts = new HashMap<>();
		for (String pair : query.split("&")) {
			if (!pair.isEmpty()) {
				int separator = pair.indexOf('=');
				String name = (separator >= 0) ? pair.substring(0, separator) : pair;
				try {
					counts.merge(URLDecoder.decode(name, StandardCharsets.UTF_8), 1, Integer::sum);
				}
				catch (IllegalArgumentException ex) {
					// Not a parameter the container could have decoded either
				}
			}
		}
		return counts;
	}

	private String cut(String body) {
		byte[] bytes = body.getBytes(charset());
		return (bytes.length <= this.limit) ? body : new String(Arrays.copyOf(bytes, this.limit), charset());
	}

	private Charset charset() {
		String encoding = getCharacterEncoding();
		try {
			return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.stream == null) {
			ServletInputStream original = super.getInputStream();
			if (this.peeked != null) {
				this.stream = (this.peeked.length > 0) ? new ReplayingInputStream(this.peeked, original) : original;
			}
			else {
				// Read before the interceptor peeked, e.g. by Spring's FormContentFilter
				// for
				// a PUT or PATCH form: keep the start of what goes by for body triggers.
				this.recording = new RecordingInputStream(original, this.limit);
				this.stream = this.recording;
			}
		}
		return this.stream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (this.reader == null) {
			this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset()));
		}
		return this.reader;
	}

	/**
	 * Passes the original stream through and keeps a copy of its first bytes.
	 */
	private static final class RecordingInputStream extends ServletInputStream {

		private final ServletInputStream original;

		private final ByteArrayOutputStream head;

		private final int limit;

		RecordingInputStream(ServletInputStream original, int limit) {
			this.original = original;
			this.limit = limit;
			this.head = new ByteArrayOutputStream(Math.min(limit, 8192));
		}

		byte[] recorded() {
			return this.head.toByteArray();
		}

		@Override
		public int read() throws IOException {
			int read = this.original.read();
			if (read >= 0 && this.head.size() < this.limit) {
				this.head.write(read);
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.original.read(buffer, offset, length);
			if (read > 0 && this.head.size() < this.limit) {
				this.head.write(buffer, offset, Math.min(read, this.limit - this.head.size()));
			}
			return read;
		}

		@Override
		public boolean isFinished() {
			return this.original.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.original.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.original.setReadListener(listener);
		}

	}

	/**
	 * Serves the peeked bytes, then the rest of the original stream.
	 */
	private static final class ReplayingInputStream extends ServletInputStream {

		private final byte[] head;

		private final ServletInputStream rest;

		private int position;

		ReplayingInputStream(byte[] head, ServletInputStream rest) {
			this.head = head;
			this.rest = rest;
		}

		@Override
		public int read() throws IOException {
			if (this.position < this.head.length) {
				return this.head[this.position++] & 0xFF;
			}
			return this.rest.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (this.position < this.head.length) {
				int count = Math.min(length, this.head.length - this.position);
				System.arraycopy(this.head, this.position, buffer, offset, count);
				this.position += count;
				return count;
			}
			return this.rest.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.position >= this.head.length && this.rest.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.position < this.head.length || this.rest.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			if (this.position < this.head.length) {
				throw new IllegalStateException(
						"Non-blocking reads are not available after the Queue-it connector peeked at the body");
			}
			this.rest.setReadListener(listener);
		}

	}

}
