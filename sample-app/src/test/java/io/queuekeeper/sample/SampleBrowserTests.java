package io.queuekeeper.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow in a real browser: headless Debian Chromium driven by Selenium through
 * the system chromedriver. Screenshots go to {@code target/e2e/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.simulator.port=0", "sample.simulator.outflow=" + SampleApplicationTests.OUTFLOW })
class SampleBrowserTests {

	private static final String SESSION_COOKIE = "QueueITAccepted-SDFrts345E-V3_sale";

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
	void visitorWhenQueuedThenWaitsLandsBrowsesLeavesAndQueuesAgain() throws IOException {
		this.browser.get(app("/sale"));
		assertThat(this.browser.getCurrentUrl()).startsWith(simulator() + "?c=sample&e=sale&");
		assertThat(text("title")).isEqualTo("You are in line for sale");
		assertThat(Integer.parseInt(text("position"))).isPositive();
		// The bar itself, not its fill: a fill at 0% has no width, which Selenium reports
		// as not displayed.
		WebElement bar = this.browser.findElement(By.id("progress-bar"));
		assertThat(bar.isDisplayed()).isTrue();
		assertThat(Integer.parseInt(bar.getAttribute("aria-valuenow"))).isBetween(0, 100);
		screenshot("waiting-room");

		String queueId = awaitLanding(app("/sale"));
		assertThat(text("title")).isEqualTo("Summer sale");
		screenshot("landed");

		this.browser.findElement(By.id("item-link")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("title"), "Sale item 2"));
		assertThat(this.browser.getCurrentUrl()).isEqualTo(app("/sale/items/2"));
		assertThat(text("queue-id")).isEqualTo(queueId);

		this.browser.findElement(By.id("leave-link")).click();
		this.wait.until(ExpectedConditions.urlToBe(app("/leave")));
		assertThat(text("title")).isEqualTo("You left the queue for the sale.");
		assertThat(this.browser.manage().getCookieNamed(SESSION_COOKIE)).isNull();
		screenshot("left");

		this.browser.findElement(By.id("sale-link")).click();
		this.wait.until(ExpectedConditions.urlContains(simulator()));
		assertThat(text("title")).isEqualTo("You are in line for sale");
		String again = awaitLanding(app("/sale"));
		assertThat(again).isNotEqualTo(queueId);
	}

	@Test
	void ajaxCallWhenSessionEndedThenPageScriptFollowsQueueItRedirect() throws IOException {
		this.browser.get(app("/sale/items/2"));
		awaitLanding(app("/sale/items/2"));

		this.browser.findElement(By.id("ajax-stock")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stock"), "inStock"));
		assertThat(text("stock")).isEqualTo("{\"item\":2,\"inStock\":7}");

		this.browser.manage().deleteCookieNamed(SESSION_COOKIE);
		this.browser.findElement(By.id("ajax-stock")).click();
		this.wait.until(ExpectedConditions.urlContains(simulator()));
		assertThat(this.browser.getCurrentUrl()).contains("&t=" + "http%3A%2F%2Flocalhost%3A");
		screenshot("ajax-waiting-room");
		awaitLanding(app("/sale/items/2"));
		assertThat(text("title")).isEqualTo("Sale item 2");
	}

	@Test
	void dropPageWhenAnonymousThenRefusedByInviteOnlyRoomAndWhenSignedInThenLetIn() throws IOException {
		this.browser.get(app("/drop"));
		assertThat(this.browser.getCurrentUrl()).startsWith(simulator() + "?c=sample&e=drop&")
			.contains("&enqueuetoken=");
		assertThat(text("reason")).contains("invite-only").contains("carries no invited key");
		screenshot("drop-refused");

		this.browser.get(app("/login"));
		this.browser.findElement(By.id("username")).sendKeys("member");
		this.browser.findElement(By.id("password")).sendKeys("member");
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

		this.browser.get(app("/drop"));
		assertThat(this.browser.getCurrentUrl()).startsWith(simulator() + "?c=sample&e=drop&");
		assertThat(text("title")).isEqualTo("You are in line for drop");
		awaitLanding(app("/drop"));
		assertThat(text("title")).isEqualTo("Limited drop");
		screenshot("drop-landed");
		this.browser.get(app("/about"));
		assertThat(text("title")).isEqualTo("About this shop");
	}

	/**
	 * Waits for the waiting room to send the browser back, and checks the connector took
	 * the token out of the address bar.
	 */
	private String awaitLanding(String url) {
		this.wait.until(ExpectedConditions.urlToBe(url));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-id")));
		assertThat(this.browser.getCurrentUrl()).doesNotContain("queueittoken");
		assertThat(text("queue-state")).startsWith("You are through the waiting room.");
		return text("queue-id");
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

	private String simulator() {
		return this.environment.getRequiredProperty("sample.simulator.url");
	}

}
