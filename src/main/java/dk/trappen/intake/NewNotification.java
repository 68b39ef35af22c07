package dk.trappen.intake;

import com.fasterxml.jackson.annotation.JsonFormat;
import dk.trappen.common.PersonName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/** A notification as the intake form and the API submit it. */
public record NewNotification(
    @NotNull(message = "is required") @Valid ChildInput child,
    @NotNull(message = "is required") NotifierKind notifierKind,
    @Size(max = 200, message = "must be at most 200 characters") String notifierOrganisation,
    @Size(max = 200, message = "must be at most 200 characters") @PersonName String notifierName,
    @NotBlank(message = "must describe the concern") @Size(max = 10000, message = "must be at most 10000 characters")
    String concern,
    @NotNull(message = "is required") @PastOrPresent(message = "cannot be in the future")
    @JsonFormat(shape = JsonFormat.Shape.STRING) Instant receivedAt,
    @Size(max = 40, message = "must be at most 40 characters") String team) {

  /** The child the notification is about. */
  public record ChildInput(
      @NotNull(message = "is required") @Pattern(regexp = "\\d{10}", message = "must be 10 digits (ddmmyyxxxx)")
      String cpr,
      @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @PersonName
      String firstName,
      @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @PersonName
      String lastName,
      @NotNull(message = "is required") @PastOrPresent(message = "cannot be in the future") LocalDate birthDate) {
  }
}
