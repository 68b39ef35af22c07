package dk.trappen.oversight;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.InvalidInputException;
import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineRules;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.Step;
import dk.trappen.tasks.CaseTaskService;
import dk.trappen.tasks.OpenTask;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team leader's view of the team: overdue and at-risk deadlines (with the case's caseworker and the task that
 * guards each), caseload per caseworker and the staircase figures. Compliance per deadline kind and month is
 * {@link DeadlineCompliance}'s.
 */
@Service
@Transactional(readOnly = true)
public class OversightService {

  /** The placeholder for work nobody holds yet. */
  public static final String UNASSIGNED = "";

  private final DeadlineRegister deadlines;
  private final CaseService cases;
  private final CaseTaskService tasks;
  private final OrgService org;
  private final StaircaseService staircase;
  private final ZoneId zone;
  private final CasesWithoutCaseworker unassigned;

  OversightService(DeadlineRegister deadlines, CaseService cases, CaseTaskService tasks, OrgService org,
      StaircaseService staircase, DeadlineRules rules, CasesWithoutCaseworker unassigned) {
    this.unassigned = unassigned;
    this.deadlines = deadlines;
    this.cases = cases;
    this.tasks = tasks;
    this.org = org;
    this.staircase = staircase;
    this.zone = rules.zone();
  }

  /** One overdue or at-risk deadline with who holds the case and the task that meets it. */
  public record LateRow(DeadlineView deadline, String caseworker, String childName, OpenTask task) {
    /** Who the row is grouped under: the task's assignee, else the case's caseworker, else nobody yet. */
    public String holder() {
      if (task != null && task.assignee() != null) {
        return task.assignee();
      }
      return caseworker == null ? UNASSIGNED : caseworker;
    }
  }

  /**
   * Everything the overview page shows, each query made once. The lists that grow with the team's cases are pages
   * ({@code late}, grouped by holder in {@code byHolder}, and {@code openCases}); the figures (by kind, caseload,
   * unassigned cases, staircase) are over everything.
   */
  public record Overview(Page<LateRow> late, Map<String, List<LateRow>> byHolder,
                         Map<DeadlineKind, List<LateRow>> byKind, List<Caseload> caseload, Page<CaseRef> openCases,
                         long unassignedCases, StaircaseFigures stairs, List<Orphaned> orphaned,
                         List<CaseWithoutCaseworker> withoutCaseworker) {
  }

  /**
   * An open case of the team without an active caseworker of the team: none was ever given ({@code caseworker}
   * null), or its caseworker is deactivated or no longer a caseworker of the team ({@code caseworker} is who it was,
   * {@code caseworkerName} their name). Its new tasks stay with the team (tasks.TaskRouting), so its team leader must
   * give it to someone.
   */
  public record CaseWithoutCaseworker(String caseNumber, String childName, Instant awareAt, String caseworker,
                                      String caseworkerName) {
  }

  /**
   * A deactivated member of the team who still holds work: their open cases and the open tasks they hold, which need
   * a new caseworker.
   */
  public record Orphaned(StaffMember former, List<String> caseNumbers, List<String> taskIds) {
  }

  public Overview overview(String teamCode, DeadlineState only, Pageable latePage, Pageable casesPage) {
    List<CaseRef> open = cases.openCasesOfTeam(teamCode);
    List<LateRow> late = late(teamCode, only);
    Page<LateRow> lateShown = late(teamCode, only, latePage);
    List<CaseWithoutCaseworker> without = unassigned.of(teamCode, open);
    return new Overview(lateShown, byHolder(lateShown.getContent()), byKind(late), caseload(teamCode, late, open),
        cases.openCasesOfTeam(teamCode, casesPage), without.size(), staircase(open), orphaned(teamCode, open),
        without);
  }

  /**
   * The team's open cases without an active caseworker of the team (see {@link CaseWithoutCaseworker}), by case
   * number, for a team leader or head of {@code team} (their first team when null or empty; another team is refused
   * naming {@code team}).
   */
  public List<CaseWithoutCaseworker> withoutCaseworker(StaffMember leader, String team) {
    String teamCode = teamOf(leader, team);
    return unassigned.of(teamCode, cases.openCasesOfTeam(teamCode));
  }

  /** The team's deactivated members who still hold open cases or tasks. */
  private List<Orphaned> orphaned(String teamCode, List<CaseRef> open) {
    List<Orphaned> out = new ArrayList<>();
    for (StaffMember former : org.formerMembers(teamCode)) {
      List<String> caseNumbers = open.stream().filter(c -> former.username().equals(c.caseworker()))
          .map(CaseRef::caseNumber).toList();
      List<String> taskIds = tasks.teamTaskIdsHeldBy(teamCode, former.username());
      if (!caseNumbers.isEmpty() || !taskIds.isEmpty()) {
        out.add(new Orphaned(former, caseNumbers, taskIds));
      }
    }
    return out;
  }

  /**
   * One page of the late deadlines of {@code team} (the leader's first team when null or empty), earliest due first,
   * as the API gives them. A team leader or head sees only their own teams: another team is refused naming
   * {@code team}.
   */
  public Page<DeadlineView> deadlines(StaffMember leader, String team, DeadlineState only, Pageable page) {
    return deadlines.atRiskOrOverdue(List.of(teamOf(leader, team)), only, page);
  }

  /**
   * The team a team leader's or head's page or request is about: {@code team} if it is one of theirs, their first
   * team when it is null or empty; another team is refused naming {@code team}.
   */
  public String teamOf(StaffMember leader, String team) {
    String teamCode = team == null || team.isBlank() ? leader.teamCode() : team;
    if (!leader.covers(teamCode)) {
      throw InvalidInputException.of("team", "problem.oversight.ownTeamOnly", String.join(", ", leader.teams()));
    }
    return teamCode;
  }

