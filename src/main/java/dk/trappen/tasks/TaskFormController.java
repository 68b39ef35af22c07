package dk.trappen.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.common.FormBinding;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form of every task of the journey: GET /tasks/{id} shows it, POST /tasks/{id} completes the task. The features
 * contribute the forms ({@link TaskForm}); this controller knows none of them by name. A submitted form is bound into
 * the payload record of its kind with Spring's data binding ({@link FormBinding}), validated with Bean Validation and
 * checked with the handler's context policy, all in one round; only a form without problems goes to the service,
 * which checks again and completes the task. A refused form comes back with every problem next to its field, a
 * summary at the top, and every value as typed; claiming happens on completion.
 */
@Controller
class TaskFormController {

  private final CaseTaskService tasks;
  private final FormTasks formTasks;
  private final CurrentUser currentUser;
  private final Map<String, TaskForm<?>> forms;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final Validator validator;
  private final ZoneId zone;

  TaskFormController(CaseTaskService tasks, FormTasks formTasks, CurrentUser currentUser, List<TaskForm<?>> forms,
      MessageSource messages, ObjectMapper json, Validator validator, Clock clock) {
    this.tasks = tasks;
    this.formTasks = formTasks;
    this.currentUser = currentUser;
    this.forms = forms.stream().collect(Collectors.toMap(TaskForm::kind, Function.identity()));
    this.messages = messages;
    this.json = json;
    this.validator = validator;
    this.zone = clock.getZone();
  }

  @GetMapping("/tasks/{id}")
  String form(@PathVariable String id, Model model, Locale locale) {
    StaffMember me = currentUser.get();
    FormTasks.FormTask task = formTasks.formTask(id, me, true);
    TaskForm<?> form = formOf(task.view());
    FormContext context = new FormContext(task.view(), task.context(), me.displayName(), locale);
    Object start = form.prefill(context);
    return show(form, context, FormView.start(form, start == null ? null : json.valueToTree(start),
        form.elementNames(context), messages, locale), model, locale);
  }

  @PostMapping("/tasks/{id}")
  String submit(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model,
      RedirectAttributes redirect, Locale locale) {
    StaffMember me = currentUser.get();
    FormTasks.FormTask task = formTasks.formTask(id, me, false);
    TaskForm<?> form = formOf(task.view());
    Map<String, String> values = FormBinding.values(request.getParameterMap());
    FormBinding.Bound<?> bound = FormBinding.bind(values, form.payloadType(), zone);
    List<Problem> problems = new ArrayList<>(FormBinding.problems(bound, values, validator));
    problems.addAll(formTasks.problems(task, bound.payload()));
    boolean conflict = false;
    if (problems.isEmpty()) {
      try {
        tasks.complete(id, json.valueToTree(bound.payload()), me);
        redirect.addFlashAttribute("flash", messages.getMessage("form.done", new Object[] {
            messages.getMessage("kind." + task.view().kind(), null, task.view().kind(), locale),
            task.view().caseNumber()}, locale));
        return "redirect:/tasks";
      } catch (InvalidInputException e) {
        if (e.conflict() && e.concerns(TaskRaces.FIELD)) {
          // completed or claimed by someone else meanwhile: nothing was stored; the task list says what happened
          redirect.addFlashAttribute("flash", TaskRaces.describe(e, messages, locale));
          return "redirect:/tasks";
        }
        problems.addAll(e.problems());
        conflict = e.conflict();
      }
    }
    response.setStatus(conflict ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
    BindingResult errors = FormView.empty();
    problems.forEach(p -> FormView.reject(errors, p));
    // the form is shown again, with the facts it shows: that is a read of the case
    FormTasks.FormTask shown = formTasks.formTask(id, me, true);
    FormContext context = new FormContext(shown.view(), shown.context(), me.displayName(), locale);
    return show(form, context, FormView.of(form, values, errors, form.elementNames(context), messages, locale),
        model, locale);
  }

  /** A task that is gone (completed meanwhile, or not the user's): back to the task list with a notice. */
  @ExceptionHandler(NotFoundException.class)
  String gone(RedirectAttributes redirect, Locale locale) {
    redirect.addFlashAttribute("flash", messages.getMessage("form.gone", null, locale));
    return "redirect:/tasks";
  }

  private TaskForm<?> formOf(TaskView task) {
    TaskForm<?> form = forms.get(task.kind());
    if (form == null) {
      throw new NotFoundException("no form for task kind " + task.kind());
    }
    return form;
  }

  private String show(TaskForm<?> form, FormContext context, FormView f, Model model, Locale locale) {
    TaskView task = context.task();
    model.addAttribute("task", task);
    model.addAttribute("d", task.details() == null ? Map.of() : task.details());
    model.addAttribute("taskId", task.id());
    model.addAttribute("dates", new FormDates(locale, zone));
    model.addAttribute("yesNo", List.of("true", "false"));
    model.addAllAttributes(form.model(context));
    model.addAttribute("f", f);
    return form.template();
  }
}
