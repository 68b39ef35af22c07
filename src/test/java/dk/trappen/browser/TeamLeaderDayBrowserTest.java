package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.common.NotFoundException;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NewNotification;
import dk.trappen.intake.NotifierKind;
import dk.trappen.org.StaffMember;
import dk.trappen.tasks.CaseTaskService;
import dk.trappen.tasks.TaskView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DisplayName("A team leader's day in the browser")
class TeamLeaderDayBrowserTest extends BrowserTestSupport {

  @Autowired
  IntakeService intake;
  @Autowired
  CaseTaskService tasks;
  @Autowired
  ObjectMapper json;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  Clock clock;

  @Test
  @DisplayName("the team leader sees a deadline turn overdue after the demo clock moves, reassigns it, and the new "
      + "caseworker sees it")
  void seesOverdueReassignsAndTheNewCaseworkerSeesIt() {
    // a case whose investigation karen holds
    String caseNumber = tx.execute(s -> intake.register(new NewNotification(
        new NewNotification.ChildInput("0909134012", "Vera", "Lund", LocalDate.of(2013, 9, 9)),
        NotifierKind.RELATIVE, null, null, "Farmor er bekymret for Vera.", clock.instant(), "nord"), null, "ida"))
        .caseNumber();
    StaffMember ida = org.member("ida").orElseThrow();
    StaffMember karen = org.member("karen").orElseThrow();
    TaskView acute = only(caseNumber, "acute-assessment");
    tasks.complete(acute.id(), json.valueToTree(Map.of("outcome", "INVESTIGATE", "note", "Undersøges.")), ida);
    TaskView investigation = only(caseNumber, "investigation");
    tasks.claim(investigation.id(), karen);

    signIn("birgitte");
    open("/oversight");
    assertThat(pageText()).doesNotContain(caseNumber + "\n");
    screenshot("oversight-before");

    // the administrator moves the demo clock five times 30 days: past the 4-month investigation deadline
    signIn("admin");
    open("/admin/clock");
    for (int i = 0; i < 5; i++) {
      submit(byId("advance-P30D"));
    }
    assertThat(pageText()).contains("timer");
    scan();

    // sofie of team Syd tries to claim it: refused, and listed on the team leader's overview
    StaffMember sofie = org.member("sofie").orElseThrow();
    assertThatThrownBy(() -> tasks.claim(investigation.id(), sofie)).isInstanceOf(NotFoundException.class);

    signIn("birgitte");
    open("/oversight?state=overdue");
    // the list is paged, earliest due first: the team leader follows "Næste side" until the deadline shows (the other
    // tests of this context leave older overdue deadlines of team nord before it)
    By investigationBox = By.cssSelector("input[name=taskIds][value='" + investigation.id() + "']");
    for (int page = 1; driver.findElements(investigationBox).isEmpty() && page < 40; page++) {
      submit(driver.findElement(By.cssSelector("nav[aria-label='Sider i listen over frister'] a[rel=next]")));
    }
    WebElement checkbox = driver.findElement(investigationBox);
    WebElement row = checkbox.findElement(By.xpath("./ancestor::tr"));
    assertThat(row.getText()).contains(caseNumber).contains("Overskredet").contains("Børnefaglig undersøgelse");
    assertThat(checkbox.findElement(By.xpath("./ancestor::div[@class='group']")).getText()).contains("Karen");
    screenshot("oversight");
    checkbox.click();
    new Select(byId("assignee")).selectByValue("lars");
    submit(driver.findElement(By.cssSelector("form[action$='/oversight/reassign-tasks'] button[type=submit]")));
    assertThat(pageText()).contains("1 opgave(r) er givet videre").contains("Afviste forsøg på teamets sager");
    WebElement refusal = driver.findElement(By.xpath("//table[@class='refusals']//tr[td[contains(., '" + caseNumber
        + "')]]"));
    assertThat(refusal.getText()).contains("sofie").contains("claim: investigation")
        .contains("Sagen hører til et andet team");
    scan();

    signIn("lars");
    open("/tasks");
    WebElement larsRow = driver.findElement(By.xpath("//tr[td[contains(., '" + caseNumber + "')]]"));
    assertThat(larsRow.getText()).contains("Børnefaglig undersøgelse").contains("Overskredet").contains("lars");
    screenshot("tasks");

    // karen no longer holds the investigation (the interim assessment its at-risk time asked for is the team's)
    signIn("karen");
    open("/tasks");
    assertThat(driver.findElements(By.xpath("//tr[td[contains(., '" + caseNumber + "')]]")))
        .extracting(WebElement::getText).noneMatch(t -> t.contains("Børnefaglig undersøgelse"))
        .anyMatch(t -> t.contains("Foreløbig vurdering"));

    assertNoAccessibilityViolations();
  }

  private TaskView only(String caseNumber, String kind) {
    return tasks.tasksOfCase(caseNumber).stream().filter(t -> t.kind().equals(kind)).findFirst().orElseThrow();
  }
}
