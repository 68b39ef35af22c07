package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DisplayName("The task list's sorting and saved filters in the browser")
class TaskListSortingBrowserTest extends BrowserTestSupport {

  private static final LocalDate BORN = LocalDate.of(2016, 7, 3);

  @Autowired
  IntakeService intake;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  Clock clock;

  @Test
  @DisplayName("by keyboard a column header sorts the list and marks itself with aria-sort, a filter is saved under a "
      + "name and followed from its link and deleted; free of accessibility violations, and at 320 px only the table "
      + "scrolls sideways")
  void sortAndSaveByKeyboard() {
    for (int i = 0; i < 3; i++) {
      String cpr = String.format("030716%d%03d", 4, i);
      int n = i;
      tx.execute(s -> intake.register(new NewNotification(
          new NewNotification.ChildInput(cpr, "Sortér", "Mig" + n, BORN), NotifierKind.SCHOOL, "Skolen", null,
          "Bekymring " + n, clock.instant(), "nord"), null, "ida"));
    }
    signIn("ida");
    open("/tasks");
    WebElement caseHeader = driver.findElement(By.xpath("//table[contains(@class,'tasks')]//th[.//span[text()='Sag']]"));
    submit(caseHeader.findElement(By.cssSelector("a.sort")));
    assertThat(driver.getCurrentUrl()).endsWith("/tasks?sort=case&dir=asc");
    assertThat(driver.findElement(By.xpath("//th[.//span[text()='Sag']]")).getAttribute("aria-sort"))
        .isEqualTo("ascending");
    scan();

    WebElement name = byId("filter-name");
    name.sendKeys("Efter sag");
    name.sendKeys(Keys.ENTER);
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
        .until(d -> d.getPageSource().contains("Filteret »Efter sag« er gemt."));
    WebElement saved = driver.findElement(By.cssSelector("nav.saved-filters a"));
    assertThat(saved.getText()).isEqualTo("Efter sag");
    assertThat(saved.getAttribute("aria-current")).isEqualTo("true");
    scan();

    // at 320 px the page does not scroll sideways: the table scrolls in its own region, the forms wrap
    driver.manage().window().setSize(new Dimension(320, 800));
    open("/tasks?sort=case&dir=asc");
    assertThat(((Number) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(320);
    driver.manage().window().setSize(new Dimension(1280, 1000));

    open("/tasks");
    submit(driver.findElement(By.cssSelector("nav.saved-filters li form button")));
    assertThat(pageText()).contains("Filteret er slettet.");
    assertThat(driver.findElements(By.cssSelector("nav.saved-filters a"))).isEmpty();
    assertNoAccessibilityViolations();
  }
}
