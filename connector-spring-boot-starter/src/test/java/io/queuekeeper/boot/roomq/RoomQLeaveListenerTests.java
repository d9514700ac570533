package io.queuekeeper.boot.roomq;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.queuekeeper.core.Decision;
import io.queuekeeper.core.http.ConnectorRequest;
import io.queuekeeper.core.roomq.RoomQConnector;
import io.queuekeeper.core.roomq.RoomQSettings;
import io.queuekeeper.core.testing.TestRequest;
import io.queuekeeper.web.RoomQFixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RoomQLeaveListener}: fire-and-forget leave after a cancel, against a loopback
 * RoomQ backend.
 */
@ExtendWith(OutputCaptureExtension.class)
class RoomQLeaveListenerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final RoomQConnector connector = new RoomQConnector(
			RoomQSettings.of(RoomQFixtures.ROOM, RoomQFixtures.SECRET, RoomQFixtures.ISSUER)
				.withClock(RoomQFixtures.clock()));

	@Test
	void cancelledWhenTicketAdmitsThenDeleteServingIsPostedWithIt() throws Exception {
		try (RoomQFixtures.Backend backend = new RoomQFixtures.Backend()) {
			listener(backend).cancelled(request(RoomQFixtures.E4), leave(RoomQFixtures.E4));
			assertThat(backend.posts.poll(5, TimeUnit.SECONDS)).contains("\"action\":\"delete_serving\"")
				.contains("\"id\":\"" + RoomQFixtures.E4 + "\"");
		}
	}

	@Test
	void cancelledWhenTicketDoesNotAdmitThenNothingIsPosted() throws Exception {
		String queued = RoomQFixtures.ticket(RoomQFixtures.ROOM, "queue", RoomQFixtures.DEADLINE);
		try (RoomQFixtures.Backend backend = new RoomQFixtures.Backend()) {
			RoomQLeaveListener listener = listener(backend);
			listener.cancelled(request(queued), leave(queued));
			listener.cancelled(TestRequest.get("https://shop.example/leave").build(), leave(null));
			assertThat(backend.posts.poll(300, TimeUnit.MILLISECONDS)).isNull();
		}
	}

	@Test
	void cancelledWhenRoomQRefusesThenLoggedOnceWithoutTheTicket(CapturedOutput output) throws Exception {
		try (RoomQFixtures.Backend backend = new RoomQFixtures.Backend(404)) {
			RoomQLeaveListener listener = listener(backend);
			// One at a time, so that each call meets the 404 rather than a busy server.
			for (int i = 0; i < 3; i++) {
				listener.cancelled(request(RoomQFixtures.E4), leave(RoomQFixtures.E4));
				assertThat(backend.posts.poll(5, TimeUnit.SECONDS)).isNotNull();
				Thread.sleep(100);
			}
			assertThat(output.getAll().lines().filter((line) -> line.contains("RoomQ leave failed")))
				.filteredOn((line) -> line.contains("404"))
				.hasSize(1);
			assertThat(output.getAll()).contains("404").doesNotContain(RoomQFixtures.E4);
		}
	}

	private RoomQLeaveListener listener(RoomQFixtures.Backend backend) {
		RoomQOperations operations = new RoomQOperations(this.connector, backend.statusApi(), TIMEOUT, TIMEOUT,
				Duration.ofSeconds(30), true, RoomQFixtures.clock());
		return new RoomQLeaveListener(this.connector, operations);
	}

	private static ConnectorRequest request(String ticket) {
		return TestRequest.get("https://shop.example/leave").cookie(RoomQFixtures.COOKIE, ticket).build();
	}

	private Decision leave(@Nullable String ticket) {
		return this.connector
			.leave((ticket != null) ? request(ticket) : TestRequest.get("https://shop.example/leave").build());
	}

}
