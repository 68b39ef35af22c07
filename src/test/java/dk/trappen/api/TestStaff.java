package dk.trappen.api;

import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The staff every Spring test signs in as (password "pw"), created once per application context: ida (intake), karen
 * and lars (caseworkers, nord), sofie (caseworker, syd), birgitte and henrik (team leaders), admin.
 */
public final class TestStaff {

  public static final String PASSWORD = "pw";

  private TestStaff() {
  }

  public static synchronized void ensure(OrgService org, PasswordEncoder encoder) {
    if (org.teamExists("nord")) {
      return;
    }
    org.createTeam("nord", "Team Nord");
    org.createTeam("syd", "Team Syd");
    String hash = encoder.encode(PASSWORD);
    org.createUser("ida", "Ida", Role.INTAKE, null, hash, false);
    org.createUser("karen", "Karen", Role.CASEWORKER, "nord", hash, false);
    org.createUser("lars", "Lars", Role.CASEWORKER, "nord", hash, false);
    org.createUser("sofie", "Sofie", Role.CASEWORKER, "syd", hash, false);
    org.createUser("birgitte", "Birgitte", Role.TEAM_LEADER, "nord", hash, false);
    org.createUser("henrik", "Henrik", Role.TEAM_LEADER, "syd", hash, false);
    org.createUser("admin", "Admin", Role.ADMIN, null, hash, false);
  }
}
