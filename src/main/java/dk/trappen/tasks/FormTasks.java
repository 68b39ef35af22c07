package dk.trappen.tasks;

import dk.trappen.audit.AuditAction;
import dk.trappen.common.Problem;
import dk.trappen.org.StaffMember;
import dk.trappen.security.CaseAccess;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The task a form is shown or submitted for, and the context policy of its handler for the form to show. */
@Component
class FormTasks {

  private final TaskLookup lookup;
  private final CaseAccess access;

  FormTasks(TaskLookup lookup, CaseAccess access) {
    this.lookup = lookup;
    this.access = access;
  }

  /** A task opened for its form: as the list shows it (with its details when read), its context and its handler. */
  record FormTask(TaskView view, TaskContext context, TaskHandler<?> handler) {
  }

  /**
   * The task for its form. {@code read}: with the facts its form shows, recorded as a read of the case (showing the
   * form); otherwise as the list shows it (submitting it, where the completion is what is recorded).
   */
  @Transactional(readOnly = true)
  FormTask formTask(String taskId, StaffMember user, boolean read) {
    Task task = lookup.visibleTask(taskId, user, read ? "task" : "complete");
    TaskHandler<?> handler = lookup.handler(task);
    TaskContext context = lookup.context(task, user);
    TaskView view = lookup.views(List.of(task)).get(0);
    if (read) {
      access.record(user, context.caseId(), context.caseNumber(), AuditAction.READ, "task: " + view.kind());
      view = new TaskView(view.id(), view.kind(), view.taskKey(), view.name(), view.caseNumber(), view.childName(),
          view.childCprMasked(), view.created(), view.due(), view.assignee(), view.deadlineKind(), view.state(),
          handler.details(context), view.executionId());
    }
    return new FormTask(view, context, handler);
  }

  /** The problems the task's context policy finds in a payload: the same its completion refuses. */
  @Transactional(readOnly = true)
  List<Problem> problems(FormTask task, Object payload) {
    return policy(task.handler(), task.context(), payload);
  }

  private static <P> List<Problem> policy(TaskHandler<P> handler, TaskContext context, Object payload) {
    return handler.problems(context, handler.payloadType().cast(payload));
  }
}
