package dk.trappen.administration;

import dk.trappen.common.PersonName;
import dk.trappen.org.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new staff user, as the administration page and {@code POST /api/admin/users} submit it. The password is the
 * first one; the user chooses their own at the first sign-in.
 *
 * @param teams the user's team: exactly one for a caseworker or team leader, none for intake or an administrator
 */
public record NewStaffUser(
    @NotBlank(message = "{problem.required}")
    @Pattern(regexp = StaffPolicy.USERNAME, message = "{problem.admin.username.format}") String username,
    @NotBlank(message = "{problem.required}") @Size(max = 200, message = "{problem.tooLong}") @PersonName
    String displayName,
    @Email(message = "{problem.admin.email}") @Size(max = 254, message = "{problem.tooLong}") String email,
    @NotNull(message = "{problem.choose}") Role role,
    List<@Size(max = 40, message = "{problem.tooLong}") String> teams,
    @NotNull(message = "{problem.required}") @Size(max = 128, message = "{problem.tooLong}") String password) {
}
