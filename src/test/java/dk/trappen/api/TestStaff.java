package dk.trappen.api;

import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The staff every Spring test signs in as (password "pw"), created once per application context: ida (intake), karen
 * and lars (caseworkers, nord), sofie (caseworker, syd), birgitte and henrik (team leaders), hanne and jens (heads of
 * department over nord and over syd), admin.
 */
public final class TestStaff {

  public static final String PASSWORD = "pw";

  /** "pw" hashed by bcrypt at cost 4. */
  private static final String LOW_COST = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

  private TestStaff() {
  }

  public static synchronized void ensure(OrgService org, PasswordEncoder encoder) {
    if (org.teamExists("nord")) {
      return;
    }
    org.createTeam("nord", "Team Nord");
    org.createTeam("syd", "Team Syd");
    // bcrypt at the lowest cost (4, about 1 ms), still verified by the application's own encoder: the endpoint sweep
    // signs in over HTTP Basic thousands of times, and at the default cost (10) each sign-in takes 60-100 ms
    String hash = LOW_COST;
    if (!encoder.matches(PASSWORD, hash)) {
      throw new IllegalStateException("the application's password encoder does not accept a {bcrypt} hash");
    }
    org.createUser("ida", "Ida", Role.INTAKE, null, hash, false);
    org.createUser("karen", "Karen", Role.CASEWORKER, "nord", hash, false);
    org.createUser("lars", "Lars", Role.CASEWORKER, "nord", hash, false);
    org.createUser("sofie", "Sofie", Role.CASEWORKER, "syd", hash, false);
    org.createUser("birgitte", "Birgitte", Role.TEAM_LEADER, "nord", hash, false);
    org.createUser("henrik", "Henrik", Role.TEAM_LEADER, "syd", hash, false);
    org.createUser("hanne", "Hanne", Role.HEAD, "nord", hash, false);
    org.createUser("jens", "Jens", Role.HEAD, "syd", hash, false);
    org.createUser("admin", "Admin", Role.ADMIN, null, hash, false);
  }

  /**
   * Sets the accounts active or not. A test that adds a team leader or head to nord or syd deactivates them when it
   * is done: the test contexts share their database, and an active extra leader or head of nord would receive the
   * notices other tests expect birgitte and hanne alone to receive.
   */
  public static void setActive(OrgService org, boolean active, String... usernames) {
    for (String username : usernames) {
      org.account(username).filter(a -> a.active() != active).ifPresent(a -> org.updateAccount(
          new dk.trappen.org.StaffAccount(a.username(), a.displayName(), a.email(), a.role(), a.teams(), active,
              a.mustChangePassword(), a.changedAt()), java.time.Instant.now()));
    }
  }
}
