package io.queuekeeper.core.testing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Builds session cookie values (spec 3.2):
 * {@code EventId=…&QueueId=…[&FixedValidityMins=…]&RedirectType=…&IssueTime=…&Hash=…}
 * with
 * {@code Hash = HMAC(EventId + QueueId + FixedValidityMins + RedirectType + IssueTime)}
 * computed by {@link Encoding#hmacHex}, independently of the engine. Fields can be
 * changed after signing to build tampered cookies.
 */
public final class CookieMaker {

	private String eventId = Vectors.EVENT;

	private String queueId = Vectors.QID;

	private @Nullable String fixedValidityMinutes;

	private String redirectType = "queue";

	private String issueTime = Long.toString(Vectors.NOW);

	private final List<String> extraPairs = new ArrayList<>();

	private @Nullable String hash;

	private CookieMaker() {
	}

	/**
	 * Starts the TV-12 cookie: {@link Vectors#EVENT}, {@link Vectors#QID}, redirect type
	 * {@code queue}, issued at {@link Vectors#NOW}.
	 */
	public static CookieMaker cookie() {
		return new CookieMaker();
	}

	public CookieMaker eventId(String eventId) {
		this.eventId = eventId;
		return this;
	}

	public CookieMaker queueId(String queueId) {
		this.queueId = queueId;
		return this;
	}

	public CookieMaker fixedValidityMinutes(@Nullable String minutes) {
		this.fixedValidityMinutes = minutes;
		return this;
	}

	public CookieMaker redirectType(String redirectType) {
		this.redirectType = redirectType;
		return this;
	}

	public CookieMaker issueTime(long epochSeconds) {
		return issueTime(Long.toString(epochSeconds));
	}

	public CookieMaker issueTime(String issueTime) {
		this.issueTime = issueTime;
		return this;
	}

	/**
	 * Adds a pair that is not part of the signature, written before {@code Hash}.
	 */
	public CookieMaker extra(String key, String value) {
		this.extraPairs.add(key + "=" + value);
		return this;
	}

	/**
	 * Uses this hash instead of the computed one.
	 */
	public CookieMaker hash(String hash) {
		this.hash = hash;
		return this;
	}

	/**
	 * Returns the signature of the current fields.
	 */
	public String computedHash() {
		String fixed = (this.fixedValidityMinutes != null) ? this.fixedValidityMinutes : "";
		return Encoding.hmacHex(Vectors.SECRET,
				this.eventId + this.queueId + fixed + this.redirectType + this.issueTime);
	}

	/**
	 * Signs the current fields now; later changes to fields keep this hash (tampering).
	 */
	public CookieMaker signNow() {
		this.hash = computedHash();
		return this;
	}

	/**
	 * Returns the cookie value before transport encoding.
	 */
	public String value() {
		StringBuilder value = new StringBuilder();
		value.append("EventId=").append(this.eventId).append("&QueueId=").append(this.queueId);
		if (this.fixedValidityMinutes != null) {
			value.append("&FixedValidityMins=").append(this.fixedValidityMinutes);
		}
		value.append("&RedirectType=").append(this.redirectType).append("&IssueTime=").append(this.issueTime);
		for (String pair : this.extraPairs) {
			value.append('&').append(pair);
		}
		value.append("&Hash=").append((this.hash != null) ? this.hash : computedHash());
		return value.toString();
	}

	/**
	 * Returns the value as it travels in the {@code Cookie} header (URLEncoder).
	 */
	public String wire() {
		return Encoding.form(value());
	}

}
