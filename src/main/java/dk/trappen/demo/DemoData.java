package dk.trappen.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.cases.CaseService;
import dk.trappen.intake.NewNotification;
import dk.trappen.meetings.ConcernSource;
import dk.trappen.meetings.MeetingsService;
import dk.trappen.meetings.NewConcern;
import dk.trappen.intake.NotificationReceipt;
import dk.trappen.intake.IntakeService;
import dk.trappen.intake.NotifierKind;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.tasks.CaseTaskService;
import dk.trappen.tasks.TaskView;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo on first start (no teams yet): teams Nord and Syd, their staff, and twelve cases spread over the
 * journey. Each case is driven through the real intake and task services with the engine clock set back to when
 * its events happened; when the clock is set back to now, the timers that came due fire and escalate, so some
 * deadlines are overdue from the first minute.
 */
@Slf4j
@Component
@Profile("demo")
@EnableConfigurationProperties(DemoProperties.class)
class DemoData implements ApplicationRunner {

  private static final Map<String, String> HISTORY_NAMES = Map.of("jonas", "Jonas Socialrådgiver",
      "pia", "Pia Sagsbehandler", "rasmus", "Rasmus Socialrådgiver", "lene", "Lene Sagsbehandler");

  private final DemoProperties properties;
  private final OrgService orgService;
  private final IntakeService intake;
  private final CaseTaskService tasks;
  private final PasswordEncoder passwords;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final MeetingsService meetings;
  private final CaseService cases;
  private final DemoHistory history;

