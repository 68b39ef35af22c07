package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.tasks.CaseTaskService;
import dk.trappen.tasks.TaskView;
import java.sql.SQLNonTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nothing typed is lost when a session ends (static/js/session.js), and the error pages, in the browser. The warning
 * is set to come 10 seconds after the last contact with the server (a 30-minute session warned 1790 s before its
 * end), so that the test sees it without waiting half an hour.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "trappen.session.warn-before=1790s")
@ActiveProfiles("test")
@DisplayName("Session expiry and error pages in the browser")
class SessionAndErrorPagesBrowserTest extends BrowserTestSupport {

  /** A page whose database is closed (as H2 closes it after a write failed on a full disk). */
  @TestConfiguration
  static class StorageFaultPage {
    @Bean
    FailingStorage failingStorage() {
      return new FailingStorage();
    }
  }

  @RestController
  static class FailingStorage {
    @GetMapping("/test-only/storage-fault")
    String fail() {
      throw new DataAccessResourceFailureException("closed",
          new SQLNonTransientConnectionException("The database has been closed", "90098", 90098));
    }
  }

  @Autowired
  IntakeService intake;
  @Autowired
  CaseTaskService tasks;
  @Autowired
  ObjectMapper json;
  @Autowired
  Clock clock;

  @Test
  @DisplayName("an investigation typed into a task form survives the session's end: the submit leads to the "
      + "sign-in, and after it the form is back with the text and a notice; a submit that goes through clears it")
  void typedTextSurvivesTheSessionsEnd() {
    String taskId = investigationTask();
    signIn("karen");
    open("/tasks/" + taskId);
    String findings = "Oliver er meget alene om aftenen; mor arbejder om natten. Skolen beskriver ham som stille "
        + "og træt, men glad for idræt.";
    field("findings").sendKeys(findings);
    field("youthPerspective").sendKeys("Jeg vil gerne bo hjemme.");
    click("riskLevel", "MODERATE");

    // the session ends behind the caseworker's back
    driver.manage().deleteCookieNamed("JSESSIONID");
    submit(driver.findElement(By.cssSelector("main form button.primary[type=submit]")));
    waitFor(() -> driver.getCurrentUrl().contains("/login"));
    scan();

    // sign in again (in the same tab, with what the browser remembers)
    byId("username").sendKeys("karen");
    byId("password").sendKeys(PASSWORD);
    submit(driver.findElement(By.cssSelector("form button[type=submit].primary")));
    waitFor(() -> driver.getCurrentUrl().contains("/tasks/" + taskId));
    waitFor(() -> !driver.findElements(By.id("draft-restored")).isEmpty()
        && !driver.findElement(By.id("draft-restored")).getText().isBlank());
    assertThat(field("findings").getAttribute("value")).isEqualTo(findings);
    assertThat(field("youthPerspective").getAttribute("value")).isEqualTo("Jeg vil gerne bo hjemme.");
    assertThat(driver.findElement(By.cssSelector("[name=riskLevel][value=MODERATE]")).isSelected()).isTrue();
    WebElement notice = byId("draft-restored");
    assertThat(notice.getAttribute("role")).isEqualTo("status");
    assertThat(notice.getText()).contains("sat ind igen");
    scan();

    // sent while signed in (the form is incomplete, so it comes back with the errors): the draft is gone
    submit(driver.findElement(By.cssSelector("main form button.primary[type=submit]")));
    assertThat(field("findings").getAttribute("value")).as("the server keeps what was sent").isEqualTo(findings);
    open("/tasks/" + taskId);
    assertThat(driver.findElements(By.id("draft-restored"))).as("no draft after a submit that went through").isEmpty();
    assertThat(field("findings").getAttribute("value")).isEmpty();
    assertNoAccessibilityViolations();
  }

  @Test
  @DisplayName("shortly before the session ends a warning appears (an alert with a button to stay signed in, "
      + "which keeps the session); after it has ended, the button signs in again and returns to the text")
  void warningBeforeTheEnd() {
    signIn("karen");
    open("/intake");
    field("concern").sendKeys("Naboen har hørt råb fra lejligheden flere aftener.");
    WebElement banner = byId("session-warning");
    assertThat(banner.isDisplayed()).isFalse();
    waitFor(Duration.ofSeconds(30), banner::isDisplayed);
    assertThat(banner.getAttribute("role")).isEqualTo("alert");
    assertThat(banner.getText()).contains("Du bliver snart logget ud");
    WebElement stay = byId("session-stay");
    assertThat(stay.getTagName()).isEqualTo("button");
    assertThat(stay.getText()).isEqualTo("Forbliv logget ind");
    scan();
    // at 320 px the banner and its button fit
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(320, 800));
    assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(320);
    assertThat(stay.isDisplayed()).isTrue();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

