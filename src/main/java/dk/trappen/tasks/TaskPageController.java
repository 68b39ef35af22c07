package dk.trappen.tasks;

import dk.trappen.common.FormBinding;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.PageLinks;
import dk.trappen.common.Paging;
import dk.trappen.common.Problem;
import dk.trappen.deadlines.DeadlineState;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Mine opgaver: the signed-in user's and their groups' tasks, earliest due first unless a column header asks for
 * another order ({@code sort}, {@code dir}; an unknown value shows the default), with filters, saved filters and
 * claiming, 50 to a page.
 */
@Controller
class TaskPageController {

  private final CaseTaskService tasks;
  private final SavedTaskFilters filters;
  private final CurrentUser currentUser;
  private final MessageSource messages;
  private final Validator validator;
  private final Clock clock;

  TaskPageController(CaseTaskService tasks, SavedTaskFilters filters, CurrentUser currentUser,
      MessageSource messages, Validator validator, Clock clock) {
    this.filters = filters;
    this.validator = validator;
    this.clock = clock;
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
      @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
      @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
    show(kind, state, page, TaskScope.lenient(scopeParam), TaskOrder.lenient(sort, dir), model);
    return htmx != null ? "tasks :: table" : "tasks";
  }

  /**
   * Saves the list's current filters and order (hidden fields of the form) under the typed name, bound with Spring's
   * data binding ({@link FormBinding}) into the record the API takes and checked by {@link TaskFilterPolicy}: the list
   * with the saved filter, or the list again with every problem beside the form.
   */
  @PostMapping("/tasks/filters")
  String saveFilter(HttpServletRequest request, Model model, RedirectAttributes redirect,
      HttpServletResponse response, Locale locale) {
    StaffMember me = currentUser.get();
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<NewTaskFilter> bound = FormBinding.bind(values, NewTaskFilter.class, clock.getZone());
    NewTaskFilter filter = bound.payload();
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    problems.addAll(filters.problems(me, filter));
    boolean conflict = false;
    if (problems.isEmpty()) {
      try {
        TaskFilterView saved = filters.save(me, filter);
        redirect.addFlashAttribute("flash", messages.getMessage("tasks.filters.saved", new Object[] {saved.name()},
            locale));
        return "redirect:" + saved.href();
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
        conflict = e.conflict();
      }
    }
    Map<String, String> errors = new LinkedHashMap<>();
    problems.forEach(p -> errors.putIfAbsent(p.field(), messages.getMessage(p.onPage(), locale)));
    model.addAttribute("filterErrors", errors);
    model.addAttribute("filterName", request.getParameter("name"));
    response.setStatus(conflict ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
    show(filter == null ? null : filter.kind(), filter == null ? null : filter.state(), null,
        TaskScope.lenient(filter == null ? null : filter.scope()),
        TaskOrder.lenient(filter == null ? null : filter.sort(), filter == null ? null : filter.dir()), model);
    return "tasks";
  }

  /** Deletes one of the user's saved filters; another user's is not found, which the list says. */
  @PostMapping("/tasks/filters/{id}/delete")
  String deleteFilter(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
    try {
      filters.delete(currentUser.get(), TaskFilterController.idOf(id));
      redirect.addFlashAttribute("flash", messages.getMessage("tasks.filters.deleted", null, locale));
    } catch (NotFoundException e) {
      redirect.addFlashAttribute("flash", messages.getMessage("tasks.filters.notFound", null, locale));
    }
    return "redirect:/tasks";
  }

  /** The task list's model: one page of the list as filtered and ordered, its links, the filters and saved ones. */
  private void show(String kind, String state, String page, TaskScope scope, TaskOrder order, Model model) {
    StaffMember me = currentUser.get();
    String scopeValue = scope == null ? null : scope.param();
    Page<TaskView> shown = tasks.tasksFor(me, kind, state, scope, order, Paging.lenient(page));
    if (shown.getNumber() > 0 && shown.getNumber() >= shown.getTotalPages()) {
      // a link past the end (the list has shrunk since): the last page
      shown = tasks.tasksFor(me, kind, state, scope, order, PageRequest.of(Math.max(0, shown.getTotalPages() - 1),
          Paging.DEFAULT_SIZE));
    }
    String sortValue = order.isDefault() ? null : order.sortParam();
    String dirValue = order.isDefault() ? null : order.dirParam();
    model.addAttribute("tasks", shown.getContent());
    model.addAttribute("taskPage", shown);
    model.addAttribute("pageLinks", PageLinks.of(shown, "/tasks", "page", "kind", kind, "state", state, "scope",
        scopeValue, "sort", sortValue, "dir", dirValue));
    model.addAttribute("sortHeaders", sortHeaders(kind, state, scopeValue, order));
    model.addAttribute("scope", scopeValue);
    model.addAttribute("order", order);
    model.addAttribute("kinds", tasks.taskKindsFor(me));
    model.addAttribute("states", List.of(DeadlineState.OVERDUE.name(), DeadlineState.AT_RISK.name(),
        DeadlineState.OPEN.name(), "NONE"));
    model.addAttribute("kind", kind);
    model.addAttribute("state", state);
    List<TaskFilterView> saved = filters.of(me);
    model.addAttribute("savedFilters", saved);
    String here = new TaskFilterView(0, null, kind, state, scopeValue, order.sortParam(), order.dirParam(), null)
        .href();
    model.addAttribute("currentFilterHref", here);
    model.addAttribute("maxFilterName", TaskFilterPolicy.MAX_NAME);
    if (!model.containsAttribute("filterErrors")) {
      model.addAttribute("filterErrors", Map.of());
    }
  }

  private static Map<String, TaskSortHeader> sortHeaders(String kind, String state, String scope, TaskOrder order) {
    Map<String, TaskSortHeader> headers = new LinkedHashMap<>();
    for (TaskOrder.Sort s : TaskOrder.Sort.values()) {
      boolean sorted = order.sort() == s;
      TaskOrder next = sorted ? order.reversed() : new TaskOrder(s, false);
      UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/tasks");
      for (String[] p : new String[][] {{"kind", kind}, {"state", state}, {"scope", scope}}) {
        if (p[1] != null && !p[1].isBlank()) {
          uri.queryParam(p[0], p[1]);
        }
      }
      if (!next.isDefault()) {
        uri.queryParam("sort", next.sortParam()).queryParam("dir", next.dirParam());
      }
      headers.put(s.param(), new TaskSortHeader(uri.build().encode().toUriString(),
          !sorted ? null : order.descending() ? "descending" : "ascending"));
    }
    return headers;
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
