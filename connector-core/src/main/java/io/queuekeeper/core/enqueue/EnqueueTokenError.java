package io.queuekeeper.core.enqueue;

/**
 * Why an enqueue token was refused.
 *
 * @since 0.1.0
 */
public enum EnqueueTokenError {

	/** Not a QT1 token: wrong structure, encoding, JSON, header type or payload. */
	MALFORMED,

	/** The signature does not match: tampered, or signed with another secret key. */
	SIGNATURE,

	/** Issued for another customer. */
	CUSTOMER,

	/** Issued for another event, or for none. */
	EVENT,

	/** Past its expiry. */
	EXPIRED,

	/** Issued further in the future than clock skew explains. */
	NOT_YET_VALID,

	/** Its payload does not carry the expected key. */
	KEY,

	/** Bound to another client IP address. */
	IP_ADDRESS,

	/** Bound to another {@code X-Forwarded-For} value. */
	FORWARDED_FOR

}
