package dk.trappen.figures;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.figures.Figures.IndicatorInfo;
import dk.trappen.org.OrgService;
import dk.trappen.outcomes.OutcomeService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.staircase.Staircase;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The strategy's figures (issue 21; docs/figures.md): read-only SQL aggregations over the features' tables, grouped
 * by team, month and step in the database; Java only adds up the grouped rows. Every statement runs on H2 2.x and on
 * PostgreSQL: months are computed as instants here and compared in SQL (a CASE over the month boundaries).
 */
@Service
@Transactional(readOnly = true)
public class FiguresService {

  /** The longest period asked for at once, in months. */
  public static final int MAX_MONTHS = 36;
  /** The youth's own words shown per team. */
  static final int WORDS = 10;
  /** The stalled interventions listed per team (all are counted). */
  static final int STALLED_LISTED = 50;
  static final double DAYS_PER_MONTH = 30.44;
  static final List<String> BUCKETS = List.of("UNDER_3", "FROM_3_TO_6", "FROM_6_TO_12", "FROM_12_TO_24", "FROM_24");

  private final NamedParameterJdbcTemplate jdbc;
  private final FiguresProperties properties;
  private final Staircase staircase;
  private final OrgService org;
  private final Clock clock;
  private final ZoneId zone;
  private final List<IndicatorInfo> indicators;
  private final FiguresSnapshots snapshots;

  FiguresService(NamedParameterJdbcTemplate jdbc, FiguresProperties properties, Staircase staircase, OrgService org,
      Clock clock, @Value("${trappen.zone:Europe/Copenhagen}") String zone, OutcomeService outcomes,
      FiguresSnapshots snapshots) {
    this.snapshots = snapshots;
    this.jdbc = jdbc;
    this.properties = properties;
    this.staircase = staircase;
    this.org = org;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
    this.indicators = outcomes.indicators().stream()
        .map(i -> new IndicatorInfo(i.key(), i.name(), i.nameEn(), i.desired())).toList();
  }

  /** The zone the months are counted in. */
  public ZoneId zone() {
    return zone;
  }

  /** How many minutes computed figures are served before they are computed again (0: every request). */
  public long keptMinutes() {
    return properties.getKeepFor().toMinutes();
  }

  /** A period of whole months, from and to inclusive. */
  public record Period(YearMonth from, YearMonth to) {
  }

  /**
   * The period a request names: {@code to} defaults to the current month, {@code from} to 11 months before {@code to};
   * a malformed month, {@code to} before {@code from} or more than {@value #MAX_MONTHS} months is refused naming the
   * field.
   */
  public Period period(String from, String to) {
    List<Problem> problems = new ArrayList<>();
    YearMonth f = null;
    YearMonth t = null;
    try {
      t = to == null || to.isBlank() ? YearMonth.from(clock.instant().atZone(zone)) : YearMonth.parse(to.trim());
    } catch (DateTimeParseException e) {
      problems.add(Problem.of("to", "problem.figures.month", to));
    }
    try {
      f = from == null || from.isBlank() ? (t == null ? null : t.minusMonths(11)) : YearMonth.parse(from.trim());
    } catch (DateTimeParseException e) {
      problems.add(Problem.of("from", "problem.figures.month", from));
    }
    if (problems.isEmpty()) {
      if (t.isBefore(f)) {
        problems.add(Problem.of("to", "problem.figures.toBeforeFrom", f.toString()));
      } else if (f.plusMonths(MAX_MONTHS - 1L).isBefore(t)) {
        problems.add(Problem.of("from", "problem.figures.tooLong", MAX_MONTHS));
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    return new Period(f, t);
  }

  /**
   * The teams a viewer's figures are about: {@code team} if it is theirs, all their teams when null or blank. Only a
   * team leader (their own teams) and a head of department (all their teams) see figures.
   */
  public List<String> teamsOf(StaffMember viewer, String team) {
    if (viewer.role() != Role.TEAM_LEADER && viewer.role() != Role.HEAD) {
      throw new AccessDeniedException("figures are for team leaders and heads of department");
    }
    if (team == null || team.isBlank()) {
      return viewer.teams();
    }
    if (!viewer.covers(team)) {
      throw InvalidInputException.of("team", "problem.figures.ownTeamsOnly", String.join(", ", viewer.teams()));
    }
    return List.of(team);
  }

  public Figures figures(StaffMember viewer, YearMonth from, YearMonth to, String team) {
    List<String> teams = teamsOf(viewer, team);
    if (from == null || to == null || to.isBefore(from) || from.plusMonths(MAX_MONTHS - 1L).isBefore(to)) {
      throw InvalidInputException.of(to == null || (from != null && to.isBefore(from)) ? "to" : "from",
          "problem.figures.period", MAX_MONTHS);
    }
    return snapshots.get(new FiguresSnapshots.Key(teams, from, to), () -> query(teams, from, to).run());
  }

  /**
   * Computes ahead the default figures (the last 12 months, all their teams) of every active team leader and head of
   * department, each set of teams once, and keeps them for their requests; returns how many sets were computed.
   */
  public int warmUp() {
    YearMonth to = YearMonth.from(clock.instant().atZone(zone));
    YearMonth from = to.minusMonths(11);
    Set<List<String>> teamSets = new LinkedHashSet<>();
    org.heads().forEach(h -> teamSets.add(h.teams().stream().sorted().toList()));
    org.teams().stream().filter(t -> t.isActive()).forEach(t -> org.teamLeaders(t.getCode())
        .forEach(l -> teamSets.add(l.teams().stream().sorted().toList())));
    teamSets.removeIf(List::isEmpty);
    for (List<String> teams : teamSets) {
      snapshots.refresh(new FiguresSnapshots.Key(teams, from, to), () -> query(teams, from, to).run());
    }
    return teamSets.size();
  }

  private FiguresQuery query(List<String> teams, YearMonth from, YearMonth to) {
    return new FiguresQuery(jdbc, properties, staircase, org, clock.instant(), zone, indicators, teams, from, to);
  }

}
