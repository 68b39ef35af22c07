package dk.trappen.casefile;

import dk.trappen.cases.ClosureReason;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.intake.NotificationView;
import dk.trappen.investigation.InvestigationView;
import dk.trappen.journal.JournalEntryView;
import dk.trappen.meetings.ConcernView;
import dk.trappen.meetings.FollowUpView;
import dk.trappen.meetings.MeetingView;
import dk.trappen.plan.AftercareView;
import dk.trappen.plan.PlanView;
import dk.trappen.staircase.InterventionView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Everything that happened on a case, newest first, for the case page: notifications received and assessed,
 * acknowledgements, the investigation, interventions decided/approved/started/ended, plans written, meetings,
 * follow-ups, concerns, journal entries, aftercare, deadlines met/missed/escalated, and the closure. Texts come from
 * the message bundles in the user's language.
 */
final class CaseTimeline {

  /**
   * One event. {@code kind} groups events for styling and tests (e.g. {@code deadline-missed}); {@code title} says
   * what happened, {@code detail} is the recorded text (what someone typed), {@code by} who did it.
   */
  public record Entry(Instant at, String kind, String title, String detail, String by) {
  }

  /** Resolves a message key with arguments in the user's language. */
  interface Messages {
    String get(String key, Object... args);
  }

  private final Messages msg;
  private final Function<String, String> stepName;
  private final Function<String, String> person;
  private final List<Entry> entries = new ArrayList<>();

  /**
   * @param stepName the step's name in the user's language, by step key
   * @param person   a staff member's display name, by user name
   */
  CaseTimeline(Messages msg, Function<String, String> stepName, Function<String, String> person) {
    this.msg = msg;
    this.stepName = stepName;
    this.person = person;
  }

