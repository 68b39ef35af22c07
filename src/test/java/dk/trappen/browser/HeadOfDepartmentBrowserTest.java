package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.api.TestStaff;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.org.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A head of department over two teams in the browser: the overview with both teams side by side, the second team's
 * overview reached by keyboard (read-only, at 1280 px and at 320 px), and a case of that team read without the concern
 * form. Every page is scanned with axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("A head of department's pages in the browser")
class HeadOfDepartmentBrowserTest extends BrowserTestSupport {

  /** A head over nord and syd (TestStaff's heads hanne and jens have one team each). */
  private static final String HEAD = "ragnhild";

  @Autowired
  IntakeService intake;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  Clock clock;

  @Override
  void ensureStaff() {
    super.ensureStaff();
    if (org.member(HEAD).isEmpty()) {
      org.createUserInTeams(HEAD, "Ragnhild", Role.HEAD, List.of("nord", "syd"), encoder.encode(PASSWORD), false);
    }
    TestStaff.setActive(org, true, HEAD);
  }

  /** Another head of nord would receive the heads' notices other tests expect hanne alone to receive. */
  @AfterEach
  void headInactive() {
    TestStaff.setActive(org, false, HEAD);
  }

  @Test
  @DisplayName("a head over two teams signs in, lands on the overview with both teams side by side, follows the "
      + "second team's link by keyboard, and that read-only overview has no accessibility violations, at 1280 px and "
      + "at 320 px without scrolling sideways")
  void seesBothTeamsAndReachesTheSecondByKeyboard() {
    signIn(HEAD);
    assertThat(driver.getCurrentUrl()).as("a head starts on the overview").endsWith("/oversight");
    scan();
    assertThat(driver.findElements(By.cssSelector("table.side-by-side tbody th"))).extracting(WebElement::getText)
        .containsExactly("Team Nord", "Team Syd");
    assertThat(driver.findElement(By.cssSelector("table.side-by-side a[aria-current=page]")).getText())
        .isEqualTo("Team Nord");
    assertThat(driver.findElement(By.cssSelector("p.team-shown")).getText()).isEqualTo("Viser team: Team Nord");
    assertThat(driver.findElements(By.cssSelector("header nav a")))
        .extracting(a -> a.getAttribute("href").replace(url(""), ""))
        .as("a head's navigation: the cases, the overview, the figures and the bell (deadlines escalated to the head)")
        .containsExactly("/cases", "/oversight", "/figures", "/bell");

    // by keyboard: Tab from the page's start reaches the link to Team Syd, and Enter follows it
    WebElement syd = driver.findElement(By.cssSelector("table.side-by-side a[href$='team=syd']"));
    ((JavascriptExecutor) driver).executeScript("document.querySelector('a[href], button, select, input').focus()");
    boolean reached = false;
    for (int i = 0; i < 30 && !reached; i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
      reached = driver.switchTo().activeElement().equals(syd);
    }
    assertThat(reached).as("the link to Team Syd is reached with Tab").isTrue();
    syd.sendKeys(Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/oversight?team=syd"));
    scan();
    assertThat(driver.findElement(By.cssSelector("p.team-shown")).getText()).isEqualTo("Viser team: Team Syd");
    assertThat(driver.findElement(By.cssSelector("table.side-by-side a[aria-current=page]")).getText())
        .isEqualTo("Team Syd");
    assertReadOnly();
    assertTablesScrollInTheirOwnRegions();
    screenshot("oversight-head");

    // at 320 px nothing scrolls sideways but the side-by-side table, within its own region
    driver.manage().window().setSize(new Dimension(320, 800));
    open("/oversight?team=syd");
    assertThat(scrollWidth()).as("/oversight?team=syd at 320 px: " + widerThanScreen()).isLessThanOrEqualTo(320);
    assertThat(driver.findElement(By.cssSelector(".table-scroll[role=region]")).getAttribute("tabindex"))
        .as("the scroll region is reachable by keyboard").isEqualTo("0");
    driver.manage().window().setSize(new Dimension(1280, 1000));

    assertThat(pagesScanned).as("sign-in, the landing overview, Team Syd at both widths").isEqualTo(4);
    assertNoAccessibilityViolations();
  }

  @Test
  @DisplayName("a head opens a case of their second team and reads it without the concern form, at 1280 px and at "
      + "320 px, with no accessibility violations")
  void readsACaseOfTheirTeamWithoutTheConcernForm() {
    String caseNumber = tx.execute(s -> intake.register(new NewNotification(
        new NewNotification.ChildInput("0303154321", "Sigrid", "Holm", LocalDate.of(2015, 3, 3)),
        NotifierKind.SCHOOL, "Skolen", null, "Sigrid kommer ofte sulten i skole.", clock.instant(), "syd"), null,
        "ida")).caseNumber();

    signIn(HEAD);
    open("/cases/" + caseNumber);
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Sigrid Holm").contains(caseNumber);
    assertThat(pageText()).contains("Team Syd").contains("Sigrid kommer ofte sulten i skole.");
    assertThat(driver.findElements(By.cssSelector("form[action$='/concerns'], a[href='#concerns'], #concerns")))
        .as("a head writes nothing on the case").isEmpty();
    assertThat(driver.findElements(By.cssSelector("main form"))).as("no form at all on the head's case page")
        .isEmpty();

    assertTablesScrollInTheirOwnRegions();
    driver.manage().window().setSize(new Dimension(320, 800));
    open("/cases/" + caseNumber);
    assertThat(scrollWidth()).as("the case at 320 px: " + widerThanScreen()).isLessThanOrEqualTo(320);
    driver.manage().window().setSize(new Dimension(1280, 1000));

    assertNoAccessibilityViolations();
  }

  /** Every table of the page scrolls within its own region, which the keyboard reaches and a heading names. */
  private void assertTablesScrollInTheirOwnRegions() {
    assertThat(driver.findElements(By.cssSelector("main table"))).isNotEmpty()
        .allMatch(t -> t.findElements(By.xpath("./ancestor::div[@class='table-scroll' and @role='region' "
            + "and @tabindex='0' and @aria-labelledby]")).size() == 1, "in a scroll region");
  }

  /** No checkboxes, no reassignment forms: a head reads the overview. */
  private void assertReadOnly() {
    assertThat(driver.findElements(By.cssSelector(
        "input[type=checkbox], form[action$='/reassign-tasks'], form[action$='/reassign-cases'], select#assignee, "
            + "select#caseworker"))).as("a head reassigns nothing").isEmpty();
  }
}
