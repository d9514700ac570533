package io.queuekeeper.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 (RFC 2104) keyed with the customer's secret, as lower-case hex.
 *
 * <p>
 * The two SHA-256 states that follow the key's inner and outer pad blocks are computed
 * once, when the signer is created; each signature starts from copies of them, so it
 * compresses three blocks for a cookie-sized message where {@link Mac} compresses five
 * (the pad blocks again on every call). The digests are the JDK's SHA-256, and the result
 * is the same as {@code Mac.getInstance("HmacSHA256")}'s, which the tests check for
 * arbitrary keys and messages. Where the JDK's SHA-256 cannot be copied (a provider whose
 * digest does not support {@link MessageDigest#clone()}), the signer falls back to a
 * {@code Mac}.
 *
 * <p>
 * Each thread signs with its own state, because neither a {@code MessageDigest} nor a
 * {@code Mac} is thread-safe.
 */
public final class HmacSha256 {

	private static final String ALGORITHM = "HmacSHA256";

	private static final String DIGEST = "SHA-256";

	private static final int BLOCK_LENGTH = 64;

	private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final int HEX_LENGTH = 64;

	/** Pieces at least this long are copied in bulk when they are ASCII. */
	private static final int BULK_LENGTH = 16;

	private final ThreadLocal<Message> messages;

	/**
	 * Creates a signer for the given key.
	 * @param secretKey the secret; its bytes are copied
	 * @throws IllegalArgumentException if the key is empty, which is never silently
	 * turned into a signature with no key
	 * @throws IllegalStateException if the JDK offers no HMAC-SHA256
	 */
	public HmacSha256(String secretKey) {
		this(secretKey, true);
	}

	/**
	 * Creates a signer that always signs with a {@link Mac}, as the public constructor
	 * does only when the JDK's SHA-256 cannot be copied, so that tests can check that
	 * fallback against the pad states.
	 * @param secretKey the secret, not empty; its bytes are copied
	 */
	static HmacSha256 withMac(String secretKey) {
		return new HmacSha256(secretKey, false);
	}

	private HmacSha256(String secretKey, boolean padStates) {
		if (secretKey.isEmpty()) {
			throw new IllegalArgumentException("The HMAC-SHA256 key must not be empty");
		}
		byte[] keyBytes = secretKey.getBytes(StandardCharsets.UTF_8);
		try {
			Pads pads = padStates ? Pads.of(keyBytes) : null;
			this.messages = (pads != null) ? ThreadLocal.withInitial(() -> new Message(pads.copy()))
					: macMessages(keyBytes);
		}
		finally {
			Arrays.fill(keyBytes, (byte) 0);
		}
	}

	private static ThreadLocal<Message> macMessages(byte[] keyBytes) {
		SecretKeySpec key = new SecretKeySpec(keyBytes, ALGORITHM);
		Mac prototype = newMac(key);
		return ThreadLocal.withInitial(() -> new Message(cloneOf(prototype, key)));
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

		private final @Nullable Pads pads;

		private final @Nullable Mac mac;

		private final byte[] digest = new byte[32];

		private final char[] hex = new char[HEX_LENGTH];

		private byte[] bytes = new byte[128];

		private int length;

		private @Nullable StringBuilder text;

		Message(Pads pads) {
			this.pads = pads;
			this.mac = null;
		}

		Message(Mac mac) {
			this.pads = null;
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
			int length = value.length();
			if (this.text == null && length >= BULK_LENGTH && !Character.isSurrogate(value.charAt(0))
					&& !Character.isSurrogate(value.charAt(length - 1))) {
				// An unpaired surrogate is among the bytes as the '?' that encoding the
				// whole message would write: neither end is a surrogate, so none can pair
				// with a neighbouring piece.
				byte[] utf8 = Strings.asciiBytes(value);
				if (utf8 != null) {
					ensureCapacity(length);
					System.arraycopy(utf8, 0, this.bytes, this.length, length);
					this.length += length;
					return this;
				}
			}
			return append(value, 0, length);
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
		 * Appends the bytes {@code from} (inclusive) to {@code to} (exclusive) of ASCII
		 * text, which are their own UTF-8 encoding.
		 */
		public Message append(byte[] ascii, int from, int to) {
			if (this.text != null) {
				for (int i = from; i < to; i++) {
					this.text.append((char) ascii[i]);
				}
				return this;
			}
			ensureCapacity(to - from);
			System.arraycopy(ascii, from, this.bytes, this.length, to - from);
			this.length += to - from;
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
			ensureCapacity(Strings.decimalLength(value));
			this.length = Strings.putDecimal(this.bytes, this.length, value);
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
			byte[] bytes = this.bytes;
			int length = this.length;
			if (this.text != null) {
				bytes = this.text.toString().getBytes(StandardCharsets.UTF_8);
				length = bytes.length;
			}
			if (this.pads != null) {
				this.pads.sign(bytes, length, this.digest);
				return;
			}
			try {
				this.mac.update(bytes, 0, length);
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
			out.append(signHex(), 0, HEX_LENGTH);
		}

		/**
		 * Signs the message and writes the 64 lower-case hex digits of the signature, as
		 * ASCII bytes, at {@code at}.
		 */
		public void writeHex(byte[] out, int at) {
			sign();
			for (int word = 0; word < HEX_LENGTH / Long.BYTES; word++) {
				LONGS.set(out, at + word * Long.BYTES, hexWord(this.digest, word));
			}
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

		/**
		 * Signs the message and tells whether the bytes {@code from} to {@code to} of
		 * ASCII text are its lower-case hex signature, in time that does not depend on
		 * where they differ.
		 */
		public boolean signatureEquals(byte[] ascii, int from, int to) {
			sign();
			if (to - from != HEX_LENGTH) {
				return false;
			}
			long difference = 0;
			for (int word = 0; word < HEX_LENGTH / Long.BYTES; word++) {
				difference |= (long) LONGS.get(ascii, from + word * Long.BYTES) ^ hexWord(this.digest, word);
			}
			return difference == 0;
		}

		private boolean signatureEquals(String text, int from, int to, boolean ignoreCase) {
			char[] hex = signHex();
			if (to - from != HEX_LENGTH) {
				return false;
			}
			int difference = 0;
			for (int i = 0; i < HEX_LENGTH; i++) {
				difference |= lower(text.charAt(from + i), ignoreCase) ^ hex[i];
			}
			return difference == 0;
		}

		/**
		 * Signs the message and returns its lower-case hex signature, in a buffer that
		 * the next signature overwrites.
		 */
		private char[] signHex() {
			sign();
			char[] hex = this.hex;
			for (int word = 0; word < HEX_LENGTH / Long.BYTES; word++) {
				long digits = hexWord(this.digest, word);
				for (int i = 0; i < Long.BYTES; i++) {
					hex[word * Long.BYTES + i] = (char) ((digits >>> (Byte.SIZE * i)) & 0xFF);
				}
			}
			return hex;
		}

		/**
		 * The lower-case hex digits of the four digest bytes of the given word, as the
		 * eight ASCII bytes of a little-endian long: each byte's high digit first, all
		 * eight computed at once.
		 */
		static long hexWord(byte[] digest, int word) {
			// Spread the four bytes to the even bytes of a long, then put each high
			// digit in the even byte and the low digit in the odd byte after it.
			long bytes = (int) INTS.get(digest, word * Integer.BYTES) & 0xFFFFFFFFL;
			bytes = (bytes | (bytes << 16)) & 0x0000FFFF0000FFFFL;
			bytes = (bytes | (bytes << 8)) & 0x00FF00FF00FF00FFL;
			long digits = ((bytes >>> 4) & 0x000F000F000F000FL) | ((bytes & 0x000F000F000F000FL) << 8);
			// Digits 10 to 15 (those that reach 16 when 6 is added) become 'a' to 'f'.
			long letters = ((digits + 0x0606060606060606L) >>> 4) & 0x0101010101010101L;
			return digits + 0x3030303030303030L + letters * ('a' - '0' - 10);
		}

		private static int lower(char c, boolean ignoreCase) {
			return (ignoreCase && c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
		}

	}

	/**
	 * The SHA-256 states after the key's inner and outer pad blocks, and the signing that
	 * starts from copies of them: {@code H((K ^ opad) || H((K ^ ipad) || m))}, where a
	 * key longer than a block is first replaced by its digest.
	 */
	static final class Pads {

		private final MessageDigest inner;

		private final MessageDigest outer;

		private Pads(MessageDigest inner, MessageDigest outer) {
			this.inner = inner;
			this.outer = outer;
		}

		/**
		 * Computes the pad states, or returns {@code null} when the JDK's SHA-256 cannot
		 * be copied.
		 */
		static @Nullable Pads of(byte[] key) {
			MessageDigest inner = sha256();
			MessageDigest outer = sha256();
			byte[] shortKey = (key.length > BLOCK_LENGTH) ? sha256().digest(key) : key;
			byte[] block = new byte[BLOCK_LENGTH];
			try {
				for (int i = 0; i < BLOCK_LENGTH; i++) {
					block[i] = (byte) (((i < shortKey.length) ? shortKey[i] : 0) ^ 0x36);
				}
				inner.update(block);
				for (int i = 0; i < BLOCK_LENGTH; i++) {
					block[i] = (byte) (((i < shortKey.length) ? shortKey[i] : 0) ^ 0x5c);
				}
				outer.update(block);
				Pads pads = new Pads(inner, outer);
				pads.copy();
				return pads;
			}
			catch (IllegalStateException ex) {
				return null;
			}
			finally {
				Arrays.fill(block, (byte) 0);
				if (shortKey != key) {
					Arrays.fill(shortKey, (byte) 0);
				}
			}
		}

		private static MessageDigest sha256() {
			try {
				return MessageDigest.getInstance(DIGEST);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", ex);
			}
		}

		/**
		 * Returns pads of the same key that one thread may sign with.
		 * @throws IllegalStateException if the digest cannot be copied
		 */
		Pads copy() {
			return new Pads(copyOf(this.inner), copyOf(this.outer));
		}

		private static MessageDigest copyOf(MessageDigest digest) {
			try {
				return (MessageDigest) digest.clone();
			}
			catch (CloneNotSupportedException ex) {
				throw new IllegalStateException("SHA-256 digest cannot be copied", ex);
			}
		}

		/**
		 * Writes the HMAC of the first {@code length} bytes to {@code out}, which holds
		 * 32 bytes.
		 */
		void sign(byte[] message, int length, byte[] out) {
			try {
				MessageDigest inner = copyOf(this.inner);
				inner.update(message, 0, length);
				inner.digest(out, 0, out.length);
				MessageDigest outer = copyOf(this.outer);
				outer.update(out);
				outer.digest(out, 0, out.length);
			}
			catch (DigestException ex) {
				throw new IllegalStateException("SHA-256 digest is not 32 bytes", ex);
			}
		}

	}

}
