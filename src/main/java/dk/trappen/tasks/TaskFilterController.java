package dk.trappen.tasks;

import dk.trappen.common.NotFoundException;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's saved task list filters over the API: each user sees and deletes only their own. */
@RestController
@RequestMapping("/api/tasks/filters")
@Tag(name = "Tasks", description = "The signed-in user's task list; claim and complete")
class TaskFilterController {

  private final SavedTaskFilters filters;
  private final CurrentUser currentUser;

  TaskFilterController(SavedTaskFilters filters, CurrentUser currentUser) {
    this.filters = filters;
    this.currentUser = currentUser;
  }

  @GetMapping
  @Operation(summary = "The user's saved task list filters, by name")
  List<TaskFilterView> list() {
    return filters.of(currentUser.get());
  }

  @PostMapping
  @Operation(summary = "Save a task list filter under a name: 201 with the filter",
      description = "The name is required, at most " + TaskFilterPolicy.MAX_NAME + " characters; kind, state, scope, "
          + "sort and dir are the task list's parameters, each optional. A user has at most "
          + TaskFilterPolicy.MAX_PER_USER + " filters. Invalid input is a 400 problem detail naming every field at "
          + "once; a name the user has already given a filter (in any case) is a 409 naming name, also when two "
          + "saves of one name race.")
  ResponseEntity<TaskFilterView> save(@RequestBody(required = false) NewTaskFilter filter) {
    TaskFilterView saved = filters.save(currentUser.get(),
        filter == null ? new NewTaskFilter(null, null, null, null, null, null) : filter);
    return ResponseEntity.created(URI.create("/api/tasks/filters/" + saved.id())).body(saved);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete one of the user's saved filters: 204; another user's filter, or none, is a 404")
  ResponseEntity<Void> delete(@PathVariable String id) {
    filters.delete(currentUser.get(), idOf(id));
    return ResponseEntity.noContent().build();
  }

  /** A filter's id; anything that is not one names no filter. */
  static long idOf(String id) {
    try {
      return Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      throw new NotFoundException("no saved task filter " + id);
    }
  }
}
