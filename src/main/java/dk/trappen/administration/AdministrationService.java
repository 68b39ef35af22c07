package dk.trappen.administration;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffAccount;
import dk.trappen.org.StaffMember;
import dk.trappen.org.Team;
import dk.trappen.security.PasswordPolicy;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff and team administration: every change checked against its record's constraints and {@link StaffPolicy}
 * (every problem at once, nothing stored if there is one), then stored and audited with who changed what, from what,
 * to what (never a password). A user name or team code taken by a request at the same moment is a 409.
 */
@Service
public class AdministrationService {

  private final OrgService org;
  private final StaffPolicy policy;
  private final PasswordEncoder passwords;
  private final AuditService audit;
  private final Validator validator;
  private final Clock clock;

  AdministrationService(OrgService org, StaffPolicy policy, PasswordEncoder passwords, AuditService audit,
      Validator validator, Clock clock) {
    this.org = org;
    this.policy = policy;
    this.passwords = passwords;
    this.audit = audit;
    this.validator = validator;
    this.clock = clock;
  }

  /** A view of a team for the administration. */
  public record TeamView(String code, String name, boolean active) {
    static TeamView of(Team t) {
      return new TeamView(t.getCode(), t.getName(), t.isActive());
    }
  }

  public List<StaffAccount> users() {
    return org.accounts();
  }

  public StaffAccount user(String username) {
    return org.account(username).orElseThrow(() -> new NotFoundException("no staff user " + username));
  }

  public List<TeamView> teams() {
    return org.teams().stream().map(TeamView::of)
        .sorted(Comparator.comparing(TeamView::name, String.CASE_INSENSITIVE_ORDER)).toList();
  }

  /** Every problem of a new staff user: the record's constraints, {@link StaffPolicy} and the password policy. */
  public List<Problem> problemsOfNewUser(NewStaffUser in, StaffMember actor) {
    List<Problem> problems = constraints(in);
    problems.addAll(policy.problems(null, proposed(in), actor.username()));
    if (in.password() != null) {
      problems.addAll(PasswordPolicy.problems("password", in.password(), in.username()));
    }
    return problems;
  }

  private static StaffAccount proposed(NewStaffUser in) {
    return new StaffAccount(in.username(), strip(in.displayName()), blankToNull(in.email()), in.role(),
        teams(in.teams()), true, true, null);
  }

  /** A new staff user, who chooses their own password at the first sign-in. */
  @Transactional
  public StaffAccount createUser(NewStaffUser in, StaffMember actor) {
    refuseIf(problemsOfNewUser(in, actor));
    StaffAccount proposed = proposed(in);
    StaffAccount created;
    try {
      created = org.createAccount(proposed.username(), proposed.displayName(), proposed.email(), proposed.role(),
          proposed.teams(), passwords.encode(in.password()), true, clock.instant());
    } catch (DataIntegrityViolationException sameNameAtOnce) {
      throw InvalidInputException.conflict("username", "problem.admin.username.taken", in.username());
    }
    record(actor, "user " + created.username() + " created: " + describe(created));
    return created;
  }

  /** Every problem of changes to a staff user: the record's constraints and {@link StaffPolicy}. */
  public List<Problem> problemsOfChanges(String username, StaffChanges changes, StaffMember actor) {
    StaffAccount before = user(username);
    List<Problem> problems = constraints(changes);
    problems.addAll(policy.problems(before, changed(before, changes), actor.username()));
    return problems;
  }

  private static StaffAccount changed(StaffAccount before, StaffChanges changes) {
    return new StaffAccount(before.username(),
        changes.displayName() != null ? strip(changes.displayName()) : before.displayName(),
        changes.email() != null ? blankToNull(changes.email()) : before.email(),
        changes.role() != null ? changes.role() : before.role(),
        changes.teams() != null ? teams(changes.teams()) : before.teams(),
        changes.active() != null ? changes.active() : before.active(),
        before.mustChangePassword(), before.changedAt());
  }

