package dk.trappen.meetings;

import static dk.trappen.common.ProcessVariables.CONCERN_ID;
import static dk.trappen.common.ProcessVariables.CONCERN_RAISED_AT;
import static dk.trappen.common.ProcessVariables.MESSAGE_CONCERN_RAISED;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.common.NotFoundException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Network meetings, legal follow-ups and new concerns of the cases with running interventions. */
@Slf4j
@Service
@Transactional(readOnly = true)
public class MeetingsService {

  private final NetworkMeetingRepository meetings;
  private final FollowUpRepository followUps;
  private final ConcernRepository concerns;
  private final RuntimeService runtime;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final Validator validator;

  MeetingsService(NetworkMeetingRepository meetings, FollowUpRepository followUps, ConcernRepository concerns,
      RuntimeService runtime, Clock clock, PlatformTransactionManager transactionManager, Validator validator) {
    this.validator = validator;
    this.transactions = new TransactionTemplate(transactionManager);
    this.meetings = meetings;
    this.followUps = followUps;
    this.concerns = concerns;
    this.runtime = runtime;
    this.clock = clock;
  }

  // ---- network meetings -------------------------------------------------------------------------------------------

  /**
   * Records a network meeting held at {@code heldAt}. The caller has checked the decision, the goals and the time it
   * was held against the case.
   */
  @Transactional
  public MeetingView recordMeeting(long caseId, NetworkMeetingInput in, Instant heldAt, String user) {
    NetworkMeeting m = new NetworkMeeting();
    m.setCaseId(caseId);
    m.setHeldAt(heldAt);
    m.setYouthSatisfaction(in.youthSatisfaction());
    m.setYouthVoice(blankToNull(in.youthVoice()));
    m.setDecision(in.decision());
    m.setDecisionNote(in.decisionNote().trim());
    m.setInterventionId(in.interventionId());
    m.setClosureReason(in.decision() == MeetingDecision.CLOSE ? in.closureReason() : null);
    m.setRecordedBy(user);
    for (NetworkMeetingInput.Participant p : in.participants()) {
      MeetingParticipant participant = new MeetingParticipant();
      participant.setMeeting(m);
      participant.setRole(p.role());
      participant.setName(p.name().trim());
      m.getParticipants().add(participant);
    }
    for (NetworkMeetingInput.Progress p : in.goalProgressOrEmpty()) {
      GoalProgress progress = new GoalProgress();
      progress.setMeeting(m);
      progress.setGoalId(p.goalId());
      progress.setProgress(p.progress());
      progress.setComment(blankToNull(p.comment()));
      m.getGoalProgress().add(progress);
    }
    return MeetingView.of(meetings.save(m));
  }

  /** The case's network meetings, oldest first. */
  public List<MeetingView> meetings(long caseId) {
    return meetings.findByCaseIdOrderByHeldAtAscIdAsc(caseId).stream().map(MeetingView::of).toList();
  }

  // ---- follow-ups -------------------------------------------------------------------------------------------------

  /** Records a legal follow-up held at {@code heldAt}; its ordinal counts the case's follow-ups from 1. */
  @Transactional
  public FollowUpView recordFollowUp(long caseId, boolean effective, String conclusion, Period nextInterval,
      Instant heldAt, String user) {
    FollowUp f = new FollowUp();
    f.setCaseId(caseId);
    f.setOrdinal((int) followUps.countByCaseId(caseId) + 1);
    f.setHeldAt(heldAt);
    f.setEffective(effective);
    f.setConclusion(conclusion.trim());
    f.setNextInterval(nextInterval.toString());
    f.setRecordedBy(user);
    return FollowUpView.of(followUps.save(f));
  }

  /** The case's follow-ups, first first. */
  public List<FollowUpView> followUps(long caseId) {
    return followUps.findByCaseIdOrderByOrdinalAsc(caseId).stream().map(FollowUpView::of).toList();
  }

  // ---- concerns ---------------------------------------------------------------------------------------------------

