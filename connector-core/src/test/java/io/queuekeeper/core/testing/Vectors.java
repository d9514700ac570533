package io.queuekeeper.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.queuekeeper.core.ConnectorSettings;
import io.queuekeeper.core.QueueConnector;

/**
 * The common inputs and known answers of section 13 of the KnownUser v3 protocol
 * specification ({@code shared/spec/queueit-knownuser-protocol.md}). Values are copied
 * from the specification, never from the engine. URLs that carry {@code ver} are given
 * with the reference connector's {@code v3-java-3.7.0}; use {@link #withOurVersion} to
 * substitute ours.
 */
public final class Vectors {

	/** The 72-character secret key of the vectors. */
	public static final String SECRET = "3f2b1a5c-7d9e-4f10-8a2b-6c4d8e0f1a2b9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a";

	public static final String CUSTOMER = "ticketania";

	public static final String EVENT = "summersale";

	public static final String QUEUE_DOMAIN = "ticketania.queue-it.net";

	public static final String QID = "7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e";

	/** Token expiry of the valid vectors: 2030-01-01T00:00:00Z. */
	public static final long TS = 1893456000L;

	/** The "now" of the vectors, in epoch seconds. */
	public static final long NOW = 1700000000L;

	/** The reference connector's {@code ver}. */
	public static final String REFERENCE_VERSION = "v3-java-3.7.0";

	/** The target URL of TV-09 and TV-10. */
	public static final String TV09_TARGET = "https://shop.example.com/products?id=42&color=red~blue";

	public static final String TV01_KEY = "528f01d4-30f9-4753-95b3-2c8c33966abc";

	public static final String TV01_MESSAGE = "ts_1480593661~cv_10~ce_false~q_944c1f44-60dd-4e37-aabc-f3e4bb1c8895~c_customerid~e_eventid~rt_disabled";

	public static final String TV01 = "286a17fb82009d8556465b2f0880a8e5e9565b42490669f4b8f1b93b7d6ddd51";

	public static final String TV02 = "eea56ce827b37369656f502c5a418cce5959d078ef2993589274ed7b26828d8b";

	public static final String TV03 = "e_summersale~q_7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e~ts_1893456000~ce_true~rt_queue~h_a5213b3518755bf1bec172909ee6292764883afbb67b322d4d5b01462f93607f";

	public static final String TV04 = "e_summersale~q_7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e~ts_1893456000~ce_false~cv_20~rt_safetynet~h_282626aefd29cdbe97a7cf73d4ba7abf5bdfcaac4acb5c8fa229d32c2c662c73";

	/**
	 * TV-03 with {@code ce_true} changed to {@code ce_false}, hash kept: error
	 * {@code hash}.
	 */
	public static final String TV05 = "e_summersale~q_7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e~ts_1893456000~ce_false~rt_queue~h_a5213b3518755bf1bec172909ee6292764883afbb67b322d4d5b01462f93607f";

	/** TV-03 with its hash upper-cased: valid for Java. */
	public static final String TV06 = "e_summersale~q_7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e~ts_1893456000~ce_true~rt_queue~h_A5213B3518755BF1BEC172909EE6292764883AFBB67B322D4D5B01462F93607F";

	/** Signed for event {@code SummerSale}: valid for Java against {@code summersale}. */
	public static final String TV07 = "e_SummerSale~q_7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e~ts_1893456000~ce_true~rt_queue~h_da1c3823f94b8416c913437827320c3fa1986484ffbbab432dd3a68781742065";

	/** Expired ({@code ts_1600000000}): error {@code timestamp}. */
	public static final String TV08 = "e_summersale~q_7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e~ts_1600000000~ce_true~rt_queue~h_b3d823fa14b09a9a8f4f715571447fbb1ce552878277c03314545992ee2cb570";

	public static final String TV09 = "https://ticketania.queue-it.net/?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Summer%20Sale%20%28main%29&cid=en-US&l=Christmas%20Layout%20by%20Queue-it&t=https%3A%2F%2Fshop.example.com%2Fproducts%3Fid%3D42%26color%3Dred%7Eblue";

