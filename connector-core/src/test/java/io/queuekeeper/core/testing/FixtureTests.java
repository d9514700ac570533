package io.queuekeeper.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the fixture builders reproduce the specification's vectors, so that tests
 * built on them compare against the protocol and not against themselves.
 */
class FixtureTests {

	@Test
	void hmacHexWhenTv01InputsThenMatchesVector() {
		assertThat(Encoding.hmacHex(Vectors.TV01_KEY, Vectors.TV01_MESSAGE)).isEqualTo(Vectors.TV01);
		assertThat(Encoding.hmacHex(Vectors.TV01_KEY, "")).isEqualTo(Vectors.TV02);
	}

	@Test
	void tokenMakerWhenVectorFieldsThenReproducesTv03Tv04Tv07Tv08Tv16() {
		assertThat(TokenMaker.queueToken(Vectors.EVENT, Vectors.TS, "queue").signed()).isEqualTo(Vectors.TV03);
		assertThat(TokenMaker.token()
			.with("e", Vectors.EVENT)
			.with("q", Vectors.QID)
			.with("ts", "1893456000")
			.with("ce", "false")
			.with("cv", "20")
			.with("rt", "safetynet")
			.signed()).isEqualTo(Vectors.TV04);
		assertThat(TokenMaker.queueToken("SummerSale", Vectors.TS, "queue").signed()).isEqualTo(Vectors.TV07);
		assertThat(TokenMaker.queueToken(Vectors.EVENT, 1600000000L, "queue").signed()).isEqualTo(Vectors.TV08);
		assertThat(TokenMaker.queueToken(Vectors.EVENT, Vectors.TS, "debug").signed()).isEqualTo(Vectors.TV16);
		assertThat(TokenMaker.queueToken(Vectors.EVENT, 1600000000L, "debug").signed()).isEqualTo(Vectors.TV16_EXPIRED);
	}

	@Test
	void cookieMakerWhenVectorFieldsThenReproducesTv12Tv13Tv14() {
		assertThat(CookieMaker.cookie().value()).isEqualTo(Vectors.TV12);
		assertThat(CookieMaker.cookie().wire()).isEqualTo(Vectors.TV14);
		assertThat(CookieMaker.cookie().fixedValidityMinutes("20").redirectType("safetynet").value())
			.isEqualTo(Vectors.TV13);
		assertThat(Encoding.form(Vectors.TV13)).isEqualTo(Vectors.TV13_WIRE);
	}

	@Test
	void encodingWhenTv18InputThenJavaAndUrlEncoderVectors() {
		assertThat(Encoding.javaQuery(Vectors.TV18_INPUT)).isEqualTo(Vectors.TV18_JAVA);
		assertThat(Encoding.form(Vectors.TV18_INPUT)).isEqualTo(Vectors.TV18_URLENCODER);
	}

	@Test
	void configJsonWhenBuiltThenIsTheDocumentGoPublishes() throws Exception {
		String json = ConfigJson.config().integration(ConfigJson.queue("Q").and(ConfigJson.pathContains("/p"))).json();
		var root = new ObjectMapper().readTree(json);
		assertThat(root.path("Version").asInt()).isEqualTo(7);
		assertThat(root.path("Integrations").get(0).path("EventId").asText()).isEqualTo(Vectors.EVENT);
		assertThat(root.path("Integrations").get(0).path("Triggers").get(0).path("LogicalOperator").asText())
			.isEqualTo("And");
		assertThat(ConfigJson.exampleJson()).contains("\"Summer Sale (main)\"");
	}

}
