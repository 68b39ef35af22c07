package dk.trappen.administration;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Changes to a team ({@code PATCH /api/admin/teams/{code}}): a new name, or (de)activation; left out stays. */
public record TeamChanges(
    @Pattern(regexp = ".*\\S.*", message = "{problem.required}") @Size(max = 200, message = "{problem.tooLong}")
    String name,
    Boolean active) {
}
