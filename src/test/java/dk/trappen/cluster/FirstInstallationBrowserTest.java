package dk.trappen.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.testsupport.Chromium;
import dk.trappen.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A new installation as an operator meets it: an empty PostgreSQL database, one node started as in production (the
 * {@code postgres} profile, its own JVM) with {@code TRAPPEN_ADMIN_USERNAME} and {@code TRAPPEN_ADMIN_PASSWORD}, and
 * from there only the pages in headless Chromium: the first administrator chooses a password, creates a team and its
 * staff; the staff choose their passwords; a notification for the new team becomes a case whose work reaches the
 * team's caseworker. Every page visited is scanned with axe-core; the node's log has no ERROR.
 *
 * <p>The acute assessment is intake's task (candidate group {@code intake} in youth-case.bpmn), not the team's, so the
 * installation also gets an intake worker who does it; the first task on the team's list is the investigation.
 */
@DisplayName("A first installation in the browser")
class FirstInstallationBrowserTest {

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");

  private static final String ADMIN = "admin";
  private static final String ADMIN_FIRST_PASSWORD = "Trappe-Trin-2027!";
  private static final String STAFF_FIRST_PASSWORD = "Forste-Skridt-2027!";

  private static TestPostgres postgres;

  private WebDriver driver;
  private String base;
  private final List<String> violations = new ArrayList<>();
  private final List<String> pagesScanned = new ArrayList<>();

