package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
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
