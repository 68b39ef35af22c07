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
    @NotNull(message = "{problem.required}") @Valid ChildInput child,
    @NotNull(message = "{problem.choose}") NotifierKind notifierKind,
    @Size(max = 200, message = "{problem.tooLong}") String notifierOrganisation,
    @Size(max = 200, message = "{problem.tooLong}") @PersonName String notifierName,
    @NotBlank(message = "{problem.concern.description.required}") @Size(max = 10000, message = "{problem.tooLong}")
    String concern,
    @NotNull(message = "{problem.required}") @PastOrPresent(message = "{problem.notFuture}")
    @JsonFormat(shape = JsonFormat.Shape.STRING) Instant receivedAt,
    @Size(max = 40, message = "{problem.tooLong}") String team) {

  /** The child the notification is about. */
  public record ChildInput(
      @NotNull(message = "{problem.required}") @Pattern(regexp = "\\d{10}", message = "{problem.intake.cprFormat}")
      String cpr,
      @NotBlank(message = "{problem.required}") @Size(max = 200, message = "{problem.tooLong}") @PersonName
      String firstName,
      @NotBlank(message = "{problem.required}") @Size(max = 200, message = "{problem.tooLong}") @PersonName
      String lastName,
      @NotNull(message = "{problem.required}") @PastOrPresent(message = "{problem.notFuture}") LocalDate birthDate) {
  }
}
