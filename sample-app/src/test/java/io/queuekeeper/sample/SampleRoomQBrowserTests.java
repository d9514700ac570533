package io.queuekeeper.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample in a real browser with the {@code roomq} profile: NoQ RoomQ protects the
 * drop pages, and the local simulator plays RoomQ's ticket issuer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.simulator.port=0", "sample.simulator.outflow=" + SampleApplicationTests.OUTFLOW })
@ActiveProfiles("roomq")
class SampleRoomQBrowserTests {

	private static final String TICKET_COOKIE = "be_roomq_t_drop";

	@Autowired
	private Environment environment;

	@TempDir
	Path profile;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		this.browser = HeadlessChromium.start(this.profile);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(15), Duration.ofMillis(50));
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void visitorWhenQueuedByRoomQThenWaitsReturnsWithoutTicketInUrlAndBrowsesWithoutQueuing() throws IOException {
		this.browser.get(app("/drop"));
		assertThat(this.browser.getCurrentUrl()).startsWith(issuer() + "?noq_t=")
			.contains("&noq_c=drop&noq_r=" + "http%3A%2F%2Flocalhost%3A");
		assertThat(text("title")).isEqualTo("You are in line for drop");
		assertThat(Integer.parseInt(text("position"))).isPositive();
		screenshot("roomq-waiting-room");

		this.wait.until(ExpectedConditions.urlToBe(app("/drop")));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-id")));
		assertThat(this.browser.getCurrentUrl()).doesNotContain("noq_t");
		assertThat(text("title")).isEqualTo("Limited drop");
		assertThat(text("queue-state")).startsWith("You are through the waiting room.");
		String session = text("queue-id");
		Cookie ticket = this.browser.manage().getCookieNamed(TICKET_COOKIE);
		assertThat(ticket).isNotNull();
		assertThat(ticket.getPath()).isEqualTo("/");
		assertThat(ticket.isHttpOnly()).isTrue();
		screenshot("roomq-landed");

		this.browser.findElement(By.id("details-link")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("title"), "Drop details"));
		assertThat(this.browser.getCurrentUrl()).isEqualTo(app("/drop/details"));
		assertThat(text("queue-id")).isEqualTo(session);
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private void screenshot(String name) throws IOException {
		HeadlessChromium.screenshot(this.browser, name);
	}

	private String app(String path) {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port") + path;
	}

	private String issuer() {
		return this.environment.getRequiredProperty("roomq.ticket-issuer");
	}

}
