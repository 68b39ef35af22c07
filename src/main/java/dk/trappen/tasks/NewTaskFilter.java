package dk.trappen.tasks;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A task list filter to save under a name: the list's parameters as they are in its address ({@code kind},
 * {@code state}, {@code scope}, {@code sort}, {@code dir}), each optional but the name. Text throughout, so that a value
 * of the wrong kind is a problem of the policy ({@link TaskFilterPolicy}) named by its field, in the API and on the
 * page alike.
 */
public record NewTaskFilter(
    @Schema(description = "The filter's name, unique for the user regardless of case", maxLength = TaskFilterPolicy.MAX_NAME,
        requiredMode = Schema.RequiredMode.REQUIRED) String name,
    @Schema(description = "A task kind, as the list's kind filter names it") String kind,
    @Schema(description = "OVERDUE, AT_RISK, OPEN or NONE") String state,
    @Schema(description = "mine or team; none for both") String scope,
    @Schema(description = "due, received, case or kind; due when none") String sort,
    @Schema(description = "asc or desc; asc when none") String dir) {
}
