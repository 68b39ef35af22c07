package dk.trappen.intake;

import dk.trappen.cases.CaseService;
import dk.trappen.common.Problem;
import dk.trappen.org.OrgService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The intake rules beyond the form's own constraints, in one place for the API and the intake page: the CPR number
 * agrees with the birth date, the child is under 18 when the notification is received, which is not in the future, a
 * professional notifier names their organisation (the receipt goes there), and a notification that opens a case
 * names an active team that exists (or a default team is configured). Every problem is returned at once. A value missing or
 * malformed is left to Bean Validation, so that the page can run the policy beside it and show everything together.
 */
@Component
class IntakePolicy {

  private final CaseService cases;
  private final OrgService org;
  private final IntakeProperties properties;
  private final Clock clock;

  IntakePolicy(CaseService cases, OrgService org, IntakeProperties properties, Clock clock) {
    this.cases = cases;
    this.org = org;
    this.properties = properties;
    this.clock = clock;
  }

  /** Every problem of the notification under these rules; empty if it may be registered. */
  List<Problem> problems(NewNotification n) {
    List<Problem> problems = new ArrayList<>();
    NewNotification.ChildInput child = n.child();
    String cpr = child == null ? null : child.cpr();
    LocalDate birth = child == null ? null : child.birthDate();
    boolean cprWellFormed = cpr != null && cpr.length() == 10 && cpr.chars().allMatch(Character::isDigit);
    if (cprWellFormed) {
      LocalDate cprDate = cprDate(cpr);
      if (cprDate == null) {
        problems.add(Problem.of("child.cpr", "problem.intake.cprDate"));
      } else if (birth != null && !cprDate.equals(birth)) {
        problems.add(Problem.of("child.cpr", "problem.intake.cprBirthDate", birth));
      }
    }
    if (n.receivedAt() != null) {
      LocalDate receivedDay = n.receivedAt().atZone(clock.getZone()).toLocalDate();
      if (birth != null && birth.isAfter(receivedDay)) {
        problems.add(Problem.of("child.birthDate", "problem.intake.birthAfterReceived"));
      } else if (birth != null && Period.between(birth, receivedDay).getYears() >= 18) {
        problems.add(Problem.of("child.birthDate", "problem.intake.adult"));
      }
      if (n.receivedAt().isAfter(clock.instant())) {
        problems.add(Problem.of("receivedAt", "problem.notFuture"));
      }
    }
    if (!cprWellFormed || cases.openCaseOfChild(cpr).isEmpty()) {
      String team = teamOf(n);
      if (team == null) {
        problems.add(Problem.of("team", "problem.intake.teamRequired"));
      } else if (!org.teamExists(team)) {
        problems.add(Problem.of("team", "problem.intake.unknownTeam", team));
      } else if (!org.team(team).orElseThrow().isActive()) {
        problems.add(Problem.of("team", "problem.intake.inactiveTeam", team));
      }
    }
    if (n.notifierKind() != null && n.notifierKind().professional()
        && (n.notifierOrganisation() == null || n.notifierOrganisation().isBlank())) {
      problems.add(Problem.of("notifierOrganisation", "problem.intake.organisationRequired"));
    }
    return problems;
  }

  /** The team a notification that opens a case goes to: the one it names, else the configured default, else null. */
  String teamOf(NewNotification n) {
    if (n.team() != null && !n.team().isBlank()) {
      return n.team();
    }
    String fallback = properties.getDefaultTeam();
    return fallback == null || fallback.isBlank() ? null : fallback;
  }

  /** The birth date encoded in a CPR number (ddmmyy + the century digit rule of the CPR office), or null. */
  static LocalDate cprDate(String cpr) {
    return dk.trappen.common.CprNumber.birthDate(cpr);
  }

}
