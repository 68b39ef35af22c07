package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.cases.CaseService;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.parties.NewParty;
import dk.trappen.parties.PartiesService;
import dk.trappen.tasks.CaseTaskService;
import dk.trappen.tasks.TaskView;
import dk.trappen.testsupport.JourneySeeder;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What leaves the office, through the pages (issue 19): karen chooses a step, reviews the decision letter drafted
 * from it, writes the reasons and sends it; the sent letter is on the case as a document; the child's plan downloads
 * as a PDF. Every new page is scanned for accessibility, and again at 320 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("A decision letter in the browser")
class DecisionLetterBrowserTest extends BrowserTestSupport {

  private static final AtomicInteger SERIAL = new AtomicInteger((int) (Math.random() * 3000));

  @Autowired
  Clock clock;
  @Autowired
  IntakeService intake;
  @Autowired
  CaseService cases;
  @Autowired
  CaseTaskService tasks;
  @Autowired
  PartiesService parties;
  @Autowired
  ObjectMapper json;
  @Autowired
  TransactionTemplate transactions;

  @Test
  @DisplayName("the caseworker chooses a step, reviews the drafted decision letter, writes the reasons and sends it; "
      + "the letter is on the case as a document and the plan downloads as a PDF; no accessibility violation, also "
      + "at 320 px")
  void chooseAStepAndSendTheDecision() {
    LocalDate born = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen"))).minusYears(9);
    String caseNumber = transactions.execute(s -> intake.register(new NewNotification(
        new NewNotification.ChildInput(JourneySeeder.cpr(born, 3000 + SERIAL.incrementAndGet() % 2000), "Vilma",
            "Brevsen", born), NotifierKind.SCHOOL, "Skolen", null, "Meget fravær.", clock.instant(), "nord"),
        null, "ida")).caseNumber();
    complete(caseNumber, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    complete(caseNumber, "Task_Investigation", "karen", Map.of(
        "findings", "Vilma mangler struktur i hverdagen.", "youthPerspective", "Jeg vil gerne bo hjemme.",
        "riskLevel", "MODERATE", "safeAtHome", true, "kinOrNetworkPossible", false, "youthWish", "STAY_HOME",
        "outcome", "INTERVENTION"));
    parties.add(cases.get(caseNumber), new NewParty("CUSTODY_HOLDER", "Mona Brevsen", true, null,
        "Brevvej 1, 8000 Aarhus C", null, null, false), "karen");

    signIn("karen");
    open("/cases/" + caseNumber);
    submit(driver.findElement(By.xpath(
        "//a[contains(@href, '/tasks/') and starts-with(normalize-space(.), 'Vælg trin')]")));
    scan();
    field("description").sendKeys("Familierådgivning hver 14. dag.");
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field("plannedEnd"),
        LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen"))).plusMonths(6).toString());
    new Select(field("nextStepDownKey")).selectByValue("EARLY_HELP");
    field("childNotHeardReason").sendKeys("Samtalen holdes på hjemmebesøget i næste uge.");
    submit(driver.findElement(By.cssSelector("main form button.primary[type=submit]")));
    scan();

    // the decision letter was drafted with the choice: karen reviews it from the case page
    open("/cases/" + caseNumber);
    WebElement draft = driver.findElement(By.cssSelector("#letters ul.letters li a"));
    assertThat(draft.getText()).contains("Afgørelse");
    submit(draft);
    scan();
    String letterPage = driver.getCurrentUrl().replace(url(""), "");
    WebElement reasons = byId("letter-reasons");
    reasons.clear();
    reasons.sendKeys("Vilma har brug for støtte til en fast hverdag, og familien ønsker hjælpen.");
    submit(driver.findElement(By.xpath("//form//button[normalize-space(.)='Gem kladden']")));
    scan();
    assertThat(byId("letter-reasons").getAttribute("value")).startsWith("Vilma har brug for støtte");
    submit(driver.findElement(By.xpath("//form//button[normalize-space(.)='Send brevet']")));
    scan();
    assertThat(driver.findElements(By.id("letter-reasons"))).as("a sent letter is frozen").isEmpty();
    assertThat(pageText()).contains("Vilma har brug for støtte til en fast hverdag");

    // the sent letter is on the case as a document, and downloads as a PDF
    open("/cases/" + caseNumber);
    List<WebElement> letters = driver.findElements(By.xpath(
        "//tr[contains(@class, 'document') and .//td[contains(@class, 'document-kind') and normalize-space(.)='Brev']]"));
    assertThat(letters).as("the sent decision letter among the case's documents").hasSize(1);
    String documentLink = letters.get(0).findElement(By.cssSelector("a[href*='/documents/']")).getAttribute("href");
    assertThat(fetched(documentLink.replace(url(""), ""))).startsWith("application/pdf %PDF-");
    // the child's plan
    assertThat(fetched("/cases/" + caseNumber + "/plan.pdf")).startsWith("application/pdf %PDF-");

    // the new pages at 320 px
    driver.manage().window().setSize(new Dimension(320, 800));
    for (String page : List.of("/cases/" + caseNumber, letterPage)) {
      open(page);
      assertThat(scrollWidth()).as(page + " at 320 px: " + widerThanScreen()).isLessThanOrEqualTo(320);
    }
    assertNoAccessibilityViolations();
  }

  /** The content type and the first five bytes of what the signed-in browser gets from {@code path}. */
  private String fetched(String path) {
    return String.valueOf(((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done((r.headers.get('Content-Type') || '')
            + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))))
          .catch(e => done('failed ' + e));""", path));
  }

  private void complete(String caseNumber, String taskKey, String username, Map<String, Object> payload) {
    TaskView task = tasks.tasksOfCase(caseNumber).stream().filter(t -> taskKey.equals(t.taskKey())).findFirst()
        .orElseThrow();
    tasks.complete(task.id(), json.valueToTree(payload), org.member(username).orElseThrow());
  }

  private WebElement field(String name) {
    return driver.findElement(By.cssSelector("[name='" + name + "']"));
  }
}
