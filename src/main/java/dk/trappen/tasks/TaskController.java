package dk.trappen.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Paging;
import dk.trappen.common.Problem;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "The signed-in user's task list; claim and complete")
class TaskController {

  private final CaseTaskService tasks;
  private final CurrentUser currentUser;

  TaskController(CaseTaskService tasks, CurrentUser currentUser) {
    this.tasks = tasks;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "The user's own and their groups' open tasks, earliest due first unless sorted otherwise, "
      + "one page at a time",
      description = "By default earliest due first (the open deadline's due date, else the task's own), undated last, "
          + "then oldest first; sort and dir ask for another order, which the database applies before paging. The "
          + "answer is one page: content, and page with size, number, totalElements and "
          + "totalPages. A page below 0, a size outside 1 to " + Paging.MAX_SIZE + ", an unknown scope, sort or dir, "
          + "a bad kind or state is a 400 problem detail naming each such field.")
  PagedModel<TaskView> list(
      @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", minimum = "0",
          defaultValue = "0")) @RequestParam(required = false) String page,
      @Parameter(description = "Tasks per page, at most " + Paging.MAX_SIZE, schema = @Schema(type = "integer",
          minimum = "1", maximum = "" + Paging.MAX_SIZE, defaultValue = "" + Paging.DEFAULT_SIZE))
      @RequestParam(required = false) String size,
      @Parameter(description = "mine: only the tasks assigned to the user; team: only their teams' tasks nobody holds "
          + "yet; omitted: both. Another value is a 400 problem detail naming scope.")
      @RequestParam(required = false) String scope,
      @Parameter(description = "The order: due (the default: earliest due first, undated last), received (when the "
          + "task was created), case (the case number) or kind (the task's name). Ties are broken by the due order, "
          + "then by task id. Another value is a 400 problem detail naming sort.",
          schema = @Schema(type = "string", allowableValues = {"due", "received", "case", "kind"},
              defaultValue = "due")) @RequestParam(required = false) String sort,
      @Parameter(description = "asc (the default) or desc: desc turns the whole order round, except that tasks "
          + "without the key's value (undated, no case) stay last. Another value is a 400 problem detail naming dir.",
          schema = @Schema(type = "string", allowableValues = {"asc", "desc"}, defaultValue = "asc"))
      @RequestParam(required = false) String dir,
      @Parameter(description = "Only tasks of this kind (e.g. investigation, network-meeting); omitted: every kind. "
          + "A value not of the shape of a kind is a 400 problem detail naming kind.")
      @RequestParam(required = false) String kind,
      @Parameter(description = "Only tasks whose open deadline is in this state (OVERDUE, AT_RISK, OPEN), or NONE "
          + "for tasks without an open deadline; omitted: every state. Another value is a 400 problem detail naming "
          + "state.", schema = @Schema(type = "string", allowableValues = {"OVERDUE", "AT_RISK", "OPEN", "NONE"}))
      @RequestParam(required = false) String state) {
    // every parameter's problem at once
    List<Problem> problems = new ArrayList<>(TaskFilterPolicy.listFilterProblems(kind, state));
    Pageable pageable = read(() -> Paging.of(page, size), problems);
    TaskScope taskScope = read(() -> TaskScope.parse(scope), problems);
    TaskOrder order = read(() -> TaskOrder.parse(sort, dir), problems);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    return new PagedModel<>(tasks.tasksFor(currentUser.get(), blankToNull(kind),
        state == null || state.isBlank() ? null : state.strip().toUpperCase(java.util.Locale.ROOT), taskScope, order,
        pageable));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static <T> T read(Supplier<T> parameter, List<Problem> problems) {
    try {
      return parameter.get();
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  @GetMapping("/{id}")
  @Operation(summary = "One task with the facts its form shows (e.g. the step recommendation)")
  TaskView get(@PathVariable String id) {
    return tasks.task(id, currentUser.get());
  }

  @PostMapping("/{id}/claim")
  @Operation(summary = "Claim a task",
      description = "A task claimed or completed by someone else, also by a claim at the same instant, is a 409 "
          + "problem detail naming the field task and what happened; nothing changes.")
  TaskView claim(@PathVariable String id) {
    return tasks.claim(id, currentUser.get());
  }

  @PostMapping("/{id}/complete")
  @Operation(summary = "Complete a task with the payload of its kind",
      description = "The body is the form of the task's kind (acute-assessment, investigation, choose-step, "
          + "network-meeting, ...). Invalid input is answered with problem details naming each field; nothing "
          + "changes. Of two completions of one task at once one wins and the process moves once; the other, and a "
          + "completion of a task already completed or claimed by someone else, is a 409 naming the field task.")
  ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
    tasks.complete(id, body, currentUser.get());
    return ResponseEntity.noContent().build();
  }
}