  DemoData(DemoProperties properties, OrgService org, IntakeService intake, CaseTaskService tasks,
      PasswordEncoder passwords, ObjectMapper json, TransactionTemplate tx, Clock clock, MeetingsService meetings,
      CaseService cases, DemoHistory history) {
    this.history = history;
    this.meetings = meetings;
    this.cases = cases;
    this.properties = properties;
    this.orgService = org;
    this.intake = intake;
    this.tasks = tasks;
    this.passwords = passwords;
    this.json = json;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.isEnabled() || orgService.anyTeam()) {
      return;
    }
    long started = System.nanoTime();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long cpuStarted = cpu.getCurrentThreadCpuTime();
    seedStaff();
    Instant now = clock.instant();
    DemoHistory.Summary past;
    long samples;
    long cpuSamples;
    try {
      seedCases(now);
      samples = System.nanoTime();
      cpuSamples = cpu.getCurrentThreadCpuTime();
      past = history.seed(now);
    } finally {
      ClockUtil.reset();
    }
    long done = System.nanoTime();
    long cpuDone = cpu.getCurrentThreadCpuTime();
    // wall-clock and this thread's CPU time: on a busy machine the first is much longer than the second
    log.info("Demo data created in {} ms: teams nord and syd, 14 users (password '{}'), 12 sample cases, a joined "
        + "notification and a new concern ({} ms, CPU {} ms), and a history of {} cases over 16 months with {} "
        + "network meetings, {} step changes and {} closures ({} ms, CPU {} ms)",
        (done - started) / 1_000_000, properties.getPassword(), (samples - started) / 1_000_000,
        (cpuSamples - cpuStarted) / 1_000_000, past.cases(), past.meetings(), past.stepChanges(), past.closed(),
        (done - samples) / 1_000_000, (cpuDone - cpuSamples) / 1_000_000);
  }

  private void seedStaff() {
    orgService.createTeam("nord", "Team Nord");
    orgService.createTeam("syd", "Team Syd");
    String hash = passwords.encode(properties.getPassword());
    orgService.createUser("ida", "Ida Modtagelse", Role.INTAKE, null, hash, true);
    orgService.createUser("karen", "Karen Sagsbehandler", Role.CASEWORKER, "nord", hash, true);
    orgService.createUser("lars", "Lars Sagsbehandler", Role.CASEWORKER, "nord", hash, true);
    orgService.createUser("mette", "Mette Socialrådgiver", Role.CASEWORKER, "nord", hash, true);
    orgService.createUser("sofie", "Sofie Sagsbehandler", Role.CASEWORKER, "syd", hash, true);
    orgService.createUser("anders", "Anders Socialrådgiver", Role.CASEWORKER, "syd", hash, true);
    // the history's caseworkers (DemoHistory): the sample cases are not theirs
    for (Map.Entry<String, List<String>> team : DemoHistory.CASEWORKERS.entrySet()) {
      for (String username : team.getValue()) {
        orgService.createUser(username, HISTORY_NAMES.get(username), Role.CASEWORKER, team.getKey(), hash, true);
      }
    }
    orgService.createUser("birgitte", "Birgitte Teamleder", Role.TEAM_LEADER, "nord", hash, true);
    orgService.createUser("henrik", "Henrik Teamleder", Role.TEAM_LEADER, "syd", hash, true);
    orgService.createUserInTeams("anne", "Anne Afdelingsleder", Role.HEAD, List.of("nord", "syd"), hash, true);
    orgService.createUser("admin", "Demo Administrator", Role.ADMIN, null, hash, true);
  }

  private void seedCases(Instant now) {
    // 1-3: acute assessments: fresh, at risk, overdue
    register(now.minus(hours(2)), "nord", child("1503134411", "Emil", "Jensen", "2013-03-15"), NotifierKind.SCHOOL,
        "Nørre Skole", "Emil kommer ofte sulten og uden madpakke; mærker på armen.");
    register(now.minus(hours(21)), "nord", child("0207104622", "Freja", "Nielsen", "2010-07-02"),
        NotifierKind.POLICE, "Nordjyllands Politi", "Politiet har været tilkaldt til husspektakler i hjemmet.");
    register(now.minus(hours(30)), "syd", child("1111124713", "Noah", "Hansen", "2012-11-11"),
        NotifierKind.RELATIVE, null, "Mormor bekymret: Noah passes ikke, forældrene drikker.");

    // 4: professional notifier, assessed, acknowledgement overdue (15 days hold 6 working days even over Christmas);
    // investigation running
    String c4 = register(now.minus(days(15)), "nord", child("2405114824", "Alma", "Pedersen", "2011-05-24"),
        NotifierKind.HEALTH, "Sundhedsplejen", "Alma har tabt sig meget og virker indesluttet.");
    at(now.minus(days(15)).plus(hours(5)));
    complete(c4, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE",
        "note", "Ingen akut fare; børnefaglig undersøgelse iværksættes."));

    // 5: investigation at risk (due in about 10 days)
    String c5 = register(now.minus(days(112)), "syd", child("0909094935", "William", "Larsen", "2009-09-09"),
        NotifierKind.SCHOOL, "Sydskolen", "Højt fravær, William siger han ikke orker at komme.");
    at(now.minus(days(112)).plus(hours(3)));
    complete(c5, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    complete(c5, "Task_SendAcknowledgement", "ida", Map.of("note", "Kvittering sendt til skolen."));

    // 6: investigation overdue: interim assessment asked for
    String c6 = register(now.minus(days(130)), "nord", child("1712085026", "Clara", "Andersen", "2008-12-17"),
        NotifierKind.DAYCARE, "Klubben Nord", "Clara fortæller om vold i hjemmet.");
    at(now.minus(days(130)).plus(hours(6)));
    complete(c6, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    complete(c6, "Task_SendAcknowledgement", "ida", Map.of());

    // 7: closed after the acute assessment
    String c7 = register(now.minus(days(20)), "syd", child("0101145137", "Oscar", "Christensen", "2014-01-01"),
        NotifierKind.NEIGHBOUR, null, "Larm fra lejligheden om natten.");
    at(now.minus(days(20)).plus(hours(4)));
    complete(c7, "Task_AcuteAssessment", "ida", Map.of("outcome", "NO_ACTION",
        "note", "Forældrene har fået en nyfødt; ingen bekymring for Oscar efter samtale."));

    // 8: investigation done; the step is to be chosen (recommendation waiting)
    String c8 = investigated(now.minus(days(60)), "nord", "mette",
        child("0306125048", "Ella", "Sørensen", "2012-06-03"),
        "MODERATE", true, false, "STAY_HOME", now.minus(days(3)));

    // 9: placement chosen, waiting for the team leader's approval
    String c9 = investigated(now.minus(days(70)), "nord", "lars",
        child("2802105159", "Lucas", "Rasmussen", "2010-02-28"),
        "HIGH", false, true, "KIN_OR_NETWORK", now.minus(days(2)));
    at(now.minus(days(1)));
    complete(c9, "Task_ChooseStep", "lars", Map.of("stepKey", "KIN_PLACEMENT",
        "description", "Anbringelse hos morbror og hans kone.", "plannedEnd", isoDate(now, 365),
        "nextStepDownKey", "HOME_BASED", "childNotHeardReason",
        "Lucas ønskede ikke en samtale alene med rådgiveren; hans ønske om at bo hos morbror står i undersøgelsen."));

    // 10: intervention running; first network meeting at risk (due in about 5 days)
    String c10 = investigated(now.minus(days(100)), "nord", "karen",
        child("1010135060", "Ida", "Jørgensen", "2013-10-10"),
        "MODERATE", true, false, "STAY_HOME", now.minus(days(52)));
    at(now.minus(days(51)));
    complete(c10, "Task_ChooseStep", "karen", Map.of("stepKey", "PREVENTIVE",
        "description", "Familierådgivning hver 14. dag og kontaktperson.", "plannedEnd", isoDate(now, 200),
        "nextStepDownKey", "EARLY_HELP", "childNotHeardReason",
        "Samtalen med barnet holdes på hjemmebesøget i næste uge; forældrene ønsker hjælpen nu."));

    // 11: intervention running; the network meeting is overdue, the action plan written
    String c11 = investigated(now.minus(days(140)), "syd", "sofie", child("0505115171", "Karl", "Madsen", "2011-05-05"),
        "HIGH", true, false, "STAY_HOME", now.minus(days(70)));
    at(now.minus(days(69)));
    complete(c11, "Task_ChooseStep", "sofie", Map.of("stepKey", "HOME_BASED",
        "description", "Familiebehandling i hjemmet to gange om ugen.", "plannedEnd", isoDate(now, 150),
        "nextStepDownKey", "PREVENTIVE", "childNotHeardReason",
        "Barnet er hørt af skolens AKT-lærer; rådgiverens egen samtale holdes ved første netværksmøde."));
    at(now.minus(days(40)));
    complete(c11, "Task_WriteActionPlan", "sofie", actionPlan(now));

    // 12: a youth who turned 16 seven weeks ago, with a running intervention and a meeting held: the youth plan is due
    // within 3 months of the 16th birthday (Barnets Lov § 108, stk. 3), so its task is open
    LocalDate saraBorn = LocalDate.ofInstant(now, clock.getZone()).minusYears(16).minusDays(50);
    String saraCpr = java.time.format.DateTimeFormatter.ofPattern("ddMMyy").format(saraBorn) + "5182";
    String c12 = investigated(now.minus(days(90)), "syd", "anders",
        child(saraCpr, "Sara", "Olsen", saraBorn.toString()),
        "MODERATE", true, false, "STAY_HOME", now.minus(days(60)));
    at(now.minus(days(59)));
    complete(c12, "Task_ChooseStep", "anders", Map.of("stepKey", "PREVENTIVE",
        "description", "Mentorordning og fritidsjob.", "plannedEnd", isoDate(now, 120),
        "nextStepDownKey", "EARLY_HELP", "childNotHeardReason",
        "Den unge ønskede at tale med mentoren først; samtalen med rådgiveren holdes inden første netværksmøde."));
    at(now.minus(days(20)));
    complete(c12, "Task_HoldNetworkMeeting", "anders", Map.of(
        "participants", List.of(Map.of("role", "YOUTH", "name", "Sara"), Map.of("role", "PARENT", "name", "Mor"),
            Map.of("role", "SCHOOL", "name", "Klasselærer"), Map.of("role", "CASEWORKER", "name", "Anders")),
        "goalProgress", List.of(), "youthSatisfaction", 4, "youthVoice", "Det går bedre i skolen.",
        "decision", "CONTINUE", "decisionNote", "Fortsætter; næste møde om otte uger."));
    // a second notification joins case 10 and asks for a second opinion; a new concern on case 11 asks for a meeting
    register(now.minus(hours(21)), "nord", child("1010135060", "Ida", "Jørgensen", "2013-10-10"), NotifierKind.SCHOOL,
        "Nørre Skole", "Ida har grædt i skolen flere dage i træk.");
    at(now.minus(days(2)));
    meetings.registerConcern(cases.get(c11), new NewConcern(ConcernSource.FAMILY,
        "Mor ringer: Karl er ikke kommet hjem i nat.", now.minus(days(2))), "sofie");
    log.debug("Demo cases: {}", List.of(c4, c5, c6, c7, c8, c9, c10, c11, c12));
  }

  /**
   * Registers a notification and runs it through the acute assessment and the investigation, done by {@code worker},
   * whose case it then is (its next tasks go to them).
   */
  private String investigated(Instant received, String team, String worker, NewNotification.ChildInput child,
      String risk, boolean safeAtHome, boolean kin, String wish, Instant investigationDone) {
    String caseNumber = register(received, team, child, NotifierKind.SCHOOL, "Skolen",
        "Bekymrende fravær og mistrivsel.");
    at(received.plus(hours(5)));
    complete(caseNumber, "Task_AcuteAssessment", "ida", Map.of("outcome", "INVESTIGATE", "note", "Undersøges."));
    complete(caseNumber, "Task_SendAcknowledgement", "ida", Map.of());
    at(investigationDone);
    complete(caseNumber, "Task_Investigation", worker, Map.of(
        "findings", "Barnets ressourcer og behov er afdækket med skole, forældre og barnet selv.",
        "youthPerspective", "Jeg vil gerne blive boende hjemme, men det er svært.",
        "riskLevel", risk, "safeAtHome", safeAtHome, "kinOrNetworkPossible", kin, "youthWish", wish,
        "outcome", "INTERVENTION"));
    return caseNumber;
  }

  private Map<String, Object> actionPlan(Instant now) {
    return Map.of("youthOwnWords", "Jeg vil gerne i skole hver dag og have en ven.",
        "goals", List.of(Map.of("title", "Stabilt skolefremmøde", "successCriterion", "Fremmøde over 90 %",
            "owner", "Skolen og forældrene", "targetDate", isoDate(now, 120), "youthOwn", true,
            "subGoals", List.of(Map.of("title", "Fast morgenrutine", "targetDate", isoDate(now, 30))))));
  }

  private String register(Instant received, String team, NewNotification.ChildInput child, NotifierKind kind,
      String organisation, String concern) {
    at(received);
    NotificationReceipt receipt = tx.execute(s -> intake.register(
        new NewNotification(child, kind, organisation, null, concern, received, team), null, "ida"));
    return receipt.caseNumber();
  }

  private void complete(String caseNumber, String taskKey, String username, Map<String, Object> payload) {
    StaffMember user = orgService.member(username).orElseThrow();
    TaskView task = tasks.tasksOfCase(caseNumber).stream()
        .filter(t -> taskKey.equals(t.taskKey()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("demo case " + caseNumber + " has no task " + taskKey));
    tasks.complete(task.id(), json.valueToTree(payload), user);
  }

  private static NewNotification.ChildInput child(String cpr, String first, String last, String birth) {
    return new NewNotification.ChildInput(cpr, first, last, LocalDate.parse(birth));
  }

  private void at(Instant t) {
    ClockUtil.setCurrentTime(Date.from(t));
  }

  private String isoDate(Instant now, int daysAhead) {
    return LocalDate.ofInstant(now, clock.getZone()).plusDays(daysAhead).toString();
  }

  private static Duration hours(long h) {
    return Duration.ofHours(h);
  }

  private static Duration days(long d) {
    return Duration.ofDays(d);
  }
}
