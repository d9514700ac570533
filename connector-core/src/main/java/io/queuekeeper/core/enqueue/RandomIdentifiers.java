package io.queuekeeper.core.enqueue;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Random (version 4) UUIDs for token identifiers and keys, from a deterministic random
 * bit generator ({@code DRBG}) that is seeded when this object is created.
 * {@link UUID#randomUUID()} reads {@code /dev/urandom} through a file stream on Linux,
 * which is a blocking call on a reactive event loop; after its seeding, this generator
 * does no I/O. Create it at start-up, not on a request thread. It is thread-safe.
 *
 * @since 0.1.0
 */
public final class RandomIdentifiers implements Supplier<UUID> {

	private final SecureRandom random;

	/**
	 * Creates and seeds a generator.
	 * @throws IllegalStateException if the JDK has no {@code DRBG} (every JDK since 9
	 * has)
	 */
	public RandomIdentifiers() {
		try {
			this.random = SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK offers no DRBG SecureRandom", ex);
		}
		// Seeds it now, on the caller's thread.
		this.random.nextBytes(new byte[16]);
	}

	@Override
	public UUID get() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		return new UUID(buffer.getLong(), buffer.getLong());
	}

}
