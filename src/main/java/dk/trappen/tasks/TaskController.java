package dk.trappen.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trappen.common.Paging;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
  @Operation(summary = "The user's own and their groups' open tasks, earliest due first, one page at a time",
      description = "Earliest due first (the open deadline's due date, else the task's own), undated last, then "
          + "oldest first. The answer is one page: content, and page with size, number, totalElements and "
          + "totalPages. A page below 0, or a size outside 1 to " + Paging.MAX_SIZE + ", is a 400 problem detail "
          + "naming the field.")
  PagedModel<TaskView> list(
      @Parameter(description = "The page, from 0", schema = @Schema(type = "integer", minimum = "0",
          defaultValue = "0")) @RequestParam(required = false) String page,
      @Parameter(description = "Tasks per page, at most " + Paging.MAX_SIZE, schema = @Schema(type = "integer",
          minimum = "1", maximum = "" + Paging.MAX_SIZE, defaultValue = "" + Paging.DEFAULT_SIZE))
      @RequestParam(required = false) String size,
      @Parameter(description = "mine: only the tasks assigned to the user; team: only their teams' tasks nobody holds "
          + "yet; omitted: both. Another value is a 400 problem detail naming scope.")
      @RequestParam(required = false) String scope) {
    Pageable pageable = Paging.of(page, size);
    return new PagedModel<>(tasks.tasksFor(currentUser.get(), null, null, TaskScope.parse(scope), pageable));
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
