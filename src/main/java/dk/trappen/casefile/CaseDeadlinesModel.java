package dk.trappen.casefile;

import dk.trappen.cases.CaseRef;
import dk.trappen.deadlines.DeadlineChangeState;
import dk.trappen.deadlines.DeadlineChangeView;
import dk.trappen.deadlines.DeadlineExtensions;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.org.Role;
import dk.trappen.security.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The case page's deadline changes (issue 20): each deadline with its history of extensions, pauses and resumes,
 * whether a request waits, and which forms the user gets: a caseworker asks (Anmodning om fristforlængelse), the team
 * leader extends or pauses at once and decides on requests; both resume a paused deadline; a head of department reads.
 * A refused form ({@link DeadlinesPageController}) leaves what was typed and its problems in the model first.
 */
@Component
class CaseDeadlinesModel {

  /** A deadline on the case page with its changes (oldest first) and what may be done with it now. */
  public record DeadlineRow(DeadlineView d, List<DeadlineChangeView> changes, boolean pending, boolean running,
                            boolean paused) {
  }

  private final DeadlineExtensions extensions;
  private final CurrentUser currentUser;

  CaseDeadlinesModel(DeadlineExtensions extensions, CurrentUser currentUser) {
    this.extensions = extensions;
    this.currentUser = currentUser;
  }

  void fill(Model model, CaseRef c, List<DeadlineView> deadlines) {
    Map<Long, List<DeadlineChangeView>> changes = extensions.changesOfCase(c.id());
    model.addAttribute("deadlineRows", deadlines.stream().map(d -> {
      List<DeadlineChangeView> of = changes.getOrDefault(d.id(), List.of());
      boolean running = d.state() == DeadlineState.OPEN || d.state() == DeadlineState.AT_RISK
          || d.state() == DeadlineState.OVERDUE;
      return new DeadlineRow(d, of, of.stream().anyMatch(ch -> ch.state() == DeadlineChangeState.REQUESTED),
          running, d.state() == DeadlineState.PAUSED);
    }).toList());
    Role role = currentUser.get().role();
    model.addAttribute("leadsDeadlines", role == Role.TEAM_LEADER && c.open());
    model.addAttribute("asksDeadlines", role == Role.CASEWORKER && c.open());
    if (!model.containsAttribute("deadlineFormFor")) {
      model.addAttribute("deadlineFormFor", -1L);
      model.addAttribute("deadlineForm", Map.of());
      model.addAttribute("deadlineErrors", Map.of());
    }
    if (!model.containsAttribute("deadlineError")) {
      model.addAttribute("deadlineError", null);
    }
    if (!model.containsAttribute("decisionFor")) {
      model.addAttribute("decisionFor", -1L);
      model.addAttribute("decisionErrors", Map.of());
      model.addAttribute("decisionForm", Map.of());
    }
  }
}
