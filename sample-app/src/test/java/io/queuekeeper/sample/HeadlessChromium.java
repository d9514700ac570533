package io.queuekeeper.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's Chromium, headless, driven through its chromedriver, for the browser tests.
 * Without them a test fails in CI ({@code CI=true}) and is skipped elsewhere, saying what
 * to install.
 */
final class HeadlessChromium {

	private static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));

	/** Where the tests leave their screenshots. */
	static final Path SCREENSHOTS = Path.of("target", "e2e");

	private HeadlessChromium() {
	}

	/**
	 * Starts a browser with a fresh profile in the given folder.
	 */
	static WebDriver start(Path profile) throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String message = "The browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver; .ci/run installs them)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			Assumptions.abort(message);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// The flags keep Chromium off the network beyond loopback: this machine's closed
		// network refuses its background connections.
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1200,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		Files.createDirectories(SCREENSHOTS);
		return new ChromeDriver(service, options);
	}

	/**
	 * Saves what the browser shows as {@code target/e2e/<name>.png}.
	 */
	static void screenshot(WebDriver browser, String name) throws IOException {
		File file = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
