package dk.trappen.browser;

import dk.trappen.api.TestStaff;
import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.org.OrgService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Drives the real pages in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them) and scans
 * every page visited with axe-core for WCAG 2.1 AA violations.
 */
abstract class BrowserTestSupport {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String PASSWORD = TestStaff.PASSWORD;

  @LocalServerPort
  int port;
  @Autowired
  OrgService org;
  @Autowired
  PasswordEncoder encoder;

  WebDriver driver;
  final List<String> violations = new ArrayList<>();
  int pagesScanned;

  @BeforeEach
  void browser() {
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
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    ensureStaff();
  }

  @AfterEach
  void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
    ClockUtil.reset();
  }

  void ensureStaff() {
    TestStaff.ensure(org, encoder);
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Signs in through the sign-in page (signing out whoever was signed in). */
  void signIn(String username) {
    driver.manage().deleteAllCookies();
    open("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    submit(driver.findElement(By.cssSelector("form button[type=submit].primary")));
    assertThat(driver.getCurrentUrl()).as("signed in as " + username).doesNotContain("/login");
  }

  /** Opens a page and scans it. */
  void open(String path) {
    driver.get(url(path));
    scan();
  }

  /** Runs axe-core on the current page for WCAG 2.0/2.1 A and AA and records every violation. */
  @SuppressWarnings("unchecked")
  void scan() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
      js.executeScript(axeSource());
    }
    Object result = js.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' @ '
              + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));
        """);
    pagesScanned++;
    for (String v : (List<String>) result) {
      violations.add(driver.getCurrentUrl().replace(url(""), "") + " — " + v);
    }
  }

  void assertNoAccessibilityViolations() {
    assertThat(pagesScanned).isGreaterThan(0);
    assertThat(violations).as("axe-core violations at WCAG 2.1 AA").isEmpty();
  }

  /** Clicks something that submits or navigates, and waits for the next page to replace this one. */
  void submit(WebElement element) {
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

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Saves a screenshot under target/screenshots (the README's pictures are made this way). */
  void screenshot(String name) {
    try {
      Path dir = Path.of("target/screenshots");
      Files.createDirectories(dir);
      Number height = (Number) ((JavascriptExecutor) driver)
          .executeScript("return document.documentElement.scrollHeight");
      driver.manage().window().setSize(new Dimension(1280, Math.min(height.intValue() + 20, 3000)));
      Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(new Dimension(1280, 1000));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String axeSource() {
    String path = "META-INF/resources/webjars/axe-core/" + AXE_VERSION + "/axe.min.js";
    try (InputStream in = BrowserTestSupport.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("axe-core not on the test classpath: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String AXE_VERSION = "4.6.3";
}
