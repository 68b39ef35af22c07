package dk.trappen.administration;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.common.Problem;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.security.PasswordPolicy;
import java.time.Clock;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first administrator of an installation. At start-up, while no administrator exists, Trappen creates one from
 * {@code TRAPPEN_ADMIN_USERNAME} and {@code TRAPPEN_ADMIN_PASSWORD} (or the properties {@code trappen.admin.username}
 * and {@code .password}), who must choose a new password at the first sign-in. A user name that is not one, or a
 * password that {@link PasswordPolicy} calls weak, stops start-up with a message naming the variable. Once an
 * administrator exists the variables are ignored, and the log says so; without them and without an administrator,
 * the log says how to get in (in the production profile, where no demo data creates one).
 */
@Slf4j
@Component
class FirstAdministrator implements SmartInitializingSingleton {

  static final String USERNAME_VARIABLE = "TRAPPEN_ADMIN_USERNAME";
  static final String PASSWORD_VARIABLE = "TRAPPEN_ADMIN_PASSWORD";

  private final OrgService staff;
  private final PasswordEncoder passwords;
  private final AuditService audit;
  private final Environment environment;
  private final Clock clock;

  FirstAdministrator(OrgService org, PasswordEncoder passwords, AuditService audit, Environment environment,
      Clock clock) {
    this.staff = org;
    this.passwords = passwords;
    this.audit = audit;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    String username = environment.getProperty("trappen.admin.username", "").strip();
    String password = environment.getProperty("trappen.admin.password", "");
    boolean given = !username.isEmpty() || !password.isEmpty();
    if (staff.anyAdministrator()) {
      if (given) {
        log.info("{} and {} are ignored: an administrator exists (administer staff at /admin/users)",
            USERNAME_VARIABLE, PASSWORD_VARIABLE);
      }
      return;
    }
    if (!given) {
      if (environment.matchesProfiles("postgres")) {
        log.warn("No administrator exists: set {} and {} and start Trappen again to create the first one",
            USERNAME_VARIABLE, PASSWORD_VARIABLE);
      }
      return;
    }
    if (!username.matches(StaffPolicy.USERNAME)) {
      throw new IllegalStateException(USERNAME_VARIABLE + " (trappen.admin.username): not a user name: lower case "
          + "letters, digits, '.', '-' and '_', starting with a letter, 2 to 80 characters");
    }
    if (staff.account(username).isPresent()) {
      throw new IllegalStateException(USERNAME_VARIABLE + " (trappen.admin.username): '" + username + "' is a staff "
          + "user already who is not an administrator; choose another name for the first administrator");
    }
    List<Problem> weak = PasswordPolicy.problems("password", password, username);
    if (!weak.isEmpty()) {
      throw new IllegalStateException(PASSWORD_VARIABLE + " (trappen.admin.password): too weak (" + String.join(", ",
          weak.stream().map(Problem::code).toList()) + "): at least " + PasswordPolicy.MIN_LENGTH + " characters "
          + "with three of lower case, upper case, digits and other characters, without the user name and without "
          + "runs such as 12345 or qwert");
    }
    staff.createAccount(username, "Administrator", null, Role.ADMIN, List.of(), passwords.encode(password), true,
        clock.instant());
    audit.recordWithoutCase("system", "SYSTEM", AuditAction.ADMINISTER, "user " + username
        + " created as the first administrator from " + USERNAME_VARIABLE, null);
    log.info("Created the first administrator '{}' from {}; they choose a new password at the first sign-in",
        username, USERNAME_VARIABLE);
  }
}
