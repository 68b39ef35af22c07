package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.testsupport.JourneySeeder;
import dk.trappen.web.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * A caseworker's week in the case file, all through the pages (issue 18): karen finds a child by CPR number in the
 * header's search and opens the case; records a phone call and corrects it; adds a custody holder and her consent;
 * writes a conversation with the child; records a network meeting held yesterday and sees the next one due 56 days
 * from yesterday; and the bell shows her the task that follows. Every page is scanned for accessibility, and the new
 * pages again at 320 px, where nothing but a table's own region may scroll sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("A caseworker's week in the case file, in the browser")
class CaseworkerWeekBrowserTest extends BrowserTestSupport {

  private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

  @Autowired
  Clock clock;
  @Autowired
  CaseService cases;
  @Autowired
  DeadlineRegister deadlines;
  @Autowired
  Times times;
  @Autowired
  ApplicationContext context;

  @Test
  @DisplayName("search by CPR, a phone call corrected, a custody holder with consent, a conversation with the child, "
      + "a network meeting dated yesterday with the next due 56 days from yesterday, and the bell showing the next "
      + "task; no accessibility violation, also at 320 px")
  void aWeekInTheCaseFile() throws Exception {
    String caseNumber = new JourneySeeder(context).interventionsRunning(1, clock.instant(), 1).get(0);
    CaseRef theCase = cases.get(caseNumber);
    assertThat(theCase.caseworker()).isEqualTo("karen");

    // Monday: the school calls about a child; karen finds the case by the CPR number in the header
    signIn("karen");
    open("/tasks");
    WebElement search = byId("header-search");
    search.sendKeys(theCase.childCpr().substring(0, 6) + "-" + theCase.childCpr().substring(6));
    submit(driver.findElement(By.cssSelector("form.header-search button[type=submit]")));
    scan();
    assertThat(driver.getCurrentUrl()).contains("/cases?");
    submit(driver.findElement(By.linkText(caseNumber)));
    scan();
    assertThat(driver.getCurrentUrl()).endsWith("/cases/" + caseNumber);
    assertThat(pageText()).contains(theCase.childName());

    // the phone call, then its correction: the old version is kept and shown as corrected
    journal("PHONE_CALL", hoursAgo(2), "Skolen ringede: Barnet var fraværende mandag og tirsdag.");
    assertThat(pageText()).contains("Skolen ringede: Barnet var fraværende mandag og tirsdag.");
    WebElement entry = driver.findElements(By.cssSelector("li.journal-entry")).get(0);
    entry.findElement(By.cssSelector("details.journal-correct summary")).click();
    WebElement text = entry.findElement(By.cssSelector("details.journal-correct textarea[name=text]"));
    text.clear();
    text.sendKeys("Skolen ringede: Barnet var fraværende mandag, tirsdag og onsdag.");
    entry.findElement(By.cssSelector("details.journal-correct textarea[name=reason]"))
        .sendKeys("Skolen rettede oplysningen om onsdag.");
    submit(entry.findElement(By.cssSelector("details.journal-correct button[type=submit]")));
    scan();
    assertThat(pageText()).contains("Skolen ringede: Barnet var fraværende mandag, tirsdag og onsdag.")
        .contains("Tidligere versioner (1)");

    // Tuesday: the mother, who holds custody, and her written consent to talk to the school
    new Select(byId("party-role")).selectByValue("CUSTODY_HOLDER");
    byId("party-name").sendKeys("Maria Mor");
    byId("party-cpr").sendKeys("0101854321");
    byId("party-phone").sendKeys("20 30 40 50");
    submit(driver.findElement(By.cssSelector("form.party-form button[type=submit], #parties form button.primary")));
    scan();
    assertThat(pageText()).contains("Maria Mor");
    new Select(byId("consent-partyId")).selectByIndex(1);
    new Select(byId("consent-state")).selectByValue("GIVEN");
    new Select(byId("consent-documentation")).selectByValue("WRITTEN");
    byId("consent-purpose").sendKeys("Samtale med skolen om fraværet");
    setValue(byId("consent-happenedAt"), local(hoursAgo(1)));
    submit(driver.findElement(By.cssSelector("form.consent-form button[type=submit]")));
    scan();
    assertThat(pageText()).contains("Samtale med skolen om fraværet");

    // Wednesday: the conversation with the child
    journal("CHILD_CONVERSATION", hoursAgo(1), "Samtale med barnet om skolen; barnet vil gerne have en kontaktperson.");
    assertThat(pageText()).contains("barnet vil gerne have en kontaktperson");

    // Thursday: the network meeting was held yesterday and is written today
    Instant yesterday = clock.instant().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    open("/cases/" + caseNumber);
    submit(driver.findElement(By.xpath(
        "//a[contains(@href, '/tasks/') and starts-with(normalize-space(.), 'Netværksmøde')]")));
    scan();
    setValue(field("heldAt"), local(yesterday));
    var names = driver.findElements(By.cssSelector("input[name^='participants['][name$='.name']"));
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).getAttribute("value").isBlank()) {
        names.get(i).sendKeys(i == 0 ? "Barnet" : "Karen");
      }
    }
    driver.findElement(By.cssSelector("[name='youthSatisfaction'][value='4']")).click();
    field("youthVoice").sendKeys("Det hjælper at tale med nogen.");
    driver.findElement(By.cssSelector("[name='decision'][value='CONTINUE']")).click();
    field("decisionNote").sendKeys("Indsatsen fortsætter; næste møde om otte uger.");
    submit(driver.findElement(By.cssSelector("main form button.primary[type=submit]")));
    scan();
    assertThat(driver.getCurrentUrl()).endsWith("/tasks");

    List<DeadlineView> meetings = deadlines.forCase(theCase.id()).stream()
        .filter(d -> d.kind() == DeadlineKind.NETWORK_MEETING).toList();
    DeadlineView held = meetings.stream().filter(d -> d.metAt() != null).findFirst().orElseThrow();
    DeadlineView next = meetings.stream().filter(d -> d.metAt() == null && d.cancelledAt() == null).findFirst()
        .orElseThrow();
    assertThat(held.metAt()).isEqualTo(yesterday);
    assertThat(held.metRecordedAt()).isAfter(yesterday);
    // by the end of the 56th day after the meeting was held
    assertThat(next.dueAt())
        .isEqualTo(yesterday.atZone(CPH).toLocalDate().plusDays(56).atTime(23, 59, 59).atZone(CPH).toInstant());
    open("/cases/" + caseNumber);
    LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
    try {
      assertThat(pageText()).as("the next meeting's due date on the case page").contains(times.date(next.dueAt()));
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }

    // the bell in the header: the next network meeting of the case is new, and hers; opening it marks it seen
    WebElement bell = driver.findElement(By.cssSelector("header a.bell"));
    assertThat(bell.getAttribute("aria-label")).startsWith("Nyt til dig: ").doesNotContain("intet");
    submit(bell);
    scan();
    List<WebElement> fresh = driver.findElements(By.xpath(
        "//ul[@aria-labelledby='bell-new']/li[.//a[contains(@href, '/cases/" + caseNumber + "')]"
            + " and .//a[contains(@href, '/tasks/') and contains(., 'Netværksmøde')]]"));
    assertThat(fresh).as("the task that follows, in the bell").hasSize(1);
    String taskLink = fresh.get(0).findElement(By.cssSelector("a[href*='/tasks/']")).getAttribute("href");
    open("/tasks");
    assertThat(driver.findElement(By.cssSelector("header a.bell")).getAttribute("aria-label"))
        .isEqualTo("Nyt til dig: intet nyt");
    open("/bell");
    assertThat(driver.findElements(By.xpath("//ul[@aria-labelledby='bell-seen']//a[@href='"
        + taskLink.replace(url(""), "") + "']"))).as("seen, listed beneath").hasSize(1);

    // the new pages at 320 px: nothing scrolls sideways but a table within its own region
    driver.manage().window().setSize(new Dimension(320, 800));
    for (String page : List.of("/cases/" + caseNumber, "/cases?query=" + caseNumber, "/cases?mine=true",
        "/tasks", "/bell")) {
      open(page);
      assertThat(scrollWidth()).as(page + " at 320 px").isLessThanOrEqualTo(320);
    }
    assertNoAccessibilityViolations();
  }

  private void journal(String kind, Instant happenedAt, String text) {
    new Select(byId("journal-kind")).selectByValue(kind);
    setValue(byId("journal-happenedAt"), local(happenedAt));
    byId("journal-text").sendKeys(text);
    submit(driver.findElement(By.cssSelector("#journal form button.primary[type=submit]")));
    scan();
  }

  private Instant hoursAgo(int hours) {
    return clock.instant().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
  }

  private static String local(Instant instant) {
    return LocalDateTime.ofInstant(instant, CPH).truncatedTo(ChronoUnit.MINUTES).toString();
  }

  private WebElement field(String name) {
    return driver.findElement(By.cssSelector("[name='" + name + "']"));
  }

  private void setValue(WebElement input, String value) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
  }
}
