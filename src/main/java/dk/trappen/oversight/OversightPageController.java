package dk.trappen.oversight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.audit.AuditService;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.PageLinks;
import dk.trappen.common.Paging;
import dk.trappen.deadlines.DeadlineChangeView;
import dk.trappen.deadlines.DeadlineExtensions;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The team leader's overview page and its CSV exports. The page's reassignment forms post to
 * {@code reassignment}'s page controller.
 */
@Controller
class OversightPageController {

  private static final int MONTHS = 6;
  /** The refused attempts on the team's cases the page lists: of the last 30 days, at most 50. */
  private static final Duration REFUSALS_PERIOD = Duration.ofDays(30);
  private static final int REFUSALS_SHOWN = 50;

  private final OversightService oversight;
  private final OrgService org;
  private final CurrentUser currentUser;
  private final ObjectMapper json;
  private final MessageSource messages;
  private final CaseAccess access;
  private final AuditService audit;
  private final DeadlineExtensions extensions;
  private final DeadlineCompliance compliance;

  OversightPageController(OversightService oversight, OrgService org, CurrentUser currentUser, ObjectMapper json,
      MessageSource messages, CaseAccess access, AuditService audit, DeadlineExtensions extensions,
      DeadlineCompliance compliance) {
    this.extensions = extensions;
    this.compliance = compliance;
    this.access = access;
    this.audit = audit;
    this.oversight = oversight;
    this.org = org;
    this.currentUser = currentUser;
    this.json = json;
    this.messages = messages;
  }

  @GetMapping("/oversight")
  String page(@RequestParam(required = false) String state, @RequestParam(required = false) String latePage,
      @RequestParam(required = false) String casesPage, @RequestParam(required = false) String team, Model model)
      throws JsonProcessingException {
    StaffMember leader = currentUser.get();
    team = teamOf(leader, team);
    DeadlineState only = null;
    try {
      only = StateFilter.parse(state);
    } catch (InvalidInputException e) {
      // a bookmark or hand-typed address with an unknown filter: the page says so and lists both
      model.addAttribute("stateProblems", e.problems().stream()
          .map(p -> messages.getMessage(p.onPage(), LocaleContextHolder.getLocale())).toList());
    }
    OversightService.Overview overview = oversight.overview(team, only, Paging.lenient(latePage),
        Paging.lenient(casesPage));
    if (pastTheEnd(overview.late()) || pastTheEnd(overview.openCases())) {
      // a link past the end of a list that has shrunk since: its last page
      overview = oversight.overview(team, only, lastIfPast(overview.late()), lastIfPast(overview.openCases()));
    }
    String stateParam = only == null ? "" : state;
    // the team is in every link only for a leader or head of several teams (one team needs no choosing)
    String teamParam = leader.teams().size() > 1 ? team : null;
    model.addAttribute("state", stateParam);
    model.addAttribute("team", team);
    model.addAttribute("teamParam", teamParam);
    model.addAttribute("teamName", org.team(team).map(t -> t.getName()).orElse(team));
    model.addAttribute("sideBySide", leader.teams().size() > 1 ? oversight.sideBySide(leader.teams()) : List.of());
    model.addAttribute("canReassign", leader.role() == Role.TEAM_LEADER);
    model.addAttribute("late", overview.late());
    model.addAttribute("latePages", PageLinks.of(overview.late(), "/oversight", "latePage", "state", stateParam,
        "casesPage", pageParam(overview.openCases()), "team", teamParam));
    model.addAttribute("casePages", PageLinks.of(overview.openCases(), "/oversight", "casesPage", "state",
        stateParam, "latePage", pageParam(overview.late()), "team", teamParam));
    model.addAttribute("byHolder", overview.byHolder());
    model.addAttribute("byKind", overview.byKind());
    model.addAttribute("caseload", overview.caseload());
    model.addAttribute("orphaned", overview.orphaned());
    model.addAttribute("unassignedCases", overview.unassignedCases());
    model.addAttribute("withoutCaseworker", overview.withoutCaseworker());
    List<StaffMember> caseworkers = org.caseworkers(team);
    model.addAttribute("caseworkers", caseworkers);
    Map<String, String> names = new LinkedHashMap<>();
    caseworkers.forEach(m -> names.put(m.username(), m.displayName()));
    model.addAttribute("names", names);
    model.addAttribute("openCases", overview.openCases());
    List<DeadlineCompliance.Compliance> met = compliance.of(team, MONTHS);
    model.addAttribute("compliance", met);
    OversightService.StaircaseFigures stairs = overview.stairs();
    model.addAttribute("stairs", stairs);
    model.addAttribute("chartData", json.writeValueAsString(chartData(met, stairs)).replace("</", "<\\/"));
    model.addAttribute("refusals", audit.refusalsOnTeamCases(team, REFUSALS_PERIOD, REFUSALS_SHOWN));
    // the caseworkers' requests to extend or pause a deadline, for the team leader to approve or refuse (issue 20)
    List<DeadlineChangeView> requests = extensions.pending(List.of(team));
    model.addAttribute("deadlineRequests", requests);
    if (!requests.isEmpty()) {
      Map<Long, String> shown = new LinkedHashMap<>();
      requests.forEach(r -> shown.put(r.caseId(), r.caseNumber()));
      access.recordList(leader, shown, "page: deadline requests");
    }
    if (!model.containsAttribute("decisionFor")) {
      model.addAttribute("decisionFor", -1L);
      model.addAttribute("decisionErrors", Map.of());
      model.addAttribute("decisionForm", Map.of());
    }
    return "oversight";
  }

