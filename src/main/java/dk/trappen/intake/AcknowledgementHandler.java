package dk.trappen.intake;

import static dk.trappen.common.ProcessVariables.NOTIFICATION_ID;

import dk.trappen.letters.LettersService;
import dk.trappen.letters.ReceiptRequest;
import dk.trappen.tasks.FormContext;
import dk.trappen.tasks.TaskContext;
import dk.trappen.tasks.TaskForm;
import dk.trappen.tasks.TaskHandler;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The acknowledgement owed to a professional notifier (Barnets Lov § 133). The form shows the receipt that will be
 * sent (to whom, about whom, received when) and takes an optional free text for it; completing the task sends the
 * receipt as a letter (dk.trappen.letters, once per notification) and records the acknowledgement, in one transaction,
 * so the deadline is met exactly when the receipt is sent. A notifier who is not a professional gets no receipt.
 */
@Component
class AcknowledgementHandler implements TaskHandler<AcknowledgementHandler.Input>,
    TaskForm<AcknowledgementHandler.Input> {

  /**
   * @param note     an internal note on the acknowledgement (not in the receipt)
   * @param freeText further text the receipt carries after its standard wording
   */
  record Input(@Size(max = 2000, message = "{problem.tooLong}") String note,
               @Size(max = 2000, message = "{problem.tooLong}") String freeText) {
  }

  private final IntakeService intake;
  private final LettersService letters;

  AcknowledgementHandler(IntakeService intake, LettersService letters) {
    this.intake = intake;
    this.letters = letters;
  }

  @Override
  public String taskKey() {
    return "Task_SendAcknowledgement";
  }

  @Override
  public String kind() {
    return "acknowledgement";
  }

  @Override
  public Class<Input> payloadType() {
    return Input.class;
  }

  @Override
  public List<String> fieldOrder() {
    return List.of("freeText", "note");
  }

  @Override
  public Map<String, Object> model(FormContext form) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("notifications", AcuteAssessmentHandler.notifications(intake, form));
    Optional<NotificationView> n = notification(form.context());
    model.put("receiptNotification", n.orElse(null));
    model.put("receiptTo", n.filter(NotificationView::professional)
        .map(v -> String.join(", ", Stream.of(v.notifierName(), v.notifierOrganisation())
            .filter(s -> s != null && !s.isBlank()).toList()))
        .orElse(null));
    return model;
  }

  @Override
  public Map<String, Object> complete(TaskContext context, Input in) {
    Long id = context.longVariable(NOTIFICATION_ID);
    intake.recordAcknowledgement(id, context.user());
    notification(context).filter(NotificationView::professional).ifPresent(n -> letters.sendReceipt(
        new ReceiptRequest(context.caseId(), n.id(), n.notifierName(), n.notifierOrganisation(), n.receivedAt(),
            in.freeText(), context.user())));
    return Map.of();
  }

  private Optional<NotificationView> notification(TaskContext context) {
    Long id = context.longVariable(NOTIFICATION_ID);
    if (id == null || context.caseId() <= 0) {
      return Optional.empty();
    }
    return intake.notifications(context.caseId()).stream().filter(n -> n.id() == id).findFirst();
  }
}
