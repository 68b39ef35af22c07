package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.api.FiguresDataset;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The head of department's figures in the browser: two teams compared side by side, another period chosen and shown
 * (by keyboard), the CSV downloaded with the session, at 1280 px and at 320 px; every page scanned with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("The head's figures in the browser")
class FiguresBrowserTest extends BrowserTestSupport {

  @Autowired
  JdbcTemplate jdbc;

  @Override
  void ensureStaff() {
    super.ensureStaff();
    FiguresDataset.ensure(jdbc, org, encoder);
  }

  @Test
  @DisplayName("the head compares two teams, changes the period and submits by keyboard, downloads the CSV, and "
      + "the page has no accessibility violations at 1280 px and at 320 px")
  void comparesTwoTeamsChangesThePeriodAndDownloadsTheCsv() {
    signIn(FiguresDataset.HEAD);
    open("/figures?from=2026-01&to=2026-03");
    assertThat(driver.findElements(By.cssSelector("table.compare thead th"))).extracting(WebElement::getText)
        .containsExactly("Mål", "Team Figur A", "Team Figur B", "I alt");
    assertThat(driver.findElement(By.cssSelector("table.compare thead")).isDisplayed()).isTrue();
    assertThat(driver.findElements(By.cssSelector("table.satisfaction tbody tr"))).hasSize(3);

    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("document.getElementById('from').value = '2026-02';"
        + "document.getElementById('to').value = '2026-03';");
    WebElement show = driver.findElement(By.cssSelector("form.period button[type=submit]"));
    js.executeScript("arguments[0].focus()", show);
    show.sendKeys(Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("from=2026-02"));
    scan();
    assertThat(driver.findElements(By.cssSelector("table.satisfaction tbody th"))).extracting(WebElement::getText)
        .containsExactly("2026-02", "2026-03");
    assertThat(driver.findElements(By.cssSelector("table.compare thead th"))).hasSize(4);

    String href = driver.findElement(By.id("figures-csv")).getAttribute("href");
    assertThat(href).endsWith("/figures.csv?from=2026-02&to=2026-03");
    Object csv = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
        + "  return r.text().then(function (t) { done(r.status + ' ' + r.headers.get('content-disposition') + '\\n'"
        + "    + t); }); }).catch(function (e) { done('failed ' + e); });", href);
    assertThat(String.valueOf(csv)).startsWith("200 attachment")
        .contains("measure,team,month,key,value", "satisfaction,figa,2026-02,meetings,1",
            "satisfaction,figb,2026-02,satisfied,1", "spending,ALL,2026-03");

    driver.manage().window().setSize(new Dimension(320, 800));
    driver.navigate().refresh();
    scan();
    assertThat(widerThanScreen()).as("nothing but the tables' scroll regions is wider than 320 px").isEmpty();
    driver.manage().window().setSize(new Dimension(1280, 1000));
    assertNoAccessibilityViolations();
  }
}
