package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DisplayName("Paged lists in the browser")
class PagingBrowserTest extends BrowserTestSupport {

  private static final LocalDate BORN = LocalDate.of(2016, 5, 19);

  @Autowired
  IntakeService intake;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  Clock clock;

  @Test
  @DisplayName("more tasks and cases than a page: the task list and the overview show a pagination nav that the "
      + "keyboard follows (with htmx and at 320 px), and the pages stay free of accessibility violations")
  void pagedListsByKeyboard() {
    for (int i = 0; i < 55; i++) {
      String cpr = String.format("190516%d%03d", 4, i);
      int n = i;
      tx.execute(s -> intake.register(new NewNotification(
          new NewNotification.ChildInput(cpr, "Side", "Skift" + n, BORN), NotifierKind.SCHOOL, "Skolen", null,
          "Bekymring " + n, clock.instant(), "nord"), null, "ida"));
    }

    signIn("ida");
    open("/tasks");
    WebElement nav = driver.findElement(By.cssSelector("nav.pager"));
    assertThat(nav.getAttribute("aria-label")).isEqualTo("Sider i opgavelisten");
    assertThat(nav.getText()).containsPattern("Side 1 af \\d+");
    assertThat(driver.findElements(By.cssSelector("table.tasks tbody tr"))).hasSize(50);
    String firstRow = driver.findElement(By.cssSelector("table.tasks tbody tr a.open")).getAttribute("href");
    // the keyboard follows the next link; htmx swaps the table in and puts the page in the address
    WebElement next = nav.findElement(By.cssSelector("a[rel=next]"));
    next.sendKeys(Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/tasks?page=1"));
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElement(By.cssSelector("nav.pager"))
        .getText().matches("(?s).*Side 2 af \\d+.*"));
    assertThat(driver.findElement(By.cssSelector("table.tasks tbody tr a.open")).getAttribute("href"))
        .isNotEqualTo(firstRow);
    assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
    scan();
    // at 320 px the nav fits the screen
    driver.manage().window().setSize(new Dimension(320, 800));
    open("/tasks?page=1");
    assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "return document.querySelector('nav.pager').getBoundingClientRect().right <= window.innerWidth ? 1 : 0"))
        .isEqualTo(1L);
    driver.manage().window().setSize(new Dimension(1280, 1000));

    // a day on, the acute assessments are overdue: the overview pages its late deadlines and its open cases
    ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofHours(25))));
    signIn("birgitte");
    open("/oversight");
    assertThat(driver.findElements(By.cssSelector("nav.pager"))).hasSize(2);
    WebElement casesNext = driver.findElement(By.cssSelector(
        "nav.pager[aria-label='Sider i listen over sager'] a[rel=next]"));
    submit(casesNext);
    assertThat(driver.getCurrentUrl()).endsWith("/oversight?casesPage=1");
    assertThat(driver.findElement(By.cssSelector("nav.pager[aria-label='Sider i listen over sager']")).getText())
        .contains("Side 2 af");
    scan();
    open("/oversight?lang=en");
    assertThat(driver.findElement(By.cssSelector("nav.pager")).getText()).containsPattern("Page 1 of \\d+");
    open("/oversight?lang=da");
    assertNoAccessibilityViolations();
  }
}
