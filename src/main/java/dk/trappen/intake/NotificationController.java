package dk.trappen.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.trappen.common.ControlCharacters;
import dk.trappen.common.InvalidInputException;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "Register notifications of concern (underretninger)")
class NotificationController {

  private final IntakeService intake;
  private final CurrentUser currentUser;
  private final CaseAccess access;

  NotificationController(IntakeService intake, CurrentUser currentUser, CaseAccess access) {
    this.access = access;
    this.intake = intake;
    this.currentUser = currentUser;
  }

  /**
   * The receipt as the caller may see it. {@code caseNumber} and {@code joinedOpenCase} are present only for a caller
   * who may know of the case (intake, and the case's team): to anyone else, a case of another team is not revealed,
   * not even that the child has one.
   */
  record Receipt(long notificationId, @JsonInclude(JsonInclude.Include.NON_NULL) String caseNumber,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Boolean joinedOpenCase, boolean duplicate) {
  }

  @PostMapping
  @Operation(summary = "Register a notification",
      description = "Opens a case (201) or joins the child's open case and asks for a second-opinion re-assessment. "
          + "A retry with the same Idempotency-Key, or the same payload, returns the first receipt (200) and "
          + "creates nothing. The receipt names the case (caseNumber, joinedOpenCase, and a Location for 201) only "
          + "to intake and the case's team; to another caller it holds the notification's id and whether it was "
          + "a repeat, and nothing of the case.")
  ResponseEntity<Receipt> register(@Valid @RequestBody NewNotification notification,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    String user = currentUser.get().username();
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw InvalidInputException.of("Idempotency-Key", "problem.intake.idempotencyKeyLength");
    }
    if (ControlCharacters.present(idempotencyKey)) {
      throw InvalidInputException.of("Idempotency-Key", ControlCharacters.PROBLEM);
    }
    NotificationReceipt receipt = intake.register(notification, idempotencyKey, user);
    access.recordWrite(receipt.caseNumber(), receipt.duplicate() ? "api: notification (repeated)"
        : "api: notification");
    CaseAccess.Level level = access.level(receipt.caseNumber());
    if (level == CaseAccess.Level.NONE) {
      // another team's case: registered, but neither the case nor that the child has one is revealed to this user
      Receipt hidden = new Receipt(receipt.notificationId(), null, null, receipt.duplicate());
      return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(hidden);
    }
    Receipt shown = new Receipt(receipt.notificationId(), receipt.caseNumber(), receipt.joinedOpenCase(),
        receipt.duplicate());
    if (receipt.duplicate()) {
      return ResponseEntity.ok(shown);
    }
    String location = "/api/cases/" + receipt.caseNumber() + (level == CaseAccess.Level.FULL ? "" : "/intake");
    return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(location)).body(shown);
  }
}
