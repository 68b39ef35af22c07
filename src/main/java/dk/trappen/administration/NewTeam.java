package dk.trappen.administration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new team ({@code POST /api/admin/teams}): a short code for addresses and process groups, and its name. */
public record NewTeam(
    @NotBlank(message = "{problem.required}")
    @Pattern(regexp = StaffPolicy.TEAM_CODE, message = "{problem.admin.team.codeFormat}") String code,
    @NotBlank(message = "{problem.required}") @Size(max = 200, message = "{problem.tooLong}") String name) {
}
