package io.queuekeeper.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.queuekeeper.core.config.InvalidIntegrationConfigException;

/**
 * The push endpoint of spec 9.2, independent of the web stack: GO sends a {@code PUT}
 * with {@code {"integrationInfo":"<hex of the config JSON>","hash":"<hex>"}}, where the
 * hash is the HMAC-SHA256 of the hex text under the secret key. The hash is checked in
 * constant time before the document is decoded, parsed and handed to the target, which
 * swaps it in atomically. Adapters read at most {@link #maxBodyBytes()} + 1 bytes of the
 * body and answer with the returned {@link Response}.
 *
 * @since 0.1.0
 */
public final class IntegrationConfigPush {

	private static final ObjectMapper mapper = new ObjectMapper();

	private final SecretKeySpec key;

	private final int maxBodyBytes;

	private final Target target;

	/**
	 * Creates the endpoint logic.
	 * @param secretKey the secret key from GO
	 * @param maxBodyBytes the largest body accepted
	 * @param target receives each authentic document
	 */
	public IntegrationConfigPush(String secretKey, int maxBodyBytes, Target target) {
		if (secretKey.isEmpty()) {
			throw new IllegalArgumentException("secretKey must not be empty");
		}
		this.key = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.maxBodyBytes = maxBodyBytes;
		this.target = target;
	}

	/**
	 * Returns the largest body accepted.
	 */
	public int maxBodyBytes() {
		return this.maxBodyBytes;
	}

	/**
	 * Handles a push.
	 * @param method the HTTP method
	 * @param body the body, or its first {@code maxBodyBytes() + 1} bytes
	 * @return the response to send
	 */
	public Response handle(String method, byte[] body) {
		if (!"PUT".equals(method)) {
			return Response.METHOD_NOT_ALLOWED;
		}
		if (body.length > this.maxBodyBytes) {
			return Response.TOO_LARGE;
		}
		JsonNode root;
		try {
			root = mapper.readTree(body);
		}
		catch (IOException ex) {
			return Response.BAD_REQUEST;
		}
		if (root == null || !root.isObject()) {
			return Response.BAD_REQUEST;
		}
		JsonNode info = root.get("integrationInfo");
		JsonNode hash = root.get("hash");
		if (info == null || !info.isTextual() || hash == null || !hash.isTextual()) {
			return Response.BAD_REQUEST;
		}
		String hex = info.asText();
		if (!isAuthentic(hex, hash.asText())) {
			return Response.UNAUTHORIZED;
		}
		String document;
		try {
			document = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(HexFormat.of().parseHex(hex)))
				.toString();
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			return Response.BAD_REQUEST;
		}
		try {
			return this.target.accept(document) ? Response.OK : Response.OUTDATED;
		}
		catch (InvalidIntegrationConfigException ex) {
			return Response.BAD_REQUEST;
		}
	}

	private boolean isAuthentic(String hex, String hash) {
		byte[] given;
		try {
			given = HexFormat.of().parseHex(hash);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		byte[] expected;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			expected = mac.doFinal(hex.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
		return MessageDigest.isEqual(expected, given);
	}

	/**
	 * Takes an authentic document.
	 */
	@FunctionalInterface
	public interface Target {

		/**
		 * Parses the document and swaps it in, unless the current one is newer.
		 * @param document the integration config JSON
		 * @return whether it was swapped in
		 * @throws InvalidIntegrationConfigException if the document cannot be used
		 */
		boolean accept(String document);

	}

	/**
	 * The answer to a push: a status and a short plain-text body.
	 *
	 * @param status the HTTP status
	 * @param body the plain-text body
	 */
	public record Response(int status, String body) {

		/** The document was swapped in. */
		public static final Response OK = new Response(200, "Success!");

		/** The body is not a push of a usable document. */
		public static final Response BAD_REQUEST = new Response(400, "Fail! Not a usable integration config push");

		/** The hash does not match. */
		public static final Response UNAUTHORIZED = new Response(401, "Fail! Hash does not match");

		/** Not a PUT. */
		public static final Response METHOD_NOT_ALLOWED = new Response(405, "Fail! Use PUT");

		/** The document is older than the one in use; nothing changed. */
		public static final Response OUTDATED = new Response(409,
				"Fail! An integration config with a newer Version is in use");

		/** The body is larger than allowed. */
		public static final Response TOO_LARGE = new Response(413, "Fail! Body too large");

	}

}
