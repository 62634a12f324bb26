package io.github.openaispring.samples.chat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chat page in a real headless Chromium, driven by Selenium with the system's chromedriver
 * (no driver download): type a question, see tokens arrive one after another, see the final
 * answer.
 * <p>
 * Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's {@code chromium}
 * and {@code chromium-driver}; other paths with {@code -Dchrome.binary=...} and
 * {@code -Dwebdriver.chrome.driver=...}). Without them the test is skipped, saying why, unless
 * {@code CI_REQUIRE_BROWSER=1} is set (as {@code .ci/run} does), in which case it fails.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { ChatSampleTests.LOCAL_SERVER,
		ChatSampleTests.STREAM_DELAY })
@AutoConfigureRestTestClient // unused: the same configuration as ChatSampleTests, so the two share one context
@AutoConfigureMetrics
class ChatPageBrowserTests {

	private static final String CHROMIUM = System.getProperty("chrome.binary", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

	/** Records, in the page, when each token and the final answer appeared. */
	private static final String RECORD_ARRIVALS = """
			window.arrivals = [];
			new MutationObserver(() => window.arrivals.push({
				at: performance.now(),
				tokens: document.querySelectorAll('#stream .token').length,
				answer: document.getElementById('answer').textContent.length
			})).observe(document.body, { childList: true, subtree: true, characterData: true });
			""";

	/** Selenium finds no DevTools (CDP) support for this Chromium and says so; this test does not use CDP. */
	private static final Logger seleniumLogger = quiet(Logger.getLogger("org.openqa.selenium"));

	@LocalServerPort
	int port;

	private WebDriver browser;

	@BeforeAll
	static void requireBrowser() {
		boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
		if (!present) {
			String reason = "No browser for the browser test: needs " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (Debian: apt-get install chromium chromium-driver)";
			if ("1".equals(System.getenv("CI_REQUIRE_BROWSER"))) {
				fail(reason + "; CI_REQUIRE_BROWSER=1 makes this a failure");
			}
			System.err.println(ChatPageBrowserTests.class.getSimpleName() + " skipped. " + reason);
			assumeTrue(false, reason);
		}
	}

	@BeforeEach
	void startBrowser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		// Headless, and nothing that reaches out to the network (it is closed on CI machines).
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-extensions", "--window-size=1024,768");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void typesAQuestionSeesTokensArriveThenTheFinalAnswer() {
		this.browser.get("http://localhost:" + this.port + "/");
		((JavascriptExecutor) this.browser).executeScript(RECORD_ARRIVALS);
		WebElement question = this.browser.findElement(By.id("question"));
		question.clear();
		question.sendKeys(ChatSampleTests.QUESTION);
		this.browser.findElement(By.id("send")).click();

		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until((browser) -> browser.findElement(By.id("stream")).findElements(By.className("token")).size() >= 3);
		wait.until((browser) -> !browser.findElement(By.id("answer")).getText().isEmpty());

		String answer = this.browser.findElement(By.id("answer")).getText();
		assertThat(answer).startsWith("You asked: \"" + ChatSampleTests.QUESTION + "\"");
		assertThat(this.browser.findElement(By.id("stream")).getText()).isEqualTo(answer);
		assertThat(this.browser.findElement(By.id("status")).getText()).matches("Done: \\d+ tokens streamed\\.");

		// The tokens came one after another, while the final answer was still empty.
		@SuppressWarnings("unchecked")
		List<Map<String, Number>> arrivals = (List<Map<String, Number>>) ((JavascriptExecutor) this.browser)
			.executeScript("return window.arrivals;");
		List<Map<String, Number>> whileStreaming = arrivals.stream()
			.filter((arrival) -> arrival.get("tokens").intValue() > 0 && arrival.get("answer").intValue() == 0)
			.toList();
		assertThat(whileStreaming.stream().map((arrival) -> arrival.get("tokens").intValue()).distinct())
			.as("distinct token counts seen before the final answer").hasSizeGreaterThan(10);
		double firstToken = whileStreaming.get(0).get("at").doubleValue();
		double lastToken = whileStreaming.get(whileStreaming.size() - 1).get("at").doubleValue();
		assertThat(lastToken - firstToken).as("milliseconds between the first and the last token").isGreaterThan(100);
	}

	private static Logger quiet(Logger logger) {
		logger.setLevel(Level.SEVERE);
		return logger;
	}

}
