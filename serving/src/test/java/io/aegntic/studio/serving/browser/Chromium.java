package io.aegntic.studio.serving.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven through its chromedriver (never a downloaded browser):
 * fixed window size, downloads into a temp folder, the network log kept, waits by test id.
 */
final class Chromium implements AutoCloseable {
  static final int WIDTH = 1366;
  static final int HEIGHT = 900;

  /** A guard against hangs on a loaded machine, not a timing assertion. */
  static final Duration WAIT = Duration.ofSeconds(60);

  final ChromeDriver driver;
  final Path downloads;
  private final List<LogEntry> network = new ArrayList<>();

  Chromium() throws IOException {
    Path binary = executable("studio.chromium", "/usr/bin/chromium", "chromium");
    Path driverPath = executable("studio.chromedriver", "/usr/bin/chromedriver", "chromium-driver");
    downloads = Files.createTempDirectory("browser-it-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // the build may run as root
        "--disable-dev-shm-usage",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--force-device-scale-factor=1",
        "--lang=en-US",
        "--no-first-run");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory", downloads.toString(),
            "download.prompt_for_download", false,
            "download.directory_upgrade", true));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driverPath.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
  }

  /** The binary named by {@code property}, else {@code fallback}, else on the PATH; or fails. */
  private static Path executable(String property, String fallback, String debianPackage) {
    String named = System.getProperty(property);
    List<Path> candidates = new ArrayList<>();
    if (named != null) {
      candidates.add(Path.of(named));
    } else {
      candidates.add(Path.of(fallback));
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        if (!dir.isEmpty())
          candidates.add(Path.of(dir, Path.of(fallback).getFileName().toString()));
      }
    }
    // Fail, never skip: a browser test that silently does not run proves nothing.
    return candidates.stream()
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "Browser tests need "
                        + candidates.get(0)
                        + " (Debian package '"
                        + debianPackage
                        + "'; './studio test' installs it, or set -D"
                        + property
                        + "=<path>)"));
  }

  static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  WebElement el(String testId) {
    return driver.findElement(testId(testId));
  }

  <T> T await(Function<WebDriver, T> condition) {
    return await(WAIT, condition);
  }

  <T> T await(Duration timeout, Function<WebDriver, T> condition) {
    // A page re-renders lists while a wait looks at them: an element gone stale is looked up again.
    return new WebDriverWait(driver, timeout)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  WebElement visible(String testId) {
    return await(ExpectedConditions.visibilityOfElementLocated(testId(testId)));
  }

  void attribute(String testId, String name, String value) {
    await(ExpectedConditions.attributeToBe(testId(testId), name, value));
  }

  /** Clicks the element after scrolling it to the middle, clear of the sticky top bar. */
  void click(WebElement element) {
    js("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  void click(String testId) {
    click(visible(testId));
  }

  void type(String testId, String text) {
    WebElement input = visible(testId);
    input.clear();
    input.sendKeys(text);
  }

  void select(String testId, String value) {
    new org.openqa.selenium.support.ui.Select(visible(testId)).selectByValue(value);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** The network events (CDP {@code Network.*}) seen so far, oldest first. */
  synchronized List<LogEntry> networkLog() {
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      if (e.getMessage().contains("\"Network.")) {
        network.add(e);
      }
    }
    return List.copyOf(network);
  }

  /** A full-page PNG of what the browser shows (up to 2,400 px tall) written to {@code file}. */
  void screenshot(Path file) throws IOException {
    js("window.scrollTo(0, 0)"); // else the sticky top bar is drawn where the page was scrolled
    // The capture lays the page out without a scrollbar: the full window width, not clientWidth.
    Number width =
        (Number) js("return Math.max(window.innerWidth, document.documentElement.scrollWidth)");
    Number height = (Number) js("return Math.min(2400, document.documentElement.scrollHeight)");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
