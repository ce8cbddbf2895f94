package io.tonewatch.alerting.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tonewatch.alerting.actions.SupervisorEndpoints;
import io.tonewatch.alerting.actions.ami.AmiPlatform;
import io.tonewatch.alerting.actions.ami.AmiSettings;
import io.tonewatch.alerting.actions.ami.AmiTestServer;
import io.tonewatch.alerting.config.IntegrationKey;
import io.tonewatch.alerting.metrics.AdapterMetrics;
import io.tonewatch.alerting.view.HistoryFilter;
import io.tonewatch.alerting.view.Role;
import io.tonewatch.alerting.view.Viewer;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in Debian's headless Chromium, driven by Selenium, against the alerting service on
 * the in-JVM broker: sign in, an alert appears once its event is on Kafka, the leg meters move,
 * acknowledge, whisper and barge, the actions in the history; a script in call metadata stays text;
 * another team's call never shows. Screenshots go to target/console-screenshots.
 */
class ConsoleBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "console-screenshots");
  private static final String XSS = "<img src=x onerror=\"window.__xss=1\">";

  @TempDir Path dir;
  private static final String AGENT_CHANNEL = "PJSIP/agent7-00000012";
  private AmiTestServer ami;
  private ConsoleFixture fixture;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    ami = new AmiTestServer("tonewatch", "s3cret");
    AmiPlatform platform =
        new AmiPlatform(
            new AmiSettings(
                "127.0.0.1",
                ami.port(),
                "tonewatch",
                "s3cret",
                SupervisorEndpoints.parse(IntegrationKey.SUPERVISOR_ENDPOINTS, "sam=PJSIP/1001"),
                "specialists",
                Duration.ofSeconds(30)),
            new AdapterMetrics(new SimpleMeterRegistry()));
    fixture = new ConsoleFixture(dir, platform);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
    ChromeDriverService driver =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(driver, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    // The page re-renders its tables on every change: an element found may be replaced at once.
    wait.ignoring(StaleElementReferenceException.class);
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (fixture != null) {
      fixture.close();
    }
    if (ami != null) {
      ami.close();
    }
  }

  private void signIn(String user) {
    browser.get(fixture.base() + "/login");
    browser.findElement(By.id("user")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("pw-" + user);
    browser.findElement(By.id("sign-in")).click();
    try {
      wait.until(b -> "live".equals(b.findElement(By.id("live")).getText()));
    } catch (RuntimeException e) {
      throw new AssertionError(
          "not signed in; at " + browser.getCurrentUrl() + ": " + browser.getPageSource(), e);
    }
  }

  private void shot(String name) throws Exception {
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }

  private String customerScore(String callId) {
    By meter = By.cssSelector("tr[data-call-id='" + callId + "'] .meter-customer .meter");
    List<WebElement> found = browser.findElements(meter);
    return found.isEmpty() ? null : found.get(0).getAttribute("data-score");
  }

  private WebElement alertRow(String alertId) {
    return browser.findElement(By.cssSelector("tr[data-alert-id='" + alertId + "']"));
  }

  /** Clicks an alert's button, again if the row was replaced under the click. */
  private void click(String alertId, String action) {
    wait.until(
        b -> {
          alertRow(alertId)
              .findElement(By.cssSelector("button[data-action='" + action + "']"))
              .click();
          return true;
        });
  }

  private boolean historyShows(String what) {
    return browser.findElements(By.cssSelector("#history td.what")).stream()
        .anyMatch(td -> td.getText().equals(what));
  }

  @Test
  void aSupervisorSeesTheAlertLiveAndActsOnIt() throws Exception {
    signIn("sam");
    fixture.call(
        "call-1",
        Map.of(
            "team", "north",
            "queue", "billing",
            "agentId", "a-1",
            "callerMasked", "******1234",
            "channel", AGENT_CHANNEL,
            "note", XSS));
    fixture.call("call-2", Map.of("team", "south", "queue", "sales", "agentId", "b-7"));
    fixture.summary("call-1", Leg.CUSTOMER, 0.2, false);
    wait.until(b -> "0.2".equals(customerScore("call-1")));

    long sentNanos = System.nanoTime();
    String alertId = fixture.alert("call-1", Severity.RAISED);
    fixture.alert("call-2", Severity.RAISED);
    wait.until(
        b -> !b.findElements(By.cssSelector("tr[data-alert-id='" + alertId + "']")).isEmpty());
    long shownMillis = (System.nanoTime() - sentNanos) / 1_000_000;
    Files.writeString(
        SHOTS.resolve("alert-latency.txt"), shownMillis + " ms from the broker's ack to the row\n");
    assertTrue(alertRow(alertId).getText().contains("customer: pitch +9 semitones"));

    fixture.summary("call-1", Leg.CUSTOMER, 1.9, true);
    wait.until(b -> "1.9".equals(customerScore("call-1")));
    shot("console-alert");

    assertTrue(
        browser.getPageSource().contains("note: &lt;img src=x"), "the payload is shown as text");
    assertNull(((JavascriptExecutor) browser).executeScript("return window.__xss;"));
    assertFalse(browser.getPageSource().contains("call-2"), "team south's call stays hidden");
    assertFalse(browser.getPageSource().contains("b-7"));

    click(alertId, "acknowledge");
    wait.until(
        b ->
            alertRow(alertId).findElement(By.cssSelector(".acknowledged")).getText().equals("sam"));
    click(alertId, "whisper");
    wait.until(b -> historyShows("whisper started"));
    click(alertId, "barge");
    wait.until(b -> historyShows("barge started"));
    wait.until(b -> historyShows("acknowledged"));
    shot("console-history");
    String result = browser.findElement(By.id("action-result")).getText();
    assertTrue(result.startsWith("barge on call-1: started"), result);
    List<String> spied = ami.actions("Originate").stream().map(o -> o.get("Data")).toList();
    assertEquals(
        List.of(AGENT_CHANNEL + ",qwE", AGENT_CHANNEL + ",qBE"),
        spied,
        "the AMI server was asked to whisper, then to barge, on the agent's channel");
  }

  @Test
  void anAgentSeesTheCueOfTheirOwnCallOnly() throws Exception {
    fixture.call("call-3", Map.of("team", "north", "agentId", "a-1"));
    fixture.call("call-4", Map.of("team", "north", "agentId", "a-2"));
    browser.get(fixture.base() + "/login");
    browser.findElement(By.id("user")).sendKeys("ann");
    browser.findElement(By.id("password")).sendKeys("pw-ann");
    browser.findElement(By.id("sign-in")).click();
    wait.until(b -> b.getCurrentUrl().endsWith("/agent"));
    wait.until(b -> "live".equals(b.findElement(By.id("live")).getText()));
    wait.until(b -> b.findElement(By.id("cue")).getText().contains("call-3"));
    fixture.alert("call-4", Severity.RAISED);
    fixture.alert("call-3", Severity.RAISED);
    wait.until(b -> b.findElement(By.id("ack")).isDisplayed());
    shot("agent-cue");
    assertFalse(browser.getPageSource().contains("call-4"));
    browser.findElement(By.id("ack")).click();
    wait.until(b -> !b.findElement(By.id("ack")).isDisplayed());
    assertEquals(
        1,
        fixture
            .service
            .view()
            .history(
                new Viewer("admin", Role.ADMIN, Set.of(), null),
                new HistoryFilter("call-3", null, "acknowledged", null, null, 10))
            .size());
  }
}
