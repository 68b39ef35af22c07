package dk.trappen.tasks;

import dk.trappen.common.InvalidInputException;
import dk.trappen.common.PageLinks;
import dk.trappen.common.Paging;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Mine opgaver: the signed-in user's and their groups' tasks, earliest due first, with filters and claiming, 50 to a
 * page.
 */
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

  /**
   * The start page of the user's role. A message flashed for "/" (a password just changed) is passed on: this
   * request consumes it, and the start page would otherwise never show it.
   */
  @GetMapping("/")
  String home(HttpServletRequest request, RedirectAttributes redirect) {
    Map<String, ?> flashed = RequestContextUtils.getInputFlashMap(request);
    if (flashed != null) {
      flashed.forEach(redirect::addFlashAttribute);
    }
    return switch (currentUser.get().role()) {
      case ADMIN -> "redirect:/admin/users";
      case HEAD -> "redirect:/oversight";
      default -> "redirect:/tasks";
    };
  }

  @GetMapping("/tasks")
  String page(@RequestParam(required = false) String kind, @RequestParam(required = false) String state,
      @RequestParam(required = false) String page, @RequestParam(name = "scope", required = false) String scopeParam,
      @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
    StaffMember me = currentUser.get();
    TaskScope scope = TaskScope.lenient(scopeParam);
    String scopeValue = scope == null ? null : scope.param();
    Page<TaskView> shown = tasks.tasksFor(me, kind, state, scope, Paging.lenient(page));
    if (shown.getNumber() > 0 && shown.getNumber() >= shown.getTotalPages()) {
      // a link past the end (the list has shrunk since): the last page
      shown = tasks.tasksFor(me, kind, state, scope, PageRequest.of(Math.max(0, shown.getTotalPages() - 1),
          Paging.DEFAULT_SIZE));
    }
    model.addAttribute("tasks", shown.getContent());
    model.addAttribute("taskPage", shown);
    model.addAttribute("pageLinks", PageLinks.of(shown, "/tasks", "page", "kind", kind, "state", state, "scope",
        scopeValue));
    model.addAttribute("scope", scopeValue);
    model.addAttribute("kinds", tasks.taskKindsFor(me));
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
      if (!e.conflict() || !e.concerns(TaskRaces.FIELD)) {
        throw e;
      }
      // claimed or completed by someone else meanwhile: the task list says so
      redirect.addFlashAttribute("flash", TaskRaces.describe(e, messages, locale));
    }
    return "redirect:/tasks";
  }
}
