package dk.trappen.intake;

import java.time.Instant;

/** A notification as the case view shows it. */
public record NotificationView(long id, NotifierKind notifierKind, boolean professional, String notifierOrganisation,
                               String notifierName, String concern, Instant receivedAt, Instant registeredAt,
                               String registeredBy, boolean joinedOpenCase, AcuteOutcome acuteOutcome,
                               String acuteNote, String assessedBy, Instant assessedAt, Instant acknowledgedAt) {

  static NotificationView of(Notification n) {
    return new NotificationView(n.getId(), n.getNotifierKind(), n.isProfessional(), n.getNotifierOrganisation(),
        n.getNotifierName(), n.getConcern(), n.getReceivedAt(), n.getRegisteredAt(), n.getRegisteredBy(),
        n.isJoinedOpenCase(), n.getAcuteOutcome(), n.getAcuteNote(), n.getAssessedBy(), n.getAssessedAt(),
        n.getAcknowledgedAt());
  }
}