  @BeforeAll
  static void startPostgres() {
    postgres = TestPostgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @AfterEach
  void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  @DisplayName("from nothing to a working team on PostgreSQL")
  void fromNothingToAWorkingTeam() throws Exception {
    driver = Chromium.start();
    String url = postgres.createDatabase("firstinstall");

    ClusterNodeProcess node = startNode("firstinstall", url);
    try {
      assertThat(node.output()).as("start log")
          .contains("Created the first administrator 'admin' from TRAPPEN_ADMIN_USERNAME");

      // the first administrator must choose a password before anything else
      signIn(ADMIN, ADMIN_FIRST_PASSWORD);
      assertThat(path()).isEqualTo("/account/password");
      assertThat(pageText()).contains("Vælg din egen adgangskode");
      open("/admin/users");
      assertThat(path()).as("every page sends them back").isEqualTo("/account/password");
      String adminPassword = "Egen-Trappe-Vej-2028?";
      changePassword(ADMIN_FIRST_PASSWORD, adminPassword);
      assertThat(path()).isEqualTo("/admin/users");
      everyNavigationLinkOpensAPage();

      // a team, then its staff
      open("/admin/teams");
      byId("code").sendKeys("vest");
      byId("name").sendKeys("Team Vest");
      submit(button("main form[action$='/admin/teams'] button.primary"));
      assertThat(path()).isEqualTo("/admin/teams");
      assertThat(pageText()).contains("Team Vest");
      scan();

      createUser("birk", "Birk Holm", "TEAM_LEADER", "vest");
      createUser("cecilie", "Cecilie Lund", "CASEWORKER", "vest");
      createUser("dennis", "Dennis Friis", "CASEWORKER", "vest");
      createUser("ebba", "Ebba Krog", "INTAKE", null);
      open("/admin/users");
      assertThat(pageText()).contains("Birk Holm").contains("Cecilie Lund").contains("Dennis Friis")
          .contains("Ebba Krog");
      signOut();

      // a caseworker's first sign-in: a password of their own, then an empty task list
      signIn("cecilie", STAFF_FIRST_PASSWORD);
      assertThat(path()).isEqualTo("/account/password");
      String cecilie = "Min-Egen-Trappe-9!";
      changePassword(STAFF_FIRST_PASSWORD, cecilie);
      assertThat(path()).isEqualTo("/tasks");
      assertThat(pageText()).contains("Ingen opgaver.");
      assertThat(driver.findElements(By.cssSelector("table.tasks"))).isEmpty();
      everyNavigationLinkOpensAPage();

      // she registers a notification for her new team
      open("/intake");
      byId("cpr").sendKeys("1207114398");
      byId("firstName").sendKeys("Oliver");
      byId("lastName").sendKeys("Dahl");
      ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", byId("birthDate"),
          "2011-07-12");
      new Select(byId("notifierKind")).selectByValue("RELATIVE");
      byId("concern").sendKeys("Mormor fortæller, at Oliver ofte er alene hjemme om natten.");
      new Select(byId("team")).selectByValue("vest");
      submit(button("main form button.primary[type=submit]"));
      assertThat(path()).as(pageText()).startsWith("/cases/");
      String caseNumber = path().replaceAll(".*/cases/([^?#/]+).*", "$1");
      scan();
      signOut();

      // intake's first sign-in; the acute assessment of the new case is on intake's list
      signIn("ebba", STAFF_FIRST_PASSWORD);
      assertThat(path()).isEqualTo("/account/password");
      changePassword(STAFF_FIRST_PASSWORD, "Intake-Kode-Syv-7?");
      assertThat(path()).isEqualTo("/tasks");
      WebElement acute = taskRow(caseNumber, "Akut vurdering");
      submit(acute.findElement(By.cssSelector("a.open")));
      scan();
      driver.findElement(By.cssSelector("[name='outcome'][value='INVESTIGATE']")).click();
      driver.findElement(By.cssSelector("[name='note']")).sendKeys("Ingen akut fare; undersøgelse iværksættes.");
      submit(button("main form button.primary[type=submit]"));
      assertThat(path()).as(pageText()).isEqualTo("/tasks");
      scan();
      signOut();

      // the investigation is on the team's list: the caseworker sees it, and so does the other one
      signIn("cecilie", cecilie);
      assertThat(path()).isEqualTo("/tasks");
      WebElement investigation = taskRow(caseNumber, "Børnefaglig undersøgelse");
      assertThat(investigation.getText()).contains("Oliver Dahl").contains("Ikke fordelt");
      submit(investigation.findElement(By.cssSelector("a.open")));
      assertThat(pageText()).contains("Børnefaglig undersøgelse");
      scan();
      signOut();
      signIn("dennis", STAFF_FIRST_PASSWORD);
      changePassword(STAFF_FIRST_PASSWORD, "Nord-Lys-Kode-5#");
      taskRow(caseNumber, "Børnefaglig undersøgelse");
      signOut();

      assertThat(pagesScanned).hasSizeGreaterThan(20);
      assertThat(violations).as("axe-core violations at WCAG 2.1 AA").isEmpty();
      assertThat(errorLines(node.output())).as("ERROR in the node's log").isEmpty();
    } finally {
      node.stop();
    }

    // a second start of the same installation with the variables still set: they are ignored
    ClusterNodeProcess again = startNode("firstinstall-restart", url);
    try {
      assertThat(again.output()).as("restart log")
          .contains("TRAPPEN_ADMIN_USERNAME and TRAPPEN_ADMIN_PASSWORD are ignored: an administrator exists")
          .doesNotContain("Created the first administrator");
      assertThat(errorLines(again.output())).as("ERROR in the restarted node's log").isEmpty();
    } finally {
      again.stop();
    }
  }

  private ClusterNodeProcess startNode(String name, String jdbcUrl) throws Exception {
    ClusterNodeProcess node = ClusterNodeProcess.start(name, Path.of("target", "cluster"),
        List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
        List.of("--spring.profiles.active=postgres", "--server.port=0"),
        Map.of("TRAPPEN_DB_URL", jdbcUrl, "TRAPPEN_DB_USERNAME", postgres.username(), "TRAPPEN_DB_PASSWORD", "",
            "TRAPPEN_NODE_NAME", name,
            "TRAPPEN_ADMIN_USERNAME", ADMIN, "TRAPPEN_ADMIN_PASSWORD", ADMIN_FIRST_PASSWORD));
    long deadline = System.currentTimeMillis() + 180_000;
    while (!node.started() && node.alive() && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }
    assertThat(node.started()).as(node.output()).isTrue();
    Matcher port = PORT.matcher(node.output());
    assertThat(port.find()).isTrue();
    base = "http://localhost:" + port.group(1);
    return node;
  }

