package dk.trappen.letters;

import dk.trappen.cases.CaseService;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A letter as the API and the pages show it: a sent letter with the recipients its outbox rows were sent to, a draft
 * with the recipients it would be sent to now.
 */
@Component
class LetterViews {

  private final LetterDispatchRepository outbox;
  private final LetterContent content;
  private final CaseService cases;
  private final Clock clock;

  LetterViews(LetterDispatchRepository outbox, LetterContent content, CaseService cases, Clock clock) {
    this.outbox = outbox;
    this.content = content;
    this.cases = cases;
    this.clock = clock;
  }

  LetterView view(Letter l) {
    List<LetterView.RecipientView> recipients;
    if (l.getStatus() == LetterStatus.SENT) {
      recipients = outbox.findByLetterIdOrderByIdAsc(l.getId()).stream()
          .map(d -> new LetterView.RecipientView(d.getRecipientRole(), d.getRecipientName(),
              d.isProtectedAddress() ? null : d.getAddress(), d.isProtectedAddress(), d.getSentAt(), d.getChannel()))
          .toList();
    } else {
      recipients = content.recipients(l, cases.get(l.getCaseId()), clock.instant()).stream()
          .map(r -> new LetterView.RecipientView(r.role(), r.name(), r.protectedAddress() ? null : r.address(),
              r.protectedAddress(), null, null))
          .toList();
    }
    return new LetterView(l.getId(), l.getCaseNumber(), l.getKind(),
        l.getDecisionKind() == null ? null : l.getDecisionKind().name(), l.getStatus(), l.getTitle(), l.getStepKey(),
        l.getDecision(), l.getLegalBasis(), l.getReasons(), l.getFreeText(), l.getAppealGuidance(),
        l.getNotifier() == null ? null : l.getNotifier().replace('\n', ','), l.getReceivedAt(), l.getCreatedAt(),
        l.getCreatedBy(), l.getUpdatedAt(), l.getUpdatedBy(), l.getSentAt(), l.getSentBy(),
        l.getStatus() == LetterStatus.SENT ? l.getFileName() : l.defaultFileName(), recipients);
  }
}
