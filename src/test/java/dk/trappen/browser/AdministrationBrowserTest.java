package dk.trappen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The administrator's pages (staff, one user, teams) and the page to change one's password, scanned with axe-core at
 * a desktop width and at 320 px (WCAG 1.4.10: nothing scrolls sideways but a table in its own scroll region); the
 * new-user form sent empty and with bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DisplayName("The administration pages in the browser")
class AdministrationBrowserTest extends BrowserTestSupport {

  @Test
  @DisplayName("the staff list, a new user, one user, the teams and the password page have no accessibility "
      + "violations, at 1280 px and at 320 px without scrolling sideways")
  void everyAdministrationPageAtBothWidths() {
    signIn("admin");
    List<String> pages = List.of("/admin/users", "/admin/users/new", "/admin/users/karen", "/admin/teams",
        "/account/password");
    for (String page : pages) {
      driver.manage().window().setSize(new Dimension(1280, 1000));
      open(page);
      assertThat(driver.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
      driver.manage().window().setSize(new Dimension(320, 800));
      open(page);
      assertThat(scrollWidth()).as(page + " at 320 px").isLessThanOrEqualTo(320);
    }
    driver.manage().window().setSize(new Dimension(1280, 1000));
    open("/admin/users");
    assertThat(pageText()).contains("Karen").contains("karen").contains("Team Nord");
    open("/admin/users/karen");
    assertThat(byId("displayName").getAttribute("value")).isEqualTo("Karen");
    assertThat(pagesScanned).as("sign-in, each page at both widths, two more").isEqualTo(1 + 2 * pages.size() + 2);
    assertNoAccessibilityViolations();
  }

  @Test
  @DisplayName("the new-user form sent empty or with bad input names each problem in a summary whose links reach "
      + "the fields by keyboard, keeps what was typed but the password, and stores nothing")
  void newUserFormWithProblems() {
    signIn("admin");
    open("/admin/users/new");
    submit(primaryButton());
    assertThat(driver.getCurrentUrl()).endsWith("/admin/users/new");
    scan();
    WebElement summary = driver.findElement(By.cssSelector("main .error-summary[role=alert]"));
    List<String> targets = summary.findElements(By.cssSelector("a")).stream()
        .map(a -> a.getAttribute("href").replaceAll(".*#", "")).toList();
    assertThat(targets).containsExactly("username", "displayName", "role", "password");
    for (String field : targets) {
      WebElement input = byId(field);
      assertThat(input.getAttribute("aria-invalid")).as(field).isEqualTo("true");
      assertThat(input.getAttribute("aria-describedby")).as(field).contains(field + "-error");
      String besideField = byId(field + "-error").getText();
      assertThat(besideField).as(field).isNotBlank();
      assertThat(summary.findElement(By.cssSelector("a[href$='#" + field + "']")).getText()).as(field)
          .endsWith(besideField.replace("⚠ ", ""));
    }

    // by keyboard: Tab from the page's start reaches the summary's first link before the form's fields, Enter takes the
    // reader to the field, and from there Tab goes on to the next field
    WebElement first = summary.findElement(By.cssSelector("a[href$='#username']"));
    ((JavascriptExecutor) driver).executeScript("document.querySelector('a[href], button, select, input').focus()");
    boolean reached = false;
    for (int i = 0; i < 30 && !reached; i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
      WebElement active = driver.switchTo().activeElement();
      assertThat(((JavascriptExecutor) driver).executeScript("return document.activeElement.closest('main form')"))
          .as("no field of the form before the summary: " + active.getAttribute("outerHTML")).isNull();
      reached = active.equals(first);
    }
    assertThat(reached).as("the summary's first link is reached with Tab").isTrue();
    first.sendKeys(Keys.ENTER);
    assertThat(driver.getCurrentUrl()).endsWith("#username");
    assertThat(activeId()).as("Enter on the link focuses the field").isEqualTo("username");
    driver.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(activeId()).isEqualTo("displayName");

    // bad input: every problem at once (format and staff rules), what was typed stays (not the password), each
    // problem beside its field
    open("/admin/users/new");
    byId("username").sendKeys("Karen Ny");
    byId("displayName").sendKeys("Karen Ny");
    byId("email").sendKeys("ikke en adresse");
    new Select(byId("role")).selectByValue("CASEWORKER");
    byId("password").sendKeys("kort");
    submit(primaryButton());
    scan();
    assertThat(driver.getCurrentUrl()).endsWith("/admin/users/new");
    assertThat(summaryTargets()).containsExactly("username", "email", "teams", "password");
    assertThat(byId("username").getAttribute("value")).isEqualTo("Karen Ny");
    assertThat(byId("displayName").getAttribute("value")).isEqualTo("Karen Ny");
    assertThat(byId("email").getAttribute("value")).isEqualTo("ikke en adresse");
    assertThat(new Select(byId("role")).getFirstSelectedOption().getAttribute("value")).isEqualTo("CASEWORKER");
    assertThat(byId("password").getAttribute("value")).as("a password is never sent back").isEmpty();
    assertThat(byId("username").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(byId("email").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(byId("displayName").getAttribute("aria-invalid")).isNull();
    driver.findElement(By.cssSelector("main .error-summary a[href$='#email']")).click();
    assertThat(activeId()).as("a click on the link focuses the field").isEqualTo("email");

    // the form's shape right, the staff rules still refuse: a caseworker needs a team, the password is too weak
    byId("username").clear();
    byId("username").sendKeys("karen.ny");
    byId("email").clear();
    byId("email").sendKeys("karen.ny@example.dk");
    byId("password").sendKeys("kort");
    submit(primaryButton());
    scan();
    assertThat(summaryTargets()).containsExactly("teams", "password");
    assertThat(byId("teams").getAttribute("aria-describedby")).isEqualTo("teams-hint teams-error");
    assertThat(byId("teams-error").getText()).isNotBlank();
    assertThat(byId("password-error").getText()).isNotBlank();

    // the same at 320 px: the summary and the fields fit
    driver.manage().window().setSize(new Dimension(320, 800));
    scan();
    assertThat(scrollWidth()).isLessThanOrEqualTo(320);
    driver.manage().window().setSize(new Dimension(1280, 1000));

    open("/admin/users");
    assertThat(pageText()).as("nothing stored").doesNotContain("Karen Ny").doesNotContain("karen.ny");
    assertNoAccessibilityViolations();
  }

  @Test
  @DisplayName("the password page sent with a wrong current password, a weak new one and a different repetition "
      + "names all three beside their fields, at both widths, and the password stays as it was")
  void passwordPageWithProblems() {
    signIn("admin");
    open("/account/password");
    byId("currentPassword").sendKeys("forkert-kode");
    byId("newPassword").sendKeys("kort");
    byId("repeatPassword").sendKeys("kortere");
    submit(primaryButton());
    scan();
    assertThat(driver.getCurrentUrl()).endsWith("/account/password");
    assertThat(summaryTargets()).containsExactly("currentPassword", "newPassword", "repeatPassword");
    for (String field : summaryTargets()) {
      WebElement input = byId(field);
      assertThat(input.getAttribute("aria-invalid")).as(field).isEqualTo("true");
      assertThat(input.getAttribute("aria-describedby")).as(field).contains(field + "-error");
      assertThat(input.getAttribute("value")).as("a password is never sent back").isEmpty();
      assertThat(byId(field + "-error").getText()).as(field).isNotBlank();
    }
    driver.findElement(By.cssSelector("main .error-summary a[href$='#newPassword']")).sendKeys(Keys.ENTER);
    assertThat(activeId()).isEqualTo("newPassword");
    driver.manage().window().setSize(new Dimension(320, 800));
    scan();
    assertThat(scrollWidth()).isLessThanOrEqualTo(320);
    driver.manage().window().setSize(new Dimension(1280, 1000));
    signIn("admin");
    assertNoAccessibilityViolations();
  }

  private WebElement primaryButton() {
    return driver.findElement(By.cssSelector("main form button.primary[type=submit]"));
  }

  private List<String> summaryTargets() {
    return driver.findElements(By.cssSelector("main .error-summary a")).stream()
        .map(a -> a.getAttribute("href").replaceAll(".*#", "")).toList();
  }

  private String activeId() {
    return driver.switchTo().activeElement().getAttribute("id");
  }
}