	public static final String TV10 = "https://ticketania.queue-it.net/error/hash/?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Summer%20Sale%20%28main%29&cid=en-US&l=Christmas%20Layout%20by%20Queue-it&queueittoken=e_summersale~q_7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e~ts_1893456000~ce_false~rt_queue~h_a5213b3518755bf1bec172909ee6292764883afbb67b322d4d5b01462f93607f&ts=1700000000&t=https%3A%2F%2Fshop.example.com%2Fproducts%3Fid%3D42%26color%3Dred%7Eblue";

	public static final String TV11 = "https://ticketania.queue-it.net/cancel/ticketania/summersale/7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e?c=ticketania&e=summersale&ver=v3-java-3.7.0&cver=7&man=Cancel%20Action&r=https%3A%2F%2Fshop.example.com%2Fcancel%3Fx%3D1";

	/** Session cookie value, no fixed validity, IssueTime {@link #NOW}. */
	public static final String TV12 = "EventId=summersale&QueueId=7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e&RedirectType=queue&IssueTime=1700000000&Hash=d2bd6cfcd6bdedaa3cdc5bd6b5ad1dca45a703439ac26f8f60bab09771c4b621";

	public static final String TV12_HASH = "d2bd6cfcd6bdedaa3cdc5bd6b5ad1dca45a703439ac26f8f60bab09771c4b621";

	/** Session cookie value with FixedValidityMins 20 and RedirectType safetynet. */
	public static final String TV13 = "EventId=summersale&QueueId=7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e&FixedValidityMins=20&RedirectType=safetynet&IssueTime=1700000000&Hash=b32e1defc26b4288c442fab3e1ab80cc48d0d9e8d96105645980139314f98648";

	public static final String TV13_HASH = "b32e1defc26b4288c442fab3e1ab80cc48d0d9e8d96105645980139314f98648";

	/** TV-12 on the wire. */
	public static final String TV14 = "EventId%3Dsummersale%26QueueId%3D7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e%26RedirectType%3Dqueue%26IssueTime%3D1700000000%26Hash%3Dd2bd6cfcd6bdedaa3cdc5bd6b5ad1dca45a703439ac26f8f60bab09771c4b621";

	/** TV-13 on the wire (reference script's URLEncoder). */
	public static final String TV13_WIRE = "EventId%3Dsummersale%26QueueId%3D7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e%26FixedValidityMins%3D20%26RedirectType%3Dsafetynet%26IssueTime%3D1700000000%26Hash%3Db32e1defc26b4288c442fab3e1ab80cc48d0d9e8d96105645980139314f98648";

	/** The {@code x-queueit-redirect} value for TV-09. */
	public static final String TV15 = "https%3A%2F%2Fticketania.queue-it.net%2F%3Fc%3Dticketania%26e%3Dsummersale%26ver%3Dv3-java-3.7.0%26cver%3D7%26man%3DSummer%2520Sale%2520%2528main%2529%26cid%3Den-US%26l%3DChristmas%2520Layout%2520by%2520Queue-it%26t%3Dhttps%253A%252F%252Fshop.example.com%252Fproducts%253Fid%253D42%2526color%253Dred%257Eblue";

	/** A valid debug token. */
	public static final String TV16 = "e_summersale~q_7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e~ts_1893456000~ce_true~rt_debug~h_2a539886404082c81d3cba14f04568af9bd0627f077c69a074456b4660d00ee6";

	/** An expired debug token. */
	public static final String TV16_EXPIRED = "e_summersale~q_7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e~ts_1600000000~ce_true~rt_debug~h_e33390d06f9a8af113f557d9dbe74286d49e3283d623270510de4642b85e5cb5";

	public static final String TV16_TIMESTAMP_URL = "https://ticketania.api2.queue-it.net/ticketania/diagnostics/connector/error/?code=timestamp";

	public static final String TV16_HASH_URL = "https://ticketania.api2.queue-it.net/ticketania/diagnostics/connector/error/?code=hash";

	public static final String TV16_SETUP_URL = "https://api2.queue-it.net/diagnostics/connector/error/?code=setup";

	public static final String TV18_INPUT = "a b~c*d!e'(f)|g/h";

