package dk.trappen.tasks;

import dk.trappen.common.InvalidInputException;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CurrentUser;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Mine opgaver: the signed-in user's and their groups' tasks, earliest due first, with filters and claiming. */
@Controller
class TaskPageController {

  private final CaseTaskService tasks;
  private final CurrentUser currentUser;
  private final MessageSource messages;

  TaskPageController(CaseTaskService tasks, CurrentUser currentUser, MessageSource messages) {
    this.messages = messages;
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  @GetMapping("/")
  String home() {
    return currentUser.get().role() == Role.ADMIN ? "redirect:/admin/clock" : "redirect:/tasks";
  }

  @GetMapping("/tasks")
  String page(@RequestParam(required = false) String kind, @RequestParam(required = false) String state,
      @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
    StaffMember me = currentUser.get();
    List<TaskView> all = tasks.tasksFor(me);
    List<TaskView> shown = all.stream()
        .filter(t -> kind == null || kind.isBlank() || kind.equals(t.kind()))
        .filter(t -> state == null || state.isBlank() || state.equals(stateOf(t)))
        .toList();
    model.addAttribute("tasks", shown);
    model.addAttribute("kinds", new TreeSet<>(all.stream().map(TaskView::kind).toList()));
    model.addAttribute("states", List.of(DeadlineState.OVERDUE.name(), DeadlineState.AT_RISK.name(),
        DeadlineState.OPEN.name(), "NONE"));
    model.addAttribute("kind", kind);
    model.addAttribute("state", state);
    return htmx != null ? "tasks :: table" : "tasks";
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
    try {
      tasks.claim(id, currentUser.get());
    } catch (InvalidInputException e) {
      if (!e.conflict() || !e.fieldErrors().containsKey(TaskRaces.FIELD)) {
        throw e;
      }
      // claimed or completed by someone else meanwhile: the task list says so
      redirect.addFlashAttribute("flash", FormProblems.describe("claim", TaskRaces.FIELD,
          e.fieldErrors().get(TaskRaces.FIELD), messages, locale));
    }
    return "redirect:/tasks";
  }

  static String stateOf(TaskView t) {
    return t.state() == null ? "NONE" : t.state().name();
  }
}
