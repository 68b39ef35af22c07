package dk.trappen.meetings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A new concern on a case, as the API and the case page's form submit it; its constraints are the concern's rules,
 * checked by {@link MeetingsService#registerConcern} for every caller.
 *
 * @param raisedAt when the concern was raised; null means now
 */
public record NewConcern(
    @NotNull(message = "{problem.concern.raisedBy.required}") ConcernSource raisedBy,
    @NotBlank(message = "{problem.concern.description.required}") @Size(max = 4000, message = "{problem.tooLong}")
    String description,
    @PastOrPresent(message = "{problem.notFuture}") Instant raisedAt) {
}
