package dk.trappen.tasks;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Completes a task, claiming it first for the user who completes it when nobody had (so that the history says who did
 * the work), as one engine command.
 *
 * <p>Why not {@code TaskService.claim} and then {@code TaskService.complete}: each service call is a command of its
 * own, and each command loads the task, its execution and its identity links again and flushes on its own. Profiling
 * the benchmark seeder (JFR, see docs/performance.md) while it completed acute assessments put 15 % of its CPU in the
 * separate claim. The engine's own claim and complete commands run here unchanged, one after the other in one command
 * context: the same checks, listeners (the deadline register's assignment and completion events) and history, one
 * load and one flush.
 */
@Component
class EngineTaskCompletion {

  private final CommandExecutor commands;

  EngineTaskCompletion(ProcessEngine engine) {
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /**
   * Claims the task for {@code claimFor} unless that is null, then completes it with {@code variables}, provided the
   * task is still held by {@code heldBy} (null: nobody) as the caller saw it. A task given to someone else meanwhile
   * (a team leader's reassignment committed between the caller's read and this command) is refused as claimed by
   * them ({@link TaskAlreadyClaimedException}, a 409 through {@link TaskRaces}), so a completion and a reassignment
   * racing each other never both succeed.
   */
  void complete(String taskId, String heldBy, String claimFor, Map<String, Object> variables) {
    commands.execute(context -> {
      TaskEntity current = context.getTaskManager().findTaskById(taskId);
      if (current != null && !Objects.equals(current.getAssignee(), heldBy)) {
        throw new TaskAlreadyClaimedException(taskId, current.getAssignee());
      }
      if (claimFor != null) {
        new ClaimTaskCmd(taskId, claimFor).execute(context);
      }
      new CompleteTaskCmd(taskId, variables, false, false).execute(context);
      return null;
    });
  }
}
