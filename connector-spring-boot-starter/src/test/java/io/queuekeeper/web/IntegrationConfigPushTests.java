package io.queuekeeper.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.queuekeeper.core.config.IntegrationConfigParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack-neutral push logic, with the push vector TV-20 of the protocol spec.
 */
class IntegrationConfigPushTests {

	static final String SECRET = "3f2b1a5c-7d9e-4f10-8a2b-6c4d8e0f1a2b9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a";

	static final String TV20_INFO = "7b2256657273696f6e223a377d";

	static final String TV20_HASH = "9a2562d52de992ec6a7a3c90306a8a1ec45b37348c4ec1eb0a528ded63192abd";

	private final List<String> accepted = new ArrayList<>();

	private final IntegrationConfigPush push = new IntegrationConfigPush(SECRET, 1024, (document) -> {
		new IntegrationConfigParser().parse(document);
		this.accepted.add(document);
		return true;
	});

	@Test
	void handleWhenHashMatchesThenDocumentIsDecodedAndAccepted() {
		IntegrationConfigPush.Response response = this.push.handle("PUT", body(TV20_INFO, TV20_HASH));
		assertThat(response.status()).isEqualTo(200);
		assertThat(this.accepted).containsExactly("{\"Version\":7}");
	}

	@Test
	void handleWhenHashIsUpperCaseThenAccepted() {
		assertThat(this.push.handle("PUT", body(TV20_INFO, TV20_HASH.toUpperCase())).status()).isEqualTo(200);
	}

	@Test
	void handleWhenHashIsWrongThen401AndNothingIsAccepted() {
		String wrong = TV20_HASH.substring(0, 63) + "c";
		assertThat(this.push.handle("PUT", body(TV20_INFO, wrong)).status()).isEqualTo(401);
		assertThat(this.push.handle("PUT", body(TV20_INFO, "not-hex")).status()).isEqualTo(401);
		assertThat(this.push.handle("PUT", body(TV20_INFO, "")).status()).isEqualTo(401);
		assertThat(this.push.handle("PUT", body("7b2256657273696f6e223a387d", TV20_HASH)).status()).isEqualTo(401);
		assertThat(this.accepted).isEmpty();
	}

	@Test
	void handleWhenBodyIsTooLargeThen413() {
		byte[] body = new byte[1025];
		assertThat(this.push.handle("PUT", body).status()).isEqualTo(413);
		assertThat(this.accepted).isEmpty();
	}

	@Test
	void handleWhenBodyIsGarbageThen400() {
		assertThat(this.push.handle("PUT", "garbage".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
		assertThat(this.push.handle("PUT", new byte[0]).status()).isEqualTo(400);
		assertThat(this.push.handle("PUT", "[1,2]".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
		assertThat(this.push.handle("PUT", "{\"hash\":\"00\"}".getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(400);
		assertThat(this.accepted).isEmpty();
	}

	@Test
	void handleWhenAuthenticButNotHexOrNotAConfigThen400() {
		assertThat(this.push.handle("PUT", body("zz", sign("zz"))).status()).isEqualTo(400);
		assertThat(this.push.handle("PUT", body("ff", sign("ff"))).status()).isEqualTo(400);
		String notConfig = HexFormat.of().formatHex("{\"Version\":\"x\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(this.push.handle("PUT", body(notConfig, sign(notConfig))).status()).isEqualTo(400);
		assertThat(this.accepted).isEmpty();
	}

	@Test
	void handleWhenTargetHasNewerVersionThen409() {
		IntegrationConfigPush outdated = new IntegrationConfigPush(SECRET, 1024, (document) -> false);
		assertThat(outdated.handle("PUT", body(TV20_INFO, TV20_HASH)).status()).isEqualTo(409);
	}

	@Test
	void handleWhenNotPutThen405() {
		assertThat(this.push.handle("POST", body(TV20_INFO, TV20_HASH)).status()).isEqualTo(405);
		assertThat(this.accepted).isEmpty();
	}

	static byte[] body(String info, String hash) {
		return ("{\"integrationInfo\":\"" + info + "\",\"hash\":\"" + hash + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	static String sign(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