  /** Changes to a staff user; what is left out stays. */
  @Transactional
  public StaffAccount updateUser(String username, StaffChanges changes, StaffMember actor) {
    refuseIf(problemsOfChanges(username, changes, actor));
    StaffAccount before = user(username);
    StaffAccount after = changed(before, changes);
    String diff = diff(before, after);
    if (diff.isEmpty()) {
      return before;
    }
    StaffAccount stored = org.updateAccount(after, clock.instant());
    record(actor, "user " + username + " changed: " + diff);
    return stored;
  }

  /** A password set by an administrator: the user must choose a new one at the next sign-in. */
  @Transactional
  public void resetPassword(String username, String password, StaffMember actor) {
    user(username);
    refuseIf(PasswordPolicy.problems("password", password, username));
    org.setPassword(username, passwords.encode(password), true, clock.instant());
    record(actor, "user " + username + ": password reset (to be changed at the next sign-in)");
  }

  @Transactional
  public TeamView createTeam(NewTeam in, StaffMember actor) {
    List<Problem> problems = constraints(in);
    problems.addAll(policy.teamProblems(null, in.code(), true));
    refuseIf(problems);
    Team team;
    try {
      team = org.saveTeam(in.code(), in.name().strip(), true);
    } catch (DataIntegrityViolationException sameCodeAtOnce) {
      throw InvalidInputException.conflict("code", "problem.admin.team.taken", in.code());
    }
    record(actor, "team " + team.getCode() + " created: name '" + team.getName() + "'");
    return TeamView.of(team);
  }

  @Transactional
  public TeamView updateTeam(String code, TeamChanges changes, StaffMember actor) {
    Team before = org.team(code).orElseThrow(() -> new NotFoundException("no team " + code));
    String name = changes.name() != null ? changes.name().strip() : before.getName();
    boolean active = changes.active() != null ? changes.active() : before.isActive();
    List<Problem> problems = constraints(changes);
    problems.addAll(policy.teamProblems(before, code, active));
    refuseIf(problems);
    StringJoiner diff = new StringJoiner("; ");
    if (!name.equals(before.getName())) {
      diff.add("name '" + before.getName() + "' -> '" + name + "'");
    }
    if (active != before.isActive()) {
      diff.add("active " + before.isActive() + " -> " + active);
    }
    if (diff.length() == 0) {
      return TeamView.of(before);
    }
    Team stored = org.saveTeam(code, name, active);
    record(actor, "team " + code + " changed: " + diff);
    return TeamView.of(stored);
  }

  private List<Problem> constraints(Object in) {
    List<Problem> problems = new ArrayList<>();
    validator.validate(in).stream().map(Problem::of).forEach(problems::add);
    return problems;
  }

  private static void refuseIf(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
  }

  private void record(StaffMember actor, String what) {
    audit.recordWithoutCase(actor.username(), actor.role().name(), AuditAction.ADMINISTER, what, null);
  }

  static String describe(StaffAccount a) {
    return "name '" + a.displayName() + "', e-mail " + a.email() + ", role " + a.role() + ", teams " + a.teams();
  }

  /** What changed, as "field from -> to" pairs. */
  static String diff(StaffAccount before, StaffAccount after) {
    StringJoiner diff = new StringJoiner("; ");
    change(diff, "name", before.displayName(), after.displayName());
    change(diff, "e-mail", before.email(), after.email());
    change(diff, "role", before.role(), after.role());
    change(diff, "teams", before.teams(), after.teams());
    change(diff, "active", before.active(), after.active());
    return diff.toString();
  }

  private static void change(StringJoiner diff, String field, Object from, Object to) {
    if (!Objects.equals(from, to)) {
      diff.add(field + " " + from + " -> " + to);
    }
  }

  /** The named teams, stripped, without blanks and repeats, sorted (as they are stored). */
  private static List<String> teams(List<String> teams) {
    return teams == null ? List.of() : teams.stream().filter(t -> t != null && !t.isBlank()).map(String::strip)
        .distinct().sorted().toList();
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
