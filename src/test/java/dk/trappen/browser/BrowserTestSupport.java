package dk.trappen.browser;

import dk.trappen.api.TestStaff;
import dk.trappen.testsupport.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.org.OrgService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Drives the real pages in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them) and scans
 * every page visited with axe-core for WCAG 2.1 AA violations.
 */
abstract class BrowserTestSupport {

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
    driver = Chromium.start();
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
  void scan() {
    List<String> found = Chromium.axe(driver);
    pagesScanned++;
    for (String v : found) {
      violations.add(driver.getCurrentUrl().replace(url(""), "") + " — " + v);
    }
  }

  void assertNoAccessibilityViolations() {
    assertThat(pagesScanned).isGreaterThan(0);
    assertThat(violations).as("axe-core violations at WCAG 2.1 AA").isEmpty();
  }

  /** Clicks something that submits or navigates, and waits for the next page to replace this one. */
  void submit(WebElement element) {
    Chromium.submit(driver, element);
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  /** The page's width: more than the window's when something scrolls the page sideways. */
  int scrollWidth() {
    return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("return document.documentElement.scrollWidth")).intValue();
  }

  /** The outermost elements that reach past the screen's right edge, outside a scroll region of their own. */
  @SuppressWarnings("unchecked")
  List<String> widerThanScreen() {
    return (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > width + 0.5 && !e.closest('.table-scroll')
              && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 0.5))
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
              + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)');
        """);
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
}
