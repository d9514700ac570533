package io.queuekeeper.web.servlet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the hand-made tokens and cookies of {@link QueueItFixtures} against the
 * known-answer vectors of the protocol spec (§13), so the behaviour tests rest on inputs
 * computed independently of the engine.
 */
class QueueItFixturesTests {

	@Test
	void tokenWhenGivenSpecInputsThenMatchesTv03() {
		assertThat(QueueItFixtures.token("summersale", 1_893_456_000L))
			.isEqualTo("e_summersale~q_7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e~ts_1893456000~ce_true~rt_queue"
					+ "~h_a5213b3518755bf1bec172909ee6292764883afbb67b322d4d5b01462f93607f");
	}

	@Test
	void cookieValueWhenGivenSpecInputsThenMatchesTv14() {
		assertThat(QueueItFixtures.cookieValue("summersale", QueueItFixtures.NOW))
			.isEqualTo("EventId%3Dsummersale%26QueueId%3D7f3c2a1e-9b8d-4c6f-a5e4-3d2c1b0a9f8e%26RedirectType%3Dqueue"
					+ "%26IssueTime%3D1700000000%26Hash%3D"
					+ "d2bd6cfcd6bdedaa3cdc5bd6b5ad1dca45a703439ac26f8f60bab09771c4b621");
	}

	@Test
	void encodeWhenGivenSpecInputThenMatchesTheJavaEncoderOfTv18() {
		assertThat(QueueItFixtures.encode("a b~c*d!e'(f)|g/h")).isEqualTo("a%20b%7Ec%2Ad%21e%27%28f%29%7Cg%2Fh");
	}

}