  List<Entry> newestFirst() {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::at));
    java.util.Collections.reverse(sorted);
    return sorted;
  }

  CaseTimeline opened(Instant openedAt) {
    add(openedAt, "case-opened", msg.get("case.timeline.opened"), null, null);
    return this;
  }

  CaseTimeline closed(Instant closedAt, ClosureReason reason, String note) {
    if (closedAt != null) {
      add(closedAt, "case-closed", msg.get("case.timeline.closed",
          reason == null ? "" : msg.get("case.closure." + reason.name())), note, null);
    }
    return this;
  }

  CaseTimeline notifications(List<NotificationView> notifications) {
    for (NotificationView n : notifications) {
      String from = msg.get("intake.notifierKind." + n.notifierKind().name())
          + (n.notifierOrganisation() == null || n.notifierOrganisation().isBlank() ? "" : ", "
          + n.notifierOrganisation());
      add(n.receivedAt(), "notification", msg.get(n.joinedOpenCase() ? "case.timeline.notificationJoined"
          : "case.timeline.notification", from), n.concern(), n.registeredBy());
      if (n.assessedAt() != null && n.acuteOutcome() != null) {
        add(n.assessedAt(), "acute-assessment", msg.get("case.timeline.acuteAssessment",
            msg.get("case.acuteOutcome." + n.acuteOutcome().name())), n.acuteNote(), n.assessedBy());
      }
      if (n.acknowledgedAt() != null) {
        add(n.acknowledgedAt(), "acknowledgement", msg.get("case.timeline.acknowledged", from), null, null);
      }
    }
    return this;
  }

  CaseTimeline investigation(InvestigationView i) {
    if (i == null) {
      return this;
    }
    if (i.interimAssessedAt() != null) {
      add(i.interimAssessedAt(), "interim-assessment", msg.get("case.timeline.interimAssessment"),
          i.interimAssessment(), i.interimAssessedBy());
    }
    if (i.finishedAt() != null) {
      add(i.finishedAt(), "investigation", msg.get("case.timeline.investigationFinished",
          i.outcome() == null ? "" : msg.get("case.investigationOutcome." + i.outcome().name())), i.findings(),
          i.finishedBy());
    }
    return this;
  }

  CaseTimeline interventions(List<InterventionView> interventions) {
    for (InterventionView i : interventions) {
      String step = msg.get("case.stepNumbered", i.position(), stepName.apply(i.stepKey()));
      if (i.decidedAt() != null) {
        add(i.decidedAt(), "intervention-decided", msg.get(i.emergency() ? "case.timeline.decidedEmergency"
            : "case.timeline.decided", step), i.description(), i.decidedBy());
      }
      if (i.approvedAt() != null) {
        add(i.approvedAt(), "intervention-approved", msg.get("case.timeline.approved", step), i.approvalNote(),
            i.approvedBy());
      }
      if (i.rejectedAt() != null) {
        add(i.rejectedAt(), "intervention-rejected", msg.get("case.timeline.rejected", step), i.approvalNote(),
            i.rejectedBy());
      }
      if (i.startedAt() != null) {
        add(i.startedAt(), "intervention-started", msg.get("case.timeline.started", step), null, null);
      }
      if (i.endedAt() != null) {
        String reason = i.endReason() == null ? "" : msg.get("case.endReason." + i.endReason().name());
        add(i.endedAt(), "intervention-ended", msg.get(i.startedAt() == null ? "case.timeline.withdrawn"
            : "case.timeline.ended", step, reason), null, null);
      }
    }
    return this;
  }

  CaseTimeline plans(List<PlanView> plans) {
    int version = 0;
    for (PlanView p : plans) {
      version++;
      add(p.createdAt(), "plan", msg.get(p.youthPlan() ? "case.timeline.youthPlan" : "case.timeline.actionPlan",
          version, p.goals().size()), p.youthOwnWords(), p.createdBy());
    }
    return this;
  }

  CaseTimeline meetings(List<MeetingView> meetings) {
    for (MeetingView m : meetings) {
      add(m.heldAt(), "meeting", msg.get("case.timeline.meeting",
          msg.get("case.decision." + m.decision().name()), m.youthSatisfaction(), m.participants().size()),
          m.decisionNote(), m.recordedBy());
    }
    return this;
  }

  CaseTimeline followUps(List<FollowUpView> followUps) {
    for (FollowUpView f : followUps) {
      add(f.heldAt(), "follow-up", msg.get(f.effective() ? "case.timeline.followUpEffective"
          : "case.timeline.followUpNotEffective", f.ordinal()), f.conclusion(), f.recordedBy());
    }
    return this;
  }

  CaseTimeline concerns(List<ConcernView> concerns) {
    for (ConcernView c : concerns) {
      add(c.raisedAt(), "concern", msg.get("case.timeline.concern",
          msg.get("case.concernSource." + c.raisedBy().name())), c.description(), c.registeredBy());
      if (c.respondedAt() != null) {
        add(c.respondedAt(), "concern-response", msg.get("case.timeline.concernResponse"), c.response(),
            c.respondedBy());
      }
    }
    return this;
  }

  /** The journal's entries as they stand: the current version of each, when it happened. */
  CaseTimeline journal(List<JournalEntryView> entries) {
    for (JournalEntryView e : entries) {
      if (e.current()) {
        add(e.happenedAt(), "journal", msg.get("case.timeline.journal", msg.get("journal.kind." + e.kind().name())),
            e.text(), e.author());
      }
    }
    return this;
  }

  CaseTimeline aftercare(List<AftercareView> aftercare) {
    for (AftercareView a : aftercare) {
      add(a.assessedAt(), "aftercare", msg.get(a.granted() ? "case.timeline.aftercareGranted"
          : "case.timeline.aftercareRefused"), a.note(), a.assessedBy());
    }
    return this;
  }

  CaseTimeline deadlines(List<DeadlineView> deadlines) {
    for (DeadlineView d : deadlines) {
      String kind = msg.get("deadline." + d.kind().name());
      if (d.missedAt() != null) {
        add(d.missedAt(), "deadline-missed", msg.get("case.timeline.deadlineMissed", kind), null, null);
      }
      if (d.escalatedAt() != null) {
        add(d.escalatedAt(), "deadline-escalated", msg.get("case.timeline.deadlineEscalated", kind), null, null);
      }
      if (d.metAt() != null) {
        boolean late = d.state() == dk.trappen.deadlines.DeadlineState.MET_LATE;
        add(d.metAt(), late ? "deadline-met-late" : "deadline-met",
            msg.get(late ? "case.timeline.deadlineMetLate" : "case.timeline.deadlineMet", kind), null, d.metBy());
      }
    }
    return this;
  }

  private void add(Instant at, String kind, String title, String detail, String by) {
    if (at != null) {
      entries.add(new Entry(at, kind, title, detail == null || detail.isBlank() ? null : detail,
          by == null ? null : person.apply(by)));
    }
  }
}