	public static final String TV18_JAVA = "a%20b%7Ec%2Ad%21e%27%28f%29%7Cg%2Fh";

	public static final String TV18_URLENCODER = "a+b%7Ec*d%21e%27%28f%29%7Cg%2Fh";

	/** Token identifier of the enqueue token vectors TV-19 and TV-19b. */
	public static final String TV19_TI = "2b2f3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d";

	/** Issue time of TV-19 in epoch milliseconds. */
	public static final long TV19_ISS = 1700000000000L;

	/** Expiry of TV-19 in epoch milliseconds. */
	public static final long TV19_EXP = 1700000240000L;

	public static final String TV19_IP = "203.0.113.7";

	/** The plain payload JSON of TV-19. */
	public static final String TV19_PAYLOAD = "{\"r\":0.4578,\"k\":\"XKDI42W\",\"cd\":{\"size\":\"medium\"}}";

	/** Enqueue token with expiry, IP and payload. */
	public static final String TV19 = "eyJ0eXAiOiJRVDEiLCJlbmMiOiJBRVMyNTYiLCJpc3MiOjE3MDAwMDAwMDAwMDAsImV4cCI6MTcwMDAwMDI0MDAwMCwidGkiOiIyYjJmM2M0ZC01ZTZmLTRhMGItOWM4ZC03ZTZmNWE0YjNjMmQiLCJjIjoidGlja2V0YW5pYSIsImUiOiJzdW1tZXJzYWxlIiwiaXAiOiIyMDMuMC4xMTMuNyJ9._qmwHjZjbxTs4nMokm7KiS_dBO3dDsU78LaialmwcQFAQQdP97BHJkI5tL_6i_6UU1uIxN47Al1BLzZu7MJwJg.m55RkI33gss5ra8pmtNEB71GXBaqVbW1s8pMKdjSqwI";

	/** TV-19 without expiry, IP and payload. */
	public static final String TV19B = "eyJ0eXAiOiJRVDEiLCJlbmMiOiJBRVMyNTYiLCJpc3MiOjE3MDAwMDAwMDAwMDAsInRpIjoiMmIyZjNjNGQtNWU2Zi00YTBiLTljOGQtN2U2ZjVhNGIzYzJkIiwiYyI6InRpY2tldGFuaWEiLCJlIjoic3VtbWVyc2FsZSJ9..cXtAJZ9qONlR7UrM81aC2F5z0aZtcef-jwSPF6dv73E";

	/** The cookie name of {@link #EVENT}. */
	public static final String COOKIE_NAME = "QueueITAccepted-SDFrts345E-V3_summersale";

	public static final String CACHE_CONTROL = "no-cache, no-store, must-revalidate, max-age=0";

	public static final String EXPIRES = "Fri, 01 Jan 1990 00:00:00 GMT";

	private Vectors() {
	}

	/**
	 * Returns a clock fixed at the given epoch second.
	 */
	public static Clock clockAt(long epochSeconds) {
		return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
	}

	/**
	 * Returns a connector for {@link #CUSTOMER} and {@link #SECRET} whose clock stands at
	 * the given epoch second.
	 */
	public static QueueConnector connectorAt(long epochSeconds) {
		return new QueueConnector(new ConnectorSettings(CUSTOMER, SECRET, clockAt(epochSeconds)));
	}

	/**
	 * Replaces the reference connector's {@code ver} value in a URL built by the
	 * specification with our {@link QueueConnector#SDK_VERSION}, encoded as the Java
	 * connector encodes query values.
	 */
	public static String withOurVersion(String url) {
		return url.replace("ver=" + REFERENCE_VERSION, "ver=" + Encoding.javaQuery(QueueConnector.SDK_VERSION));
	}

	/**
	 * Like {@link #withOurVersion} for a URL that was form-encoded once more (the AJAX
	 * header).
	 */
	public static String withOurVersionFormEncoded(String encodedUrl) {
		return encodedUrl.replace("ver%3D" + REFERENCE_VERSION,
				"ver%3D" + Encoding.form(Encoding.javaQuery(QueueConnector.SDK_VERSION)));
	}

}
