package dk.trappen.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests, in-JVM ({@code browser.BrowserTestSupport}) and against a child JVM
 * ({@code cluster.FirstInstallationBrowserTest}): Debian's chromium and chromedriver, a submit that waits for the next
 * page, and the axe-core scan for WCAG 2.0/2.1 A and AA.
 */
public final class Chromium {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final String AXE_VERSION = "4.6.3";

  private Chromium() {
  }

  /** A new headless Chromium, 1280 x 1000, Danish; skips the test where Chromium is missing, fails on CI. */
  public static WebDriver start() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && System.getenv("CI") != null) {
      throw new IllegalStateException("Chromium and chromedriver are missing: .ci/run installs them");
    }
    Assumptions.assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1280,1000", "--lang=da");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    return driver;
  }

  /** Clicks something that submits or navigates, and waits for the next page to replace this one. */
  public static void submit(WebDriver driver, WebElement element) {
    WebElement html = driver.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(html));
  }

  /**
   * Whether the element has left the document. {@code ExpectedConditions.stalenessOf} knows only the stale-element
   * error; during a navigation Chromium may instead answer "Node with given id does not belong to the document"
   * (seen once in CI), which means the same.
   */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** Runs axe-core on the current page for WCAG 2.0/2.1 A and AA; every violation, with the elements it found. */
  @SuppressWarnings("unchecked")
  public static List<String> axe(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
      js.executeScript(axeSource());
    }
    return (List<String>) js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' @ '
              + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));
        """);
  }

  private static String axeSource() {
    String path = "META-INF/resources/webjars/axe-core/" + AXE_VERSION + "/axe.min.js";
    try (InputStream in = Chromium.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("axe-core not on the test classpath: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
