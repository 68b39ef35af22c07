package dk.trappen.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.common.InvalidInputException;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The figures page (charts, each with a table of the same numbers) and its CSV export. */
@Controller
class FiguresPageController {

  private final FiguresService figures;
  private final CurrentUser currentUser;
  private final AuditService audit;
  private final OrgService org;
  private final ObjectMapper json;
  private final MessageSource messages;

  FiguresPageController(FiguresService figures, CurrentUser currentUser, AuditService audit, OrgService org,
      ObjectMapper json, MessageSource messages) {
    this.figures = figures;
    this.currentUser = currentUser;
    this.audit = audit;
    this.org = org;
    this.json = json;
    this.messages = messages;
  }

  @GetMapping("/figures")
  String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String team, Model model) throws JsonProcessingException {
    StaffMember user = currentUser.get();
    Locale locale = LocaleContextHolder.getLocale();
    List<String> problems = new ArrayList<>();
    Map<String, String> fieldProblems = new LinkedHashMap<>();
    try {
      figures.teamsOf(user, team);
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> fieldProblems.put(p.field(), messages.getMessage(p.onPage(), locale)));
      team = null;
    }
    FiguresService.Period period;
    try {
      period = figures.period(from, to);
    } catch (InvalidInputException e) {
      e.problems().forEach(p -> fieldProblems.put(p.field(), messages.getMessage(p.onPage(), locale)));
      period = figures.period(null, null);
      from = period.from().toString();
      to = period.to().toString();
    }
    problems.addAll(fieldProblems.values());
    Figures f = figures.figures(user, period.from(), period.to(), team);
    audit.recordWithoutCase(user.username(), user.role().name(), AuditAction.READ,
        FiguresController.what("page: figures", f), null);
    boolean english = !"da".equals(locale.getLanguage());
    Map<String, String> stepNames = new LinkedHashMap<>();
    f.steps().forEach(s -> stepNames.put(s.key(), english ? s.nameEn() : s.name()));
    Map<String, String> indicatorNames = new LinkedHashMap<>();
    f.indicators().forEach(i -> indicatorNames.put(i.key(), english ? i.nameEn() : i.name()));
    Figures.TeamFigures shown = f.teams().size() == 1 ? f.teams().get(0) : f.total();
    List<Figures.TeamFigures> columns = new ArrayList<>(f.teams());
    if (f.teams().size() > 1) {
      columns.add(f.total());
    }
    model.addAttribute("f", f);
    model.addAttribute("asOf", java.time.format.DateTimeFormatter.ofPattern("d. MMMM yyyy HH:mm", locale)
        .format(f.asOf().atZone(figures.zone())));
    model.addAttribute("keptMinutes", figures.keptMinutes());
    model.addAttribute("shown", shown);
    model.addAttribute("columns", columns);
    model.addAttribute("from", period.from().toString());
    model.addAttribute("to", period.to().toString());
    model.addAttribute("team", team == null ? "" : team);
    model.addAttribute("teamChoices", user.teams().stream().map(t -> Map.of("code", t, "name",
        org.team(t).map(x -> x.getName()).orElse(t))).toList());
    model.addAttribute("problems", problems);
    model.addAttribute("fieldProblems", fieldProblems);
    model.addAttribute("stepNames", stepNames);
    model.addAttribute("indicatorNames", indicatorNames);
    model.addAttribute("chartData", json.writeValueAsString(chartData(f, shown, stepNames, locale))
        .replace("</", "<\\/"));
    return "figures";
  }

  @GetMapping("/figures.csv")
  void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String team, HttpServletResponse response) throws IOException {
    StaffMember user = currentUser.get();
    figures.teamsOf(user, team);
    FiguresService.Period period = figures.period(from, to);
    Figures f = figures.figures(user, period.from(), period.to(), team);
    audit.recordWithoutCase(user.username(), user.role().name(), AuditAction.EXPORT,
        FiguresController.what("csv: figures", f), null);
    response.setContentType("text/csv; charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"figures-" + f.from() + "-" + f.to()
        + ".csv\"");
    PrintWriter out = response.getWriter();
    out.write('\uFEFF');
    FiguresCsv.write(f, out);
    out.flush();
  }

  private Map<String, Object> chartData(Figures f, Figures.TeamFigures shown, Map<String, String> stepNames,
      Locale locale) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("months", f.months().stream().map(Object::toString).toList());
    d.put("satisfactionLabel", msg("figures.satisfaction.share", locale));
    d.put("goalLabel", msg("figures.satisfaction.goal", locale));
    d.put("goal", f.satisfactionGoalPercent());
    d.put("satisfaction", shown.satisfaction().months().stream().map(m -> percent(m.share())).toList());
    if (f.teams().size() > 1) {
      List<Map<String, Object>> compare = new ArrayList<>();
      f.teams().forEach(t -> compare.add(satisfactionSeries(t.name(), false, t)));
      compare.add(satisfactionSeries(msg("figures.total", locale), true, f.total()));
      d.put("compareSatisfaction", compare);
    }
    List<Map<String, Object>> perStep = new ArrayList<>();
    List<Map<String, Object>> spending = new ArrayList<>();
    stepNames.forEach((key, name) -> {
      perStep.add(Map.of("label", name, "values", shown.flow().casesPerStep().stream()
          .map(c -> c.cases().getOrDefault(key, 0L)).toList()));
      spending.add(Map.of("label", name, "values", shown.money().spending().stream()
          .map(c -> c.perStep().getOrDefault(key, 0L)).toList()));
    });
    d.put("casesPerStep", perStep);
    d.put("spending", spending);
    d.put("upLabel", msg("figures.flow.up", locale));
    d.put("downLabel", msg("figures.flow.down", locale));
    d.put("up", shown.flow().moves().stream().map(Figures.Moves::up).toList());
    d.put("down", shown.flow().moves().stream().map(Figures.Moves::down).toList());
    List<Map<String, Object>> intake = new ArrayList<>();
    shown.intake().bySource().keySet().forEach(source -> intake.add(Map.of("label",
        messages.getMessage("intake.notifierKind." + source, null, source, locale), "values", shown.intake().months().stream()
            .map(m -> m.bySource().getOrDefault(source, 0L)).toList())));
    d.put("intake", intake);
    d.put("kindLabels", List.of(msg("figures.kind.kin", locale), msg("figures.kind.foster", locale),
        msg("figures.kind.institution", locale)));
    d.put("kin", shown.flow().placementKinds().stream().map(Figures.PlacementKinds::kin).toList());
    d.put("foster", shown.flow().placementKinds().stream().map(Figures.PlacementKinds::foster).toList());
    d.put("institution", shown.flow().placementKinds().stream().map(Figures.PlacementKinds::institution).toList());
    return d;
  }

  private static Map<String, Object> satisfactionSeries(String label, boolean total, Figures.TeamFigures t) {
    Map<String, Object> series = new LinkedHashMap<>();
    series.put("label", label);
    series.put("total", total);
    series.put("values", t.satisfaction().months().stream().map(m -> percent(m.share())).toList());
    return series;
  }

  static Double percent(Double share) {
    return share == null ? null : Math.round(share * 1000) / 10.0;
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
