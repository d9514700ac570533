package io.queuekeeper.simulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs the simulator on its own: {@code java -jar waiting-room-simulator.jar
 * [--port=8090] [--customer-id=sample] [--events=sale,drop] [--outflow=12]
 * [--integration-config=FILE] [--push-to=URL] [--roomq-rooms=demo-room]}. The secret key
 * comes from {@code QUEUEIT_SECRET_KEY} (or {@code --secret-key}), the API key from
 * {@code QUEUEIT_API_KEY} (or {@code --api-key}). With {@code --push-to}, the integration
 * config is pushed at start and again whenever the file changes. With
 * {@code --roomq-rooms}, it also issues RoomQ tickets for those rooms, signed with
 * {@code ROOMQ_ROOM_SECRET} (or {@code --roomq-room-secret}).
 *
 * @since 0.1.0
 */
public final class WaitingRoomSimulatorApplication {

	private WaitingRoomSimulatorApplication() {
	}

	/**
	 * Starts the simulator and runs until the process is stopped.
	 * @param args the options
	 * @throws Exception if the simulator cannot start
	 */
	public static void main(String[] args) throws Exception {
		try {
			run(args);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			System.err.println("Cannot start the waiting room simulator: " + ex.getMessage());
			System.exit(2);
		}
	}

	private static void run(String[] args) throws Exception {
		Map<String, String> options = parse(args);
		String secretKey = option(options, "secret-key", "QUEUEIT_SECRET_KEY");
		if (secretKey == null) {
			System.err.println("Set QUEUEIT_SECRET_KEY (or --secret-key) to the secret key the connector uses.");
			System.exit(2);
			return;
		}
		WaitingRoomSimulator.Builder builder = WaitingRoomSimulator
			.builder(options.getOrDefault("customer-id", "sample"), secretKey)
			.apiKey(option(options, "api-key", "QUEUEIT_API_KEY"))
			.port(Integer.parseInt(options.getOrDefault("port", "8090")))
			.outflow(Integer.parseInt(options.getOrDefault("outflow", "12")));
		for (String event : options.getOrDefault("events", "sale,drop").split(",")) {
			builder.event(event.trim());
		}
		String roomQRooms = options.get("roomq-rooms");
		if (roomQRooms != null && !roomQRooms.isBlank()) {
			String roomSecret = option(options, "roomq-room-secret", "ROOMQ_ROOM_SECRET");
			if (roomSecret == null) {
				System.err
					.println("Set ROOMQ_ROOM_SECRET (or --roomq-room-secret) to the room secret the connector uses.");
				System.exit(2);
				return;
			}
			for (String room : roomQRooms.split(",")) {
				builder.roomQRoom(room.trim(), roomSecret);
			}
		}
		String config = options.get("integration-config");
		Path configFile = (config != null) ? Path.of(config) : null;
		builder.integrationConfig(configFile);
		WaitingRoomSimulator simulator = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "waiting-room-simulator-shutdown"));
		System.out.println("Waiting room simulator on " + simulator.baseUrl() + " (queue domain "
				+ simulator.queueDomain() + ", GO endpoint " + simulator.integrationConfigUrl()
				+ ", RoomQ ticket issuer " + simulator.roomQTicketIssuer() + ")");
		String pushTo = options.get("push-to");
		if (pushTo != null && configFile != null) {
			watchAndPush(simulator, configFile, URI.create(pushTo));
		}
		new CountDownLatch(1).await();
	}

	private static void watchAndPush(WaitingRoomSimulator simulator, Path file, URI endpoint) {
		ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "waiting-room-simulator-push");
			thread.setDaemon(true);
			return thread;
		});
		FileTime[] pushed = new FileTime[1];
		watcher.scheduleWithFixedDelay(() -> {
			try {
				FileTime modified = Files.getLastModifiedTime(file);
				if (!modified.equals(pushed[0])) {
					int status = simulator.pushIntegrationConfig(endpoint);
					System.out.println("Pushed " + file + " to " + endpoint + ": HTTP " + status);
					pushed[0] = modified;
				}
			}
			catch (IOException ex) {
				System.err.println("Push to " + endpoint + " failed: " + ex.getClass().getSimpleName());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, 0, 2, TimeUnit.SECONDS);
	}

	private static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Options look like --name=value, got '" + arg + "'");
			}
			options.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		return options;
	}

	private static @Nullable String option(Map<String, String> options, String name, String environment) {
		String value = options.get(name);
		if (value == null) {
			value = System.getenv(environment);
		}
		return (value == null || value.isBlank()) ? null : value;
	}

}
