package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.audit.AuditService;
import dk.trappen.cases.CaseService;
import java.time.Clock;
import java.util.List;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A caseworker's day, all through the pages: intake registers a notification, does the acute assessment; the
 * caseworker investigates (first with a mistake), chooses the step, writes the plan and holds the first network
 * meeting. Every page is scanned for accessibility.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("A caseworker's day in the browser")
class CaseworkerDayBrowserTest extends BrowserTestSupport {

  @Autowired
  Clock clock;
  @Autowired
  AuditService audit;
  @Autowired
  CaseService cases;

  @Test
  @DisplayName("a notification goes from the intake form to its first network meeting through the pages, and a form "
      + "with bad input keeps what was typed and names the field")
  void fromIntakeToFirstNetworkMeeting() {
    signIn("ida");
    open("/intake");
    byId("cpr").sendKeys("1207114398");
    byId("firstName").sendKeys("Oliver");
    byId("lastName").sendKeys("Dahl");
    setValue(byId("birthDate"), "2011-07-12");
    new Select(byId("notifierKind")).selectByValue("RELATIVE");
    byId("concern").sendKeys("Mormor fortæller, at Oliver ofte er alene hjemme om natten.");
    new Select(byId("team")).selectByValue("nord");
    submit(driver.findElement(By.cssSelector("main form button.primary[type=submit]")));
    assertThat(driver.getCurrentUrl()).contains("/cases/");
    String caseNumber = driver.getCurrentUrl().replaceAll(".*/cases/([^?#/]+).*", "$1");
    scan();

    openTask("Akut vurdering");
    click("outcome", "INVESTIGATE");
    field("note").sendKeys("Ingen akut fare; undersøgelse iværksættes.");
    submitForm();
    assertThat(driver.getCurrentUrl()).endsWith("/tasks");

    signIn("karen");
    open("/cases/" + caseNumber);
    openTask("Børnefaglig undersøgelse");
    // a mistake first: the youth's perspective and the outcome are missing
    String findings = "Oliver er meget alene; mor arbejder om natten. Skolen beskriver ham som stille.";
    field("findings").sendKeys(findings);
    click("riskLevel", "MODERATE");
    submitForm();
    assertThat(driver.getCurrentUrl()).contains("/tasks/");
    assertThat(field("findings").getAttribute("value")).isEqualTo(findings);
    assertThat(driver.findElement(By.cssSelector("[name=riskLevel][value=MODERATE]")).isSelected()).isTrue();
    WebElement perspective = field("youthPerspective");
    assertThat(perspective.getAttribute("aria-invalid")).isEqualTo("true");
    String errorId = perspective.getAttribute("aria-describedby");
    assertThat(errorId).isNotBlank();
    assertThat(pageText()).contains(driver.findElement(By.id(errorId.split(" ")[0])).getText());
    scan();

    field("youthPerspective").sendKeys("Jeg vil gerne bo hjemme, men ikke være alene.");
    click("safeAtHome", "true");
    click("kinOrNetworkPossible", "false");
    click("youthWish", "STAY_HOME");
    click("outcome", "INTERVENTION");
    submitForm();

    open("/cases/" + caseNumber);
    openTask("Vælg trin");
    assertThat(driver.findElement(By.cssSelector("[name=stepKey][value=PREVENTIVE]")).isSelected())
        .as("the recommended step is preselected").isTrue();
    field("description").sendKeys("Familierådgivning hver 14. dag og en kontaktperson.");
    setValue(field("plannedEnd"), today().plusMonths(6).toString());
    new Select(field("nextStepDownKey")).selectByValue("EARLY_HELP");
    field("childNotHeardReason").sendKeys("Samtalen holdes på hjemmebesøget i næste uge; familien ønsker hjælpen nu.");
    submitForm();

    open("/cases/" + caseNumber);
    assertThat(pageText()).contains("Nuværende trin");
    openTask("Barnets plan");
    field("youthOwnWords").sendKeys("Jeg vil have en ven og komme i skole hver dag.");
    field("goals[0].title").sendKeys("Stabilt skolefremmøde");
    field("goals[0].successCriterion").sendKeys("Fremmøde over 90 % i tre måneder");
    field("goals[0].owner").sendKeys("Skolen og mor");
    setValue(field("goals[0].targetDate"), today().plusMonths(4).toString());
    field("goals[0].subGoals[0].title").sendKeys("Fast morgenrutine");
    setValue(field("goals[0].subGoals[0].targetDate"), today().plusMonths(1).toString());
    submitForm();

    open("/cases/" + caseNumber);
    openTask("Netværksmøde");
    var names = driver.findElements(By.cssSelector("input[name^='participants['][name$='.name']"));
    assertThat(names).isNotEmpty();
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).getAttribute("value").isBlank()) {
        names.get(i).sendKeys(i == 0 ? "Oliver" : "Karen");
      }
    }
    new Select(field("goalProgress[0].progress")).selectByValue("4");
    click("youthSatisfaction", "4");
    field("youthVoice").sendKeys("Det er godt, at nogen spørger mig.");
    click("decision", "CONTINUE");
    field("decisionNote").sendKeys("Indsatsen fortsætter; næste møde om otte uger.");
    submitForm();
    assertThat(driver.getCurrentUrl()).endsWith("/tasks");

    open("/cases/" + caseNumber);
    String page = pageText();
    assertThat(page).contains("Netværksmøde").contains("Forebyggende indsatser").contains("Stabilt skolefremmøde");
    assertThat(driver.findElements(By.xpath("//a[contains(@href, '/tasks/') and contains(., 'Netværksmøde')]")))
        .as("the next network meeting is asked for").hasSize(1);

    // every read and write of the day left one audit row: 18 in all
    List<String> trail = new java.util.ArrayList<>(audit.ofCase(cases.get(caseNumber).id()).stream()
        .map(a -> a.username() + " " + a.action() + " " + a.what()).toList());
    java.util.Collections.reverse(trail);
    System.out.println("Audit trail of the caseworker's day (" + trail.size() + " rows):\n" + String.join("\n", trail));
    assertThat(trail).isEqualTo(EXPECTED_TRAIL);

    assertNoAccessibilityViolations();
  }

  /**
   * One row per page shown and per task written: the case page; each form when shown, and the investigation form
   * again when it comes back after the mistake; each completion.
   */
  static final List<String> EXPECTED_TRAIL = List.of(
      "ida WRITE page: notification",
      "ida READ page: case (intake view)",
      "ida READ task: acute-assessment",
      "ida WRITE complete: acute-assessment",
      "karen READ page: case",
      "karen READ task: investigation",
      "karen READ task: investigation",
      "karen WRITE complete: investigation",
      "karen READ page: case",
      "karen READ task: choose-step",
      "karen WRITE complete: choose-step",
      "karen READ page: case",
      "karen READ task: action-plan",
      "karen WRITE complete: action-plan",
      "karen READ page: case",
      "karen READ task: network-meeting",
      "karen WRITE complete: network-meeting",
      "karen READ page: case");

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Copenhagen"));
  }

  /** Opens the case page's open task whose link text starts with the given words, and scans its form. */
  private void openTask(String linkText) {
    WebElement link = driver.findElement(By.xpath(
        "//a[contains(@href, '/tasks/') and starts-with(normalize-space(.), '" + linkText + "')]"));
    submit(link);
    scan();
  }

  private WebElement field(String name) {
    return driver.findElement(By.cssSelector("[name='" + name + "']"));
  }

  private void click(String name, String value) {
    driver.findElement(By.cssSelector("[name='" + name + "'][value='" + value + "']")).click();
  }

  private void setValue(WebElement input, String value) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
  }

  private void submitForm() {
    submit(driver.findElement(By.cssSelector("main form button.primary[type=submit]")));
    scan();
  }
}
