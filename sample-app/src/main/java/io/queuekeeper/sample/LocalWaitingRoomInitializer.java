package io.queuekeeper.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.queuekeeper.simulator.WaitingRoomSimulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the local waiting room before the application context is refreshed and points
 * the connector at it: customer {@code sample}, a fresh secret and API key per start,
 * queue domain {@code localhost:<port>}, and the integration config both served by the
 * simulator's GO endpoint ({@code queueit.integration-config.url}) and read from the same
 * file ({@code queueit.integration-config.location}).
 * <p>
 * It runs unless {@code sample.simulator.enabled=false}, or, when that is not set, unless
 * {@code queueit.customer-id} is set (the real Queue-it). Options:
 * {@code sample.simulator.port} (0 picks a free port), {@code sample.simulator.outflow}
 * (visitors per minute) and {@code sample.simulator.integration-config} (the file to
 * serve; by default one per port under the temporary directory, written from the sample's
 * template when missing, so edits survive restarts).
 * <p>
 * With {@code queueit.provider=roomq} (the {@code roomq} profile) it starts the
 * simulator's RoomQ ticket issuer instead, for the room {@code roomq.room-id}, with a
 * fresh room secret per start, and sets {@code roomq.room-secret} and
 * {@code roomq.ticket-issuer}; it then runs unless
 * {@code sample.simulator.enabled=false}, or, when that is not set, unless
 * {@code roomq.room-secret} is set (the real RoomQ).
 *
 * @since 0.1.0
 */
public class LocalWaitingRoomInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Customer id of the local waiting room. */
	public static final String CUSTOMER_ID = "sample";

	private static final Log logger = LogFactory.getLog(LocalWaitingRoomInitializer.class);

	/** RoomQ room id used when {@code roomq.room-id} is not set. */
	public static final String ROOMQ_ROOM_ID = "drop";

	private static final String TEMPLATE = "sample/integrationconfig.json";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!enabled(environment)) {
			return;
		}
		int port = environment.getProperty("sample.simulator.port", Integer.class, 8090);
		int outflow = environment.getProperty("sample.simulator.outflow", Integer.class, 12);
		if (roomQ(environment)) {
			initializeRoomQ(context, environment, port, outflow);
			return;
		}
		String secretKey = UUID.randomUUID() + "-" + UUID.randomUUID();
		String apiKey = UUID.randomUUID().toString();
		WaitingRoomSimulator simulator;
		Path configFile;
		try {
			WaitingRoomSimulator.Builder builder = WaitingRoomSimulator.builder(CUSTOMER_ID, secretKey)
				.apiKey(apiKey)
				.event("sale")
				.event("drop")
				.inviteOnly("drop", Set.of())
				.outflow(outflow)
				.port(port);
			configFile = configFile(environment, port);
			simulator = builder.integrationConfig(configFile).start();
			if (port == 0) {
				writeTemplate(configFile, simulator.queueDomain());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the local waiting room on port " + port
					+ " (set sample.simulator.port, or 0 for any free port)", ex);
		}
		context.addApplicationListener(new Stopper(simulator));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("queueit.customer-id", CUSTOMER_ID);
		properties.put("queueit.secret-key", secretKey);
		properties.put("queueit.api-key", apiKey);
		properties.put("queueit.integration-config.url", simulator.integrationConfigUrl().toString());
		properties.put("queueit.integration-config.location", configFile.toUri().toString());
		// Edits to the file reach the shop within seconds rather than GO's five minutes.
		properties.put("queueit.integration-config.poll-interval",
				environment.getProperty("queueit.integration-config.poll-interval", "5s"));
		properties.put("queueit.events.drop.queue-domain", simulator.queueDomain());
		properties.put("sample.simulator.url", simulator.baseUrl().toString());
		environment.getPropertySources().addFirst(new MapPropertySource("localWaitingRoom", properties));
		logger.info("Local waiting room on " + simulator.baseUrl() + "; it serves the integration config in "
				+ configFile + " (edit it to change the triggers)");
	}

	private void initializeRoomQ(ConfigurableApplicationContext context, ConfigurableEnvironment environment, int port,
			int outflow) {
		String roomId = environment.getProperty("roomq.room-id", ROOMQ_ROOM_ID);
		String roomSecret = UUID.randomUUID() + "-" + UUID.randomUUID();
		WaitingRoomSimulator simulator;
		try {
			simulator = WaitingRoomSimulator.builder(CUSTOMER_ID, UUID.randomUUID().toString())
				.roomQRoom(roomId, roomSecret)
				.outflow(outflow)
				.port(port)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the local RoomQ ticket issuer on port " + port
					+ " (set sample.simulator.port, or 0 for any free port)", ex);
		}
		context.addApplicationListener(new Stopper(simulator));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("roomq.room-id", roomId);
		properties.put("roomq.room-secret", roomSecret);
		properties.put("roomq.ticket-issuer", simulator.roomQTicketIssuer().toString());
		properties.put("sample.simulator.url", simulator.roomQTicketIssuer().toString());
		environment.getPropertySources().addFirst(new MapPropertySource("localWaitingRoom", properties));
		logger.info("Local RoomQ ticket issuer on " + simulator.roomQTicketIssuer() + " for room '" + roomId + "'");
	}

	static boolean enabled(ConfigurableEnvironment environment) {
		Boolean enabled = environment.getProperty("sample.simulator.enabled", Boolean.class);
		if (enabled != null) {
			return enabled;
		}
		return !environment.containsProperty(roomQ(environment) ? "roomq.room-secret" : "queueit.customer-id");
	}

	static boolean roomQ(ConfigurableEnvironment environment) {
		return "roomq".equalsIgnoreCase(environment.getProperty("queueit.provider", "").trim());
	}

	private static Path configFile(ConfigurableEnvironment environment, int port) throws IOException {
		String configured = environment.getProperty("sample.simulator.integration-config");
		if (configured != null && !configured.isBlank()) {
			Path file = Path.of(configured);
			if (!Files.exists(file)) {
				writeTemplate(file, "localhost:" + port);
			}
			return file;
		}
		if (port == 0) {
			Path file = Files.createTempFile("queuekeeper-sample-", ".json");
			file.toFile().deleteOnExit();
			return file;
		}
		Path file = Path.of(System.getProperty("java.io.tmpdir"), "queuekeeper-sample-" + port,
				"integrationconfig.json");
		if (!Files.exists(file)) {
			writeTemplate(file, "localhost:" + port);
		}
		return file;
	}

	private static void writeTemplate(Path file, String queueDomain) throws IOException {
		String template;
		try (InputStream in = LocalWaitingRoomInitializer.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
			if (in == null) {
				throw new IOException("classpath:" + TEMPLATE + " is missing");
			}
			template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, template.replace("{{QUEUE_DOMAIN}}", queueDomain));
	}

	private static final class Stopper implements ApplicationListener<ContextClosedEvent> {

		private final WaitingRoomSimulator simulator;

		Stopper(WaitingRoomSimulator simulator) {
			this.simulator = simulator;
		}

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			this.simulator.close();
		}

	}

}