    stay.click();
    waitFor(() -> !banner.isDisplayed());

    // the session ends; the next warning's button finds that out and offers to sign in again
    waitFor(Duration.ofSeconds(30), banner::isDisplayed);
    driver.manage().deleteCookieNamed("JSESSIONID");
    stay.click();
    waitFor(() -> stay.getText().equals("Log ind igen"));
    assertThat(banner.getText()).contains("Du er blevet logget ud");
    submit(stay);
    waitFor(() -> driver.getCurrentUrl().contains("/login"));
    byId("username").sendKeys("karen");
    byId("password").sendKeys(PASSWORD);
    submit(driver.findElement(By.cssSelector("form button[type=submit].primary")));
    waitFor(() -> driver.getCurrentUrl().contains("/intake"));
    waitFor(() -> "Naboen har hørt råb fra lejligheden flere aftener.".equals(field("concern").getAttribute("value")));
    assertNoAccessibilityViolations();
  }

  @Test
  @DisplayName("the page of a request the database could not serve (503) says nothing was saved, in Danish and "
      + "English, without accessibility violations")
  void storageFaultPageIsAccessible() {
    signIn("karen");
    open("/test-only/storage-fault");
    assertThat(driver.getTitle()).isEqualTo("Trappen kan ikke gemme lige nu – Trappen");
    assertThat(pageText()).contains("ikke gemt").contains("Fejlkode: 503");
    assertNoAccessibilityViolations();
    open("/test-only/storage-fault?lang=en");
    assertThat(driver.getTitle()).isEqualTo("Trappen cannot save right now – Trappen");
    assertNoAccessibilityViolations();
    open("/tasks?lang=da");
  }

  @Test
  @DisplayName("the error pages (403 for the wrong role, 404 for an unknown address, the signed-out page) are in "
      + "the layout, in Danish and English, without accessibility violations")
  void errorPagesAreAccessible() {
    signIn("karen");
    open("/admin/clock");
    assertThat(driver.getTitle()).isEqualTo("Ingen adgang – Trappen");
    assertThat(pageText()).contains("Ingen adgang").contains("Mine opgaver").contains("Gå til forsiden");
    open("/no-such-page");
    assertThat(driver.getTitle()).isEqualTo("Siden blev ikke fundet – Trappen");
    open("/no-such-page?lang=en");
    assertThat(driver.getTitle()).isEqualTo("Page not found – Trappen");
    assertThat(pageText()).contains("My tasks");
    open("/admin/clock");
    assertThat(pageText()).contains("No access");
    open("/tasks?lang=da");

    signIn("ida");
    open("/oversight");
    assertThat(pageText()).contains("Ingen adgang");

    driver.manage().deleteAllCookies();
    open("/error");
    assertThat(pageText()).contains("Gå til log ind").doesNotContain("Log ud");
    assertThat(driver.findElements(By.cssSelector("header nav"))).isEmpty();
    open("/error?lang=en");
    assertThat(pageText()).contains("Go to sign in");
    assertNoAccessibilityViolations();
  }

  /** A notification received now and assessed: its investigation waits on team nord's list. */
  private String investigationTask() {
    LocalDate birth = LocalDate.of(2014, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(360));
    String cpr = java.time.format.DateTimeFormatter.ofPattern("ddMMyy").format(birth) + "4"
        + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
    String caseNumber = intake.register(new NewNotification(
        new NewNotification.ChildInput(cpr, "Oliver", "Dahl", birth),
        NotifierKind.SCHOOL, "Nørre Skole", "Lærer Hansen", "Kommer ofte sulten i skole.", clock.instant(), "nord"),
        null, "ida").caseNumber();
    complete(caseNumber, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    complete(caseNumber, "Task_SendAcknowledgement", "ida", Map.of("note", "Sendt."));
    return tasks.tasksOfCase(caseNumber).stream().filter(t -> "Task_Investigation".equals(t.taskKey()))
        .map(TaskView::id).findFirst().orElseThrow();
  }

  private void complete(String caseNumber, String taskKey, String username, Map<String, Object> payload) {
    TaskView task = tasks.tasksOfCase(caseNumber).stream().filter(t -> taskKey.equals(t.taskKey())).findFirst()
        .orElseThrow();
    tasks.complete(task.id(), json.valueToTree(payload), org.member(username).orElseThrow());
  }

  private WebElement field(String name) {
    return driver.findElement(By.cssSelector("[name='" + name + "']"));
  }

  private void click(String name, String value) {
    driver.findElement(By.cssSelector("[name='" + name + "'][value='" + value + "']")).click();
  }

  private void waitFor(java.util.function.BooleanSupplier condition) {
    waitFor(Duration.ofSeconds(15), condition);
  }

  private void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, timeout).until(d -> condition.getAsBoolean());
  }
}