  /**
   * Registers a new concern on a case and asks for a meeting on it: correlates message {@code ConcernRaised} to the
   * case's process, whose running-interventions loop starts the concern response with {@code concernId} and
   * {@code concernRaisedAt} (the anchor of its deadline). These variables are set in the scope the message
   * triggers, so concerns raised close together each keep their own. Refused (409, nothing stored) when the case has
   * no running interventions to receive it.
   *
   * <p>Two concerns raised on one case at the same instant both move the case's process; the engine lets one
   * through and refuses the other's write (optimistic locking). The refused one is rolled back whole and registered
   * again, so both are stored and each gets its meeting; if the case keeps changing under it, it is a conflict naming
   * the case (409, nothing stored) rather than a failure.
   *
   * <p>Refused with every problem at once when the concern breaks its constraints ({@link NewConcern}), and as a
   * conflict when the case is closed.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public ConcernView registerConcern(CaseRef c, NewConcern concern, String user) {
    if (!c.open()) {
      throw InvalidInputException.conflict("caseNumber", "problem.cases.closed", c.caseNumber());
    }
    List<Problem> problems = validator.validate(concern).stream().map(Problem::of).toList();
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(s -> registerConcernOnce(c.caseNumber(), c.id(), concern, user));
      } catch (OptimisticLockingException | ConcurrencyFailureException collided) {
        if (attempt >= CONCERN_ATTEMPTS) {
          throw InvalidInputException.conflict("case", "problem.meetings.concernCollided");
        }
      }
    }
  }

  private static final int CONCERN_ATTEMPTS = 5;

  private ConcernView registerConcernOnce(String caseNumber, long caseId, NewConcern concern, String user) {
    if (!canReceiveConcern(caseNumber)) {
      throw noInterventionLoop(caseNumber);
    }
    Concern c = new Concern();
    c.setCaseId(caseId);
    c.setRaisedBy(concern.raisedBy());
    c.setDescription(concern.description().strip());
    c.setRaisedAt(concern.raisedAt() == null ? clock.instant() : concern.raisedAt());
    c.setRegisteredBy(user);
    concerns.saveAndFlush(c);
    try {
      runtime.createMessageCorrelation(MESSAGE_CONCERN_RAISED)
          .processInstanceBusinessKey(caseNumber)
          .setVariableToTriggeredScope(CONCERN_ID, c.getId())
          .setVariableToTriggeredScope(CONCERN_RAISED_AT, Date.from(c.getRaisedAt()))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw noInterventionLoop(caseNumber);
    }
    log.info("Concern {} raised by {} on case {}", c.getId(), concern.raisedBy(), caseNumber);
    return ConcernView.of(c);
  }

  /** Whether the case's process has a running-interventions loop waiting for new concerns. */
  public boolean canReceiveConcern(String caseNumber) {
    return runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
        .messageEventSubscriptionName(MESSAGE_CONCERN_RAISED).count() > 0;
  }

  private static InvalidInputException noInterventionLoop(String caseNumber) {
    return InvalidInputException.conflict("caseNumber", "problem.concern.noInterventions", caseNumber);
  }

  /** Records the response given at the meeting on a concern. */
  @Transactional
  public ConcernView respondToConcern(long concernId, String response, String user) {
    Concern c = concerns.findById(concernId)
        .orElseThrow(() -> new NotFoundException("no concern with id " + concernId));
    c.setResponse(response.trim());
    c.setRespondedAt(clock.instant());
    c.setRespondedBy(user);
    return ConcernView.of(c);
  }

  public ConcernView concern(long concernId) {
    return concerns.findById(concernId).map(ConcernView::of)
        .orElseThrow(() -> new NotFoundException("no concern with id " + concernId));
  }

  /** The case's concerns, oldest first. */
  public List<ConcernView> concerns(long caseId) {
    return concerns.findByCaseIdOrderByRaisedAtAscIdAsc(caseId).stream().map(ConcernView::of).toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