  @GetMapping("/oversight/late.csv")
  void lateCsv(@RequestParam(required = false) String state, @RequestParam(required = false) String team,
      HttpServletResponse response) throws IOException {
    StaffMember leader = currentUser.get();
    DeadlineState only = StateFilter.parse(state);
    team = teamOf(leader, team);
    PrintWriter out = csv(response, "overdue-" + team + ".csv");
    Locale locale = LocaleContextHolder.getLocale();
    out.println(String.join(";", msg("oversight.csv.case", locale), msg("oversight.csv.kind", locale),
        msg("oversight.csv.state", locale), msg("oversight.csv.due", locale), msg("oversight.csv.holder", locale),
        msg("oversight.csv.escalated", locale), msg("oversight.csv.rule", locale)));
    List<OversightService.LateRow> rows = oversight.late(team, only);
    access.recordExport(rows.stream().map(r -> r.deadline().caseNumber()).distinct().toList(),
        "export: deadline list (CSV)");
    for (OversightService.LateRow r : rows) {
      var d = r.deadline();
      out.println(String.join(";", d.caseNumber(), d.kind().name(), d.state().name(), d.dueAt().toString(),
          r.holder(), d.escalatedAt() == null ? "" : d.escalatedAt().toString(), quote(d.rule())));
    }
    out.flush();
  }

  @GetMapping("/oversight/figures.csv")
  void figuresCsv(@RequestParam(required = false) String team, HttpServletResponse response) throws IOException {
    String teamCode = teamOf(currentUser.get(), team);
    PrintWriter out = csv(response, "figures-" + teamCode + ".csv");
    access.recordExportWithoutCases("export: figures of team " + teamCode + " (CSV)");
    out.println("figure;kind_or_step;month;count;total;share");
    for (DeadlineCompliance.Compliance c : compliance.of(teamCode, MONTHS)) {
      out.println(String.join(";", "compliance", c.kind().name(), c.month().toString(),
          Long.toString(c.metInTime()), Long.toString(c.due()), String.format(Locale.ROOT, "%.3f", c.share())));
      // met after the legal deadline but within an approved extension or pause (issue 20)
      out.println(String.join(";", "compliance_extended", c.kind().name(), c.month().toString(),
          Long.toString(c.metInExtension()), Long.toString(c.due()),
          String.format(Locale.ROOT, "%.3f", c.shareWithExtensions())));
    }
    OversightService.StaircaseFigures stairs = oversight.staircase(teamCode);
    stairs.now().forEach((step, count) -> out.println(String.join(";", "cases_on_step", step, "", count.toString(),
        "", "")));
    stairs.movesByMonth().forEach((month, m) -> {
      out.println(String.join(";", "moves_up", "", month.toString(), Long.toString(m[0]), "", ""));
      out.println(String.join(";", "moves_down", "", month.toString(), Long.toString(m[1]), "", ""));
    });
    out.flush();
  }

  /** One of the user's teams; a team not theirs is not found (and the page does not say whose it is). */
  private String teamOf(StaffMember leader, String team) {
    try {
      return oversight.teamOf(leader, team);
    } catch (InvalidInputException notTheirs) {
      throw new NotFoundException("no team " + team + " of " + leader.username());
    }
  }

  private Map<String, Object> chartData(List<DeadlineCompliance.Compliance> compliance,
      OversightService.StaircaseFigures stairs) {
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, Object> data = new LinkedHashMap<>();
    List<String> months = compliance.stream().map(c -> c.month().toString()).distinct().sorted().toList();
    List<Map<String, Object>> series = new ArrayList<>();
    compliance.stream().map(DeadlineCompliance.Compliance::kind).distinct().forEach(kind -> {
      List<Double> values = new ArrayList<>();
      for (String m : months) {
        values.add(compliance.stream().filter(c -> c.kind() == kind && c.month().toString().equals(m))
            .findFirst().map(c -> Math.round(c.share() * 1000) / 10.0).orElse(null));
      }
      series.add(Map.of("label", msg("deadline." + kind.name(), locale), "values", values));
    });
    data.put("complianceMonths", months);
    data.put("complianceSeries", series);
    data.put("complianceTitle", msg("oversight.compliance.chart", locale));
    data.put("steps", stairs.steps().stream().map(s -> "da".equals(locale.getLanguage()) ? s.name() : s.nameEn())
        .toList());
    data.put("stepCounts", stairs.steps().stream().map(s -> stairs.now().getOrDefault(s.key(), 0L)).toList());
    data.put("stepsTitle", msg("oversight.staircase.now", locale));
    data.put("moveMonths", stairs.movesByMonth().keySet().stream().map(Object::toString).toList());
    data.put("movesUp", stairs.movesByMonth().values().stream().map(m -> m[0]).toList());
    data.put("movesDown", stairs.movesByMonth().values().stream().map(m -> m[1]).toList());
    data.put("upLabel", msg("oversight.staircase.up", locale));
    data.put("downLabel", msg("oversight.staircase.down", locale));
    return data;
  }

  private static boolean pastTheEnd(Page<?> page) {
    return page.getNumber() > 0 && page.getNumber() >= page.getTotalPages();
  }

  private static Pageable lastIfPast(Page<?> page) {
    return pastTheEnd(page) ? PageRequest.of(Math.max(0, page.getTotalPages() - 1), page.getSize())
        : page.getPageable();
  }

  /** The page parameter that keeps a list on its page in the other list's links (none for the first page). */
  private static String pageParam(Page<?> page) {
    return page.getNumber() == 0 ? null : Integer.toString(page.getNumber());
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private static PrintWriter csv(HttpServletResponse response, String filename) throws IOException {
    response.setContentType("text/csv; charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    PrintWriter out = response.getWriter();
    out.write('\uFEFF');
    return out;
  }

  private static String quote(String s) {
    return "\"" + (s == null ? "" : s.replace("\"", "\"\"")) + "\"";
  }
}