  private static List<String> errorLines(String log) {
    return log.lines().filter(line -> line.matches(".*\\bERROR\\b.*")).toList();
  }

  private void signIn(String username, String password) {
    driver.manage().deleteAllCookies();
    open("/login");
    byId("username").sendKeys(username);
    byId("password").sendKeys(password);
    submit(button("form button[type=submit].primary"));
    assertThat(path()).as("signed in as " + username).doesNotStartWith("/login");
    scan();
  }

  /** Signs out with the button in the page's header, as a user does. */
  private void signOut() {
    submit(button("form[action$='/logout'] button[type=submit]"));
    assertThat(driver.getCurrentUrl()).endsWith("/login?logout");
    scan();
  }

  /** On /account/password: the current password, the new one twice; lands on the user's start page. */
  private void changePassword(String current, String chosen) {
    if (!path().equals("/account/password")) {
      open("/account/password");
    }
    byId("currentPassword").sendKeys(current);
    byId("newPassword").sendKeys(chosen);
    byId("repeatPassword").sendKeys(chosen);
    submit(button("main form button.primary[type=submit]"));
    assertThat(path()).as(pageText()).isNotEqualTo("/account/password");
    assertThat(pageText()).contains("Din adgangskode er skiftet");
    scan();
  }

  private void createUser(String username, String name, String role, String team) {
    open("/admin/users/new");
    byId("username").sendKeys(username);
    byId("displayName").sendKeys(name);
    byId("email").sendKeys(username + "@vest.example.dk");
    new Select(byId("role")).selectByValue(role);
    if (team != null) {
      byId("team-" + team).click();
    }
    byId("password").sendKeys(STAFF_FIRST_PASSWORD);
    submit(button("main form button.primary[type=submit]"));
    assertThat(path()).as(pageText()).isEqualTo("/admin/users/" + username);
    scan();
  }

  /** Every link of the header's navigation opens a page of this installation, not an error page. */
  private void everyNavigationLinkOpensAPage() {
    List<String> links = driver.findElements(By.cssSelector("header nav a")).stream()
        .map(a -> a.getAttribute("href").substring(base.length())).toList();
    assertThat(links).isNotEmpty();
    for (String link : links) {
      open(link);
      assertThat(driver.findElements(By.cssSelector(".error-page"))).as(link + ": " + pageText()).isEmpty();
    }
  }

  /** The row of the signed-in user's task list for this case and task kind (failing if there is none). */
  private WebElement taskRow(String caseNumber, String kind) {
    open("/tasks");
    List<WebElement> rows = driver.findElements(By.xpath("//table[contains(@class, 'tasks')]//tr[td//a[normalize-space(.)='"
        + caseNumber + "'] and td[starts-with(normalize-space(.), '" + kind + "')]]"));
    assertThat(rows).as(kind + " of " + caseNumber + " on the list:\n" + pageText()).hasSize(1);
    return rows.get(0);
  }

  private void open(String path) {
    driver.get(base + path);
    scan();
  }

  private String path() {
    String current = driver.getCurrentUrl().substring(base.length());
    int query = current.indexOf('?');
    return query < 0 ? current : current.substring(0, query);
  }

  private WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  private WebElement button(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  private String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  private void submit(WebElement element) {
    Chromium.submit(driver, element);
  }

  /** axe-core on the current page, as every browser test scans ({@link Chromium#axe}). */
  private void scan() {
    pagesScanned.add(path());
    for (String v : Chromium.axe(driver)) {
      violations.add(path() + " — " + v);
    }
  }
}