  /**
   * One team's headline figures, for the side-by-side view of a leader or head over several teams;
   * {@code unassignedCases} counts the open cases without an active caseworker of the team.
   */
  public record TeamFigures(String code, String name, long openCases, long unassignedCases, long overdue,
                            long atRisk) {
  }

  /** The headline figures of each of the teams, side by side; the deadlines are counted by the database. */
  public List<TeamFigures> sideBySide(List<String> teamCodes) {
    Map<String, String> names = org.teams().stream()
        .collect(Collectors.toMap(t -> t.getCode(), t -> t.getName()));
    Pageable count = Pageable.ofSize(1);
    List<TeamFigures> figures = new ArrayList<>();
    for (String t : teamCodes) {
      List<CaseRef> open = cases.openCasesOfTeam(t);
      figures.add(new TeamFigures(t, names.getOrDefault(t, t), open.size(), unassigned.of(t, open).size(),
          deadlines.atRiskOrOverdue(List.of(t), DeadlineState.OVERDUE, count).getTotalElements(),
          deadlines.atRiskOrOverdue(List.of(t), DeadlineState.AT_RISK, count).getTotalElements()));
    }
    return figures;
  }

  /**
   * The team's late deadlines with their cases and the tasks that guard them: three statements (deadlines, their
   * cases, their tasks), bounded by the number of late deadlines and not by the size of the team or the database.
   */
  public List<LateRow> late(String teamCode, DeadlineState only) {
    return rows(teamCode, deadlines.atRiskOrOverdue(List.of(teamCode), only));
  }

  /** One page of the team's late deadlines (earliest due first) with their cases and tasks; the count is the total. */
  public Page<LateRow> late(String teamCode, DeadlineState only, Pageable page) {
    Page<DeadlineView> shown = deadlines.atRiskOrOverdue(List.of(teamCode), only, page);
    return new PageImpl<>(rows(teamCode, shown.getContent()), page, shown.getTotalElements());
  }

  private List<LateRow> rows(String teamCode, List<DeadlineView> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, CaseRef> byNumber = cases.byNumbers(rows.stream().map(DeadlineView::caseNumber).toList());
    Map<String, OpenTask> taskByExecution = tasks.teamTasksAt(teamCode,
        rows.stream().map(DeadlineView::executionId).toList());
    return rows.stream().map(d -> {
      CaseRef c = byNumber.get(d.caseNumber());
      return new LateRow(d, c == null ? null : c.caseworker(), c == null ? null : c.childName(),
          taskByExecution.get(d.executionId()));
    }).toList();
  }

  /** Late rows grouped by holder (caseworker), overdue first within each group. */
  private static Map<String, List<LateRow>> byHolder(List<LateRow> rows) {
    return rows.stream().collect(Collectors.groupingBy(LateRow::holder, TreeMap::new, Collectors.toList()));
  }

  private static Map<DeadlineKind, List<LateRow>> byKind(List<LateRow> rows) {
    return rows.stream().collect(Collectors.groupingBy(r -> r.deadline().kind(),
        () -> new EnumMap<>(DeadlineKind.class), Collectors.toList()));
  }

  /** Open cases and open tasks per caseworker of the team. */
  public record Caseload(StaffMember caseworker, long openCases, long openTasks, long lateDeadlines) {
  }

  private List<Caseload> caseload(String teamCode, List<LateRow> late, List<CaseRef> open) {
    List<Caseload> out = new ArrayList<>();
    Map<String, Long> tasksByAssignee = tasks.teamTaskCountsByAssignee(teamCode);
    for (StaffMember m : org.caseworkers(teamCode)) {
      long openCases = open.stream().filter(c -> m.username().equals(c.caseworker())).count();
      long openTasks = tasksByAssignee.getOrDefault(m.username(), 0L);
      long lateCount = late.stream().filter(r -> m.username().equals(r.holder())).count();
      out.add(new Caseload(m, openCases, openTasks, lateCount));
    }
    return out;
  }

  /** Cases per step now, and moves up and down the staircase per month. */
  public record StaircaseFigures(List<Step> steps, Map<String, Long> now, Map<YearMonth, long[]> movesByMonth) {
  }

  public StaircaseFigures staircase(String teamCode) {
    return staircase(cases.openCasesOfTeam(teamCode));
  }

  private StaircaseFigures staircase(List<CaseRef> openCases) {
    List<Long> caseIds = openCases.stream().map(CaseRef::id).toList();
    List<InterventionView> all = staircase.interventionsOf(caseIds);
    Map<Long, InterventionView> byId = new HashMap<>();
    all.forEach(i -> byId.put(i.id(), i));
    Map<YearMonth, long[]> moves = new TreeMap<>();
    for (InterventionView i : all) {
      InterventionView replaced = i.replacesId() == null ? null : byId.get(i.replacesId());
      if (replaced == null || i.startedAt() == null) {
        continue;
      }
      long[] m = moves.computeIfAbsent(YearMonth.from(i.startedAt().atZone(zone)), k -> new long[2]);
      if (i.position() > replaced.position()) {
        m[0]++;
      } else if (i.position() < replaced.position()) {
        m[1]++;
      }
    }
    Map<String, Long> now = new LinkedHashMap<>(staircase.stepDistribution(caseIds));
    return new StaircaseFigures(staircase.steps(), now, moves);
  }
}
