package dk.trappen.tasks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.springframework.web.util.UriComponentsBuilder;

/** A saved task list filter as the API and the task list show it. */
public record TaskFilterView(long id, String name, String kind, String state, String scope, String sort, String dir,
                             Instant createdAt) {

  static TaskFilterView of(TaskFilter f) {
    return new TaskFilterView(f.getId(), f.getName(), f.getKind(), f.getState(), f.getScope(), f.getSort(),
        f.getDir(), f.getCreatedAt());
  }

  /** The task list with this filter: its parameters, blank ones and the default order left out. */
  @JsonIgnore
  public String href() {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/tasks");
    param(uri, "kind", kind);
    param(uri, "state", state);
    param(uri, "scope", scope);
    TaskOrder order = TaskOrder.lenient(sort, dir);
    if (!order.isDefault()) {
      uri.queryParam("sort", order.sortParam()).queryParam("dir", order.dirParam());
    }
    return uri.build().encode().toUriString();
  }

  private static void param(UriComponentsBuilder uri, String name, String value) {
    if (value != null && !value.isBlank()) {
      uri.queryParam(name, value);
    }
  }
}
