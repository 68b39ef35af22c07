package dk.trappen.administration;

import dk.trappen.common.PersonName;
import dk.trappen.org.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Changes to a staff user ({@code PATCH /api/admin/users/{username}} and the user's administration page): a field
 * left out (or null) stays as it is; an empty e-mail removes the address.
 */
public record StaffChanges(
    @Pattern(regexp = ".*\\S.*", message = "{problem.required}") @Size(max = 200, message = "{problem.tooLong}")
    @PersonName String displayName,
    @Email(message = "{problem.admin.email}") @Size(max = 254, message = "{problem.tooLong}") String email,
    Role role,
    List<@Size(max = 40, message = "{problem.tooLong}") String> teams,
    Boolean active) {
}
