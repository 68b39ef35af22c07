package dk.trappen.figures;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/figures")
@Tag(name = "Figures", description = "The strategy's steering figures per team and month (docs/figures.md)")
class FiguresController {

  private final FiguresService figures;
  private final CurrentUser currentUser;
  private final AuditService audit;

  FiguresController(FiguresService figures, CurrentUser currentUser, AuditService audit) {
    this.figures = figures;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @GetMapping
  @Operation(summary = "The figures of the user's teams over a period, month by month, one block per team and the "
      + "total",
      description = "For a team leader (their own teams) or head of department (all their teams). from and to are "
          + "months (2026-01), both included, at most " + FiguresService.MAX_MONTHS + " months; to defaults to the "
          + "current month and from to 11 months before to. team is one of the user's teams, or omitted for all of "
          + "them. A malformed month, to before from, a longer period or another team is a 400 problem detail naming "
          + "the field (from, to, team). Every measure is defined in docs/figures.md.")
  Figures figures(@Parameter(description = "First month, e.g. 2026-01") @RequestParam(required = false) String from,
      @Parameter(description = "Last month, e.g. 2026-12") @RequestParam(required = false) String to,
      @Parameter(description = "One of the user's teams; omitted: all of them") @RequestParam(required = false)
      String team) {
    StaffMember user = currentUser.get();
    figures.teamsOf(user, team);
    FiguresService.Period period = figures.period(from, to);
    Figures result = figures.figures(user, period.from(), period.to(), team);
    audit.recordWithoutCase(user.username(), user.role().name(), AuditAction.READ, what("api: figures", result),
        null);
    return result;
  }

  /** What the audit row says was read: the teams and the period (the youth's words and stalled list are in it). */
  static String what(String prefix, Figures f) {
    StringBuilder s = new StringBuilder(prefix).append(' ');
    f.teams().forEach(t -> s.append(t.team()).append(' '));
    return s.append(f.from()).append("..").append(f.to()).toString();
  }
}
