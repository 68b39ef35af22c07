package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every page of the living demo, in Danish and in English, scanned for accessibility; the screenshots in the README
 * come from this test (target/screenshots).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "trappen.demo.enabled=true")
@ActiveProfiles({"demo", "test"})
@DisplayName("The demo's pages in the browser")
class DemoPagesBrowserTest extends BrowserTestSupport {

  static final String DEMO_PASSWORD = "demo";

  @Autowired
  ManagementService management;

  @Override
  void ensureStaff() {
    // the demo data brings its own staff (password "demo")
  }

  @Override
  void signIn(String username) {
    driver.manage().deleteAllCookies();
    open("/login");
    byId("username").sendKeys(username);
    byId("password").sendKeys(DEMO_PASSWORD);
    submit(driver.findElement(By.cssSelector("form button[type=submit].primary")));
    assertThat(driver.getCurrentUrl()).doesNotContain("/login");
  }

  /** Opens the form of every task on the signed-in user's task list (and so scans each kind's form). */
  private void visitEveryTaskForm() {
    open("/tasks");
    java.util.List<String> forms = driver.findElements(By.cssSelector("td.actions a[href*='/tasks/']")).stream()
        .map(a -> a.getAttribute("href").replace(url(""), "")).distinct().toList();
    assertThat(forms).isNotEmpty();
    for (String form : forms) {
      open(form);
      assertThat(driver.findElements(By.cssSelector("main form button.primary[type=submit]"))).isNotEmpty();
      kindsSeen.add(driver.findElement(By.tagName("h1")).getText());
    }
  }

  private final java.util.Set<String> kindsSeen = new java.util.TreeSet<>();

  /** Pages that scrolled sideways at 320 px, with the elements that reached past the screen. */
  private final java.util.List<String> tooWide = new java.util.ArrayList<>();

  /** Opens a page at the current window size and records it when the page scrolls sideways. */
  private void reflows(String path) {
    open(path);
    int width = scrollWidth();
    if (width > 320) {
      List<String> wider = widerThanScreen();
      if (wider.isEmpty()) {
        // no element reaches past the screen: then text does, overflowing a box (a word longer than its line)
        wider = List.of(String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
            return [...document.querySelectorAll('body *')]
              .filter(e => e.scrollWidth > e.clientWidth + 1 && !e.closest('.table-scroll')
                  && getComputedStyle(e).overflowX === 'visible')
              .slice(-6).map(e => 'text overflowing ' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (e.className ? '.' + e.className : '')).join(', ');""")));
      }
      tooWide.add(path + " (" + driver.findElement(By.tagName("h1")).getText() + ", " + width + " px): " + wider);
    }
  }

  @Test
  @DisplayName("every page of the demo reflows at 320 px: intake, the case lists and case pages, every task form of "
      + "every user, the oversight, the administration, sign-in and the error page; nothing scrolls sideways but a "
      + "table within its own region (WCAG 1.4.10)")
  void everyPageReflowsAt320Pixels() {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(320, 800));
    java.util.Set<String> cases = new java.util.TreeSet<>();
    for (String user : new String[] {"ida", "karen", "lars", "mette", "anders", "sofie", "birgitte"}) {
      signIn(user);
      reflows("/tasks");
      java.util.List<String> links = driver.findElements(By.cssSelector("main a[href*='/tasks/'], "
              + "main a[href*='/cases/']")).stream().map(a -> a.getAttribute("href").replace(url(""), ""))
          .distinct().toList();
      for (String link : links) {
        reflows(link);
        if (link.startsWith("/cases/")) {
          cases.add(link);
        }
      }
      reflows("/cases");
      if (user.equals("ida")) {
        reflows("/intake");
      }
      if (user.equals("birgitte")) {
        reflows("/oversight");
        reflows("/figures");
      }
    }
    signIn("anne");
    reflows("/oversight");
    reflows("/figures");
    signIn("admin");
    for (String page : new String[] {"/admin/users", "/admin/teams", "/admin/rules", "/admin/clock",
        "/admin/users/new"}) {
      reflows(page);
    }
    driver.manage().deleteAllCookies();
    reflows("/login");
    reflows("/no-such-page");
    System.out.println("Pages checked at 320 px: " + pagesScanned + " (cases " + cases + ")");
    assertThat(cases).as("case pages reached").isNotEmpty();
    assertThat(tooWide).as("pages that scroll sideways at 320 px").isEmpty();
    assertNoAccessibilityViolations();
  }

  @Test
  @DisplayName("every page of the demo renders in Danish and English without accessibility violations")
  void everyPageIsAccessibleInBothLanguages() {
    for (Job job : management.createJobQuery().executable().list()) {
      management.executeJob(job.getId());
    }
    signIn("karen");
    open("/tasks");
    assertThat(pageText()).contains("Mine opgaver").contains("Overskredet");
    screenshot("readme-tasks");
    // a case with a running intervention: the one whose network meeting is due
    String caseLink = driver.findElement(By.xpath("//tr[td[contains(., 'Netværksmøde')]]//a[contains(@href, '/cases/')]"))
        .getAttribute("href");
    open(caseLink.replace(url(""), ""));
    assertThat(pageText()).contains("Nuværende trin");
    screenshot("readme-case");
    String taskLink = driver.findElement(By.xpath("//a[contains(@href, '/tasks/') and contains(., 'Netværksmøde')]"))
        .getAttribute("href");
    open(taskLink.replace(url(""), ""));
    screenshot("readme-network-meeting");
    visitEveryTaskForm();
    open("/tasks?lang=en");
    assertThat(pageText()).contains("My tasks");
    open("/intake");
    open("/tasks?lang=da");

    // a case's tasks go to its caseworker: each caseworker's list holds their own cases' tasks
    for (String user : new String[] {"ida", "lars", "mette", "anders", "sofie"}) {
      signIn(user);
      open("/tasks");
      visitEveryTaskForm();
    }

    signIn("birgitte");
    open("/tasks");
    visitEveryTaskForm();
    open("/oversight");
    assertThat(pageText()).contains("Teamoverblik");
    screenshot("readme-oversight");
    open("/oversight?lang=en");
    assertThat(pageText()).contains("Team overview");
    open("/oversight?lang=da");
    open("/figures");
    assertThat(pageText()).contains("Styringstal");

    // the head of department compares the two teams over the demo's year of history
    signIn("anne");
    open("/figures");
    assertThat(pageText()).contains("Styringstal").contains("Nord").contains("Syd");
    screenshot("readme-figures");
    open("/figures?lang=en");
    assertThat(pageText()).contains("Figures").contains("As of");
    open("/figures?lang=da");

    signIn("admin");
    open("/admin/clock");
    assertThat(pageText()).contains("Demo-ur");

    driver.manage().deleteAllCookies();
    open("/login?lang=en");
    assertThat(pageText()).contains("Sign in");

    System.out.println("Task forms scanned: " + kindsSeen);
    assertThat(kindsSeen).hasSizeGreaterThanOrEqualTo(8);
    assertNoAccessibilityViolations();
  }
}
