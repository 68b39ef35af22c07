package dk.trappen.intake;

import dk.trappen.common.ControlCharacters;
import dk.trappen.common.InvalidInputException;
import dk.trappen.security.CaseAccess;
import dk.trappen.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.dao.DataIntegrityViolationException;
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

  @PostMapping
  @Operation(summary = "Register a notification",
      description = "Opens a case (201) or joins the child's open case and asks for a second-opinion re-assessment. "
          + "A retry with the same Idempotency-Key, or the same payload, returns the first receipt (200) and "
          + "creates nothing.")
  ResponseEntity<NotificationReceipt> register(@Valid @RequestBody NewNotification notification,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    String user = currentUser.get().username();
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 characters");
    }
    if (ControlCharacters.present(idempotencyKey)) {
      throw new InvalidInputException("Idempotency-Key", ControlCharacters.PROBLEM);
    }
    NotificationReceipt receipt;
    try {
      receipt = intake.register(notification, idempotencyKey, user);
    } catch (DataIntegrityViolationException raceWithIdenticalRequest) {
      receipt = intake.findEarlier(idempotencyKey, IntakeService.hash(notification))
          .orElseThrow(() -> raceWithIdenticalRequest);
    }
    access.recordWrite(receipt.caseNumber(), receipt.duplicate() ? "api: notification (repeated)"
        : "api: notification");
    if (!access.mayAccess(receipt.caseNumber())) {
      // joined another team's case: registered, but that case is not revealed to this user
      receipt = new NotificationReceipt(receipt.notificationId(), null, receipt.joinedOpenCase(), receipt.duplicate());
      return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }
    if (receipt.duplicate()) {
      return ResponseEntity.ok(receipt);
    }
    return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/cases/" + receipt.caseNumber()))
        .body(receipt);
  }
}
