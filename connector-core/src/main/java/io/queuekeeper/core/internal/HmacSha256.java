package io.queuekeeper.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 keyed with the customer's secret, as lower-case hex. Each thread uses its
 * own {@link Mac}, initialised once, because a {@code Mac} is not thread-safe and
 * {@link Mac#getInstance(String)} per call is slow.
 */
public final class HmacSha256 {

	private static final String ALGORITHM = "HmacSHA256";

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final int HEX_LENGTH = 64;

	private final ThreadLocal<Message> messages;

	/**
	 * Creates a signer for the given key.
	 * @param secretKey the secret; its bytes are copied
	 * @throws IllegalStateException if the JDK offers no HMAC-SHA256, which is never
	 * silently turned into an empty signature
	 */
	public HmacSha256(String secretKey) {
		byte[] keyBytes = secretKey.getBytes(StandardCharsets.UTF_8);
		SecretKeySpec key = new SecretKeySpec(keyBytes, ALGORITHM);
		Arrays.fill(keyBytes, (byte) 0);
		Mac prototype = newMac(key);
		this.messages = ThreadLocal.withInitial(() -> new Message(cloneOf(prototype, key)));
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", ex);
		}
	}

	private static Mac cloneOf(Mac prototype, SecretKeySpec key) {
		try {
			synchronized (prototype) {
				return (Mac) prototype.clone();
			}
		}
		catch (CloneNotSupportedException ex) {
			return newMac(key);
		}
	}

	/**
	 * Returns the lower-case hex HMAC of the UTF-8 bytes of the message.
	 */
	public String hex(String message) {
		Message signed = message().append(message);
		StringBuilder hex = new StringBuilder(HEX_LENGTH);
		signed.appendHexTo(hex);
		return hex.toString();
	}

	/**
	 * Starts a message to sign. The message belongs to the calling thread and is reused
	 * by its next call, so it must be signed before this method is called again.
	 */
	public Message message() {
		Message message = this.messages.get();
		message.reset();
		return message;
	}

	/**
	 * Compares two ASCII strings in time that does not depend on where they differ.
	 */
	public static boolean constantTimeEquals(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A message built from pieces and signed without intermediate strings. The bytes
	 * signed are always the UTF-8 bytes of the concatenated pieces: ASCII pieces are
	 * copied as they are, and once a piece holds anything else the message is kept as
	 * text and encoded as a whole, so that surrogate pairs split between pieces encode
	 * exactly as in the concatenated string.
	 */
	public static final class Message {

		private final Mac mac;

		private final byte[] digest = new byte[32];

		private final char[] hex = new char[HEX_LENGTH];

		private byte[] bytes = new byte[128];

		private int length;

		private @Nullable StringBuilder text;

		Message(Mac mac) {
			this.mac = mac;
		}

		void reset() {
			this.length = 0;
			this.text = null;
		}

		/**
		 * Appends a whole string.
		 */
		public Message append(String value) {
			return append(value, 0, value.length());
		}

		/**
		 * Appends the characters {@code from} (inclusive) to {@code to} (exclusive).
		 */
		public Message append(String value, int from, int to) {
			if (this.text != null) {
				this.text.append(value, from, to);
				return this;
			}
			ensureCapacity(to - from);
			byte[] out = this.bytes;
			int n = this.length;
			for (int i = from; i < to; i++) {
				char c = value.charAt(i);
				if (c >= 0x80) {
					this.length = n;
					toText().append(value, i, to);
					return this;
				}
				out[n++] = (byte) c;
			}
			this.length = n;
			return this;
		}

		/**
		 * Appends the decimal digits of a non-negative number.
		 */
		public Message append(long value) {
			if (value < 0) {
				return append(Long.toString(value));
			}
			if (this.text != null) {
				this.text.append(value);
				return this;
			}
			int digits = 1;
			for (long rest = value / 10; rest != 0; rest /= 10) {
				digits++;
			}
			ensureCapacity(digits);
			long rest = value;
			for (int i = this.length + digits - 1; i >= this.length; i--) {
				this.bytes[i] = (byte) ('0' + (rest % 10));
				rest /= 10;
			}
			this.length += digits;
			return this;
		}

		private StringBuilder toText() {
			StringBuilder builder = new StringBuilder(this.length + 64);
			for (int i = 0; i < this.length; i++) {
				builder.append((char) this.bytes[i]);
			}
			this.text = builder;
			return builder;
		}

		private void ensureCapacity(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(2 * this.bytes.length, this.length + more));
			}
		}

		private void sign() {
			try {
				if (this.text != null) {
					this.mac.update(this.text.toString().getBytes(StandardCharsets.UTF_8));
				}
				else {
					this.mac.update(this.bytes, 0, this.length);
				}
				this.mac.doFinal(this.digest, 0);
			}
			catch (ShortBufferException ex) {
				throw new IllegalStateException("HMAC-SHA256 digest is not 32 bytes", ex);
			}
		}

		/**
		 * Signs the message and returns a copy of the 32-byte signature.
		 */
		public byte[] signature() {
			sign();
			return this.digest.clone();
		}

		/**
		 * Signs the message and appends the lower-case hex signature.
		 */
		public void appendHexTo(StringBuilder out) {
			sign();
			char[] hex = this.hex;
			for (int i = 0; i < this.digest.length; i++) {
				int b = this.digest[i];
				hex[2 * i] = HEX[(b >> 4) & 0xF];
				hex[2 * i + 1] = HEX[b & 0xF];
			}
			out.append(hex, 0, HEX_LENGTH);
		}

		/**
		 * Signs the message and tells whether the characters {@code from} to {@code to}
		 * of the text are its lower-case hex signature, in time that does not depend on
		 * where they differ.
		 */
		public boolean signatureEquals(String text, int from, int to) {
			return signatureEquals(text, from, to, false);
		}

		/**
		 * Like {@link #signatureEquals(String, int, int)}, but ASCII upper-case hex
		 * digits are accepted too.
		 */
		public boolean signatureEqualsIgnoringCase(String text, int from, int to) {
			return signatureEquals(text, from, to, true);
		}

		private boolean signatureEquals(String text, int from, int to, boolean ignoreCase) {
			sign();
			if (to - from != HEX_LENGTH) {
				return false;
			}
			int difference = 0;
			for (int i = 0; i < this.digest.length; i++) {
				int b = this.digest[i];
				difference |= lower(text.charAt(from + 2 * i), ignoreCase) ^ HEX[(b >> 4) & 0xF];
				difference |= lower(text.charAt(from + 2 * i + 1), ignoreCase) ^ HEX[b & 0xF];
			}
			return difference == 0;
		}

		private static int lower(char c, boolean ignoreCase) {
			return (ignoreCase && c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
		}

	}

}
