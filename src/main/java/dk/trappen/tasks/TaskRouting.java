package dk.trappen.tasks;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.ProcessVariables;
import dk.trappen.org.OrgService;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/**
 * Who a new task goes to: a team's follow-on task (candidate group {@code team-<code>}) goes to the case's caseworker
 * while they are an active caseworker of the case's team. A task with no caseworker to go to stays with the team (the
 * case shows as "Ikke fordelt" on the team leader's overview), as do the team leaders' tasks, intake's tasks and a task
 * whose kind says someone else must do it ({@link TaskHandler#goesToCaseworker()}). Plain values in and out; the
 * engine's side is {@link TaskRoutingListener}.
 */
@Slf4j
@Component
class TaskRouting {

  private final CaseService cases;
  private final OrgService staff;
  private final Map<String, TaskHandler<?>> handlers;

  TaskRouting(CaseService cases, OrgService staff, List<TaskHandler<?>> handlers) {
    this.cases = cases;
    this.staff = staff;
    this.handlers = handlers.stream().collect(Collectors.toMap(TaskHandler::taskKey, Function.identity()));
  }

  /** The user a new task of {@code taskKey} offered to {@code candidateGroups} on case {@code caseId} goes to. */
  Optional<String> holderOf(String taskKey, Collection<String> candidateGroups, Long caseId) {
    TaskHandler<?> handler = handlers.get(taskKey);
    if (handler == null || !handler.goesToCaseworker() || caseId == null
        || candidateGroups.stream().noneMatch(g -> g.startsWith(ProcessVariables.teamGroup("")))) {
      return Optional.empty();
    }
    CaseRef c = cases.get(caseId);
    if (c.caseworker() == null) {
      return Optional.empty();
    }
    boolean active = staff.caseworkers(c.teamCode()).stream().anyMatch(m -> m.username().equals(c.caseworker()));
    if (!active) {
      log.debug("Task {} of case {} stays with the team: its caseworker is no longer an active caseworker of {}",
          taskKey, c.caseNumber(), c.teamCode());
      return Optional.empty();
    }
    return Optional.of(c.caseworker());
  }
}
