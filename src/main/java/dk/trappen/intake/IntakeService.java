package dk.trappen.intake;

import static dk.trappen.common.ProcessVariables.*;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.cases.ChildData;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import dk.trappen.common.NotFoundException;
import dk.trappen.org.OrgService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers notifications. A notification about a child without an open case opens a case and starts its process;
 * one about a child with an open case joins it and asks for a second-opinion re-assessment. Registering is
 * idempotent: the same Idempotency-Key, or the same payload, returns the first receipt.
 */
@Service
@EnableConfigurationProperties(IntakeProperties.class)
public class IntakeService {

  private final NotificationRepository notifications;
  private final CaseService cases;
  private final OrgService org;
  private final RuntimeService runtime;
  private final IntakePolicy policy;
  private final Clock clock;
  private final TransactionTemplate transactions;

  IntakeService(NotificationRepository notifications, CaseService cases, OrgService org, RuntimeService runtime,
      IntakePolicy policy, Clock clock, PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.notifications = notifications;
    this.cases = cases;
    this.org = org;
    this.runtime = runtime;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Registers the notification. The child's row is locked ({@link CaseService#lockChild}) before looking for its open
   * case, so that of notifications about one child sent at once, one opens the case and the others wait and join it:
   * one open case per child, decided by the database, and an answer for every valid notification. A first
   * notification about a new child registers the child in a transaction of its own first; if another request
   * registered it at the same moment, the unique CPR number refuses the second insert and this request goes on with
   * the winner's row. A lock that cannot be had in time (the database gives up waiting) is tried again. The same
   * notification sent twice at the same moment is stored once: the unique key or payload hash refuses the second,
   * which then answers with the first one's receipt.
   */
  public NotificationReceipt register(NewNotification n, String idempotencyKey, String user) {
    try {
      return registerOnce(n, idempotencyKey, user);
    } catch (DataIntegrityViolationException raceWithIdenticalRequest) {
      return findEarlier(idempotencyKey, hash(n)).orElseThrow(() -> raceWithIdenticalRequest);
    }
  }

  private NotificationReceipt registerOnce(NewNotification n, String idempotencyKey, String user) {
    String hash = hash(n);
    Optional<NotificationReceipt> earlier = findEarlier(idempotencyKey, hash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    checkContext(n);
    ChildData child = childData(n);
    try {
      cases.registerChild(child);
    } catch (DataIntegrityViolationException | ConcurrencyFailureException lostRace) {
      if (!cases.childRegistered(child.cpr())) {
        throw lostRace;
      }
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(status -> registerLocked(n, child, idempotencyKey, hash, user));
      } catch (PessimisticLockingFailureException waitedTooLong) {
        if (attempt >= LOCK_ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
          throw waitedTooLong;
        }
      }
    }
  }

  private static final int LOCK_ATTEMPTS = 5;

  private NotificationReceipt registerLocked(NewNotification n, ChildData child, String idempotencyKey, String hash,
      String user) {
    if (!cases.lockChild(child.cpr())) {
      throw new IllegalStateException("the child was registered and is gone");
    }
    // whoever held the lock before may have registered this very notification, or opened the child's case
    Optional<NotificationReceipt> earlier = findEarlier(idempotencyKey, hash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    checkContext(n);
    Optional<CaseRef> open = cases.openCaseOfChild(n.child().cpr());
    if (open.isPresent()) {
      CaseRef c = open.get();
      Notification saved = notifications.save(notification(n, c.id(), idempotencyKey, hash, user, true));
      runtime.createMessageCorrelation(MESSAGE_NOTIFICATION_JOINED)
          .processInstanceBusinessKey(c.caseNumber())
          .setVariableToTriggeredScope(NOTIFICATION_ID, saved.getId())
          .setVariableToTriggeredScope(RECEIVED_AT, Date.from(n.receivedAt()))
          .setVariableToTriggeredScope(PROFESSIONAL_NOTIFIER, saved.isProfessional())
          .correlateWithResult();
      return new NotificationReceipt(saved.getId(), c.caseNumber(), true, false);
    }
    String team = policy.teamOf(n);
    CaseRef c = cases.openCase(child, team, n.receivedAt());
    Notification saved = notifications.save(notification(n, c.id(), idempotencyKey, hash, user, false));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(CASE_ID, c.id());
    vars.put(TEAM_CODE, team);
    vars.put(TEAM_GROUP, teamGroup(team));
    vars.put(LEAD_GROUP, leadGroup(team));
    vars.put(CHILD_BIRTH_DATE, child.birthDate().toString());
    vars.put(AWARE_AT, Date.from(n.receivedAt()));
    vars.put(RECEIVED_AT, Date.from(n.receivedAt()));
    vars.put(NOTIFICATION_ID, saved.getId());
    vars.put(PROFESSIONAL_NOTIFIER, saved.isProfessional());
    ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS_YOUTH_CASE, c.caseNumber(), vars);
    cases.attachProcess(c.id(), pi.getId());
    return new NotificationReceipt(saved.getId(), c.caseNumber(), false, false);
  }

  private static ChildData childData(NewNotification n) {
    return new ChildData(n.child().cpr(), n.child().firstName().strip(), n.child().lastName().strip(),
        n.child().birthDate());
  }

  /** The receipt of an earlier registration of the same notification, if any. */
  @Transactional(readOnly = true)
  public Optional<NotificationReceipt> findEarlier(String idempotencyKey, String hash) {
    if (idempotencyKey != null) {
      Optional<Notification> byKey = notifications.findByIdempotencyKey(idempotencyKey);
      if (byKey.isPresent()) {
        if (!byKey.get().getPayloadHash().equals(hash)) {
          throw InvalidInputException.conflict("Idempotency-Key", "problem.intake.idempotencyKeyReused");
        }
        return byKey.map(this::receipt);
      }
    }
    return notifications.findByPayloadHash(hash).map(this::receipt);
  }

  private NotificationReceipt receipt(Notification n) {
    return new NotificationReceipt(n.getId(), cases.get(n.getCaseId()).caseNumber(), n.isJoinedOpenCase(), true);
  }

  /** Refuses the notification, with every problem at once, if {@link IntakePolicy} finds any. */
  private void checkContext(NewNotification n) {
    List<Problem> problems = policy.problems(n);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
  }

  private Notification notification(NewNotification n, long caseId, String key, String hash, String user,
      boolean joined) {
    Notification e = new Notification();
    e.setCaseId(caseId);
    e.setIdempotencyKey(key);
    e.setPayloadHash(hash);
    e.setNotifierKind(n.notifierKind());
    e.setProfessional(n.notifierKind().professional());
    e.setNotifierOrganisation(n.notifierOrganisation());
    e.setNotifierName(n.notifierName());
    e.setConcern(n.concern());
    e.setReceivedAt(n.receivedAt());
    e.setRegisteredAt(clock.instant());
    e.setRegisteredBy(user);
    e.setJoinedOpenCase(joined);
    return e;
  }

  static String hash(NewNotification n) {
    String canonical = String.join("\u001f", n.child().cpr(), String.valueOf(n.notifierKind()),
        String.valueOf(n.notifierOrganisation()), String.valueOf(n.notifierName()), n.concern(),
        String.valueOf(n.receivedAt()));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- reads and task work used by the handlers and the case view ---

  @Transactional(readOnly = true)
  public List<NotificationView> notifications(long caseId) {
    return notifications.findByCaseIdOrderByReceivedAtAsc(caseId).stream().map(NotificationView::of).toList();
  }

  /**
   * The case as intake sees it (see {@link IntakeCaseView}): the child, where the case is and how it stands, and its
   * notifications; none of the case's contents. The caller has checked that the user may see at least this much.
   */
  @Transactional(readOnly = true)
  public IntakeCaseView caseView(CaseRef c) {
    CaseService.CaseClosure closure = cases.closure(c.id());
    String teamName = org.teams().stream().filter(t -> t.getCode().equals(c.teamCode())).map(t -> t.getName())
        .findFirst().orElse(c.teamCode());
    return new IntakeCaseView(c.caseNumber(), c.status(), c.teamCode(), teamName, closure.openedAt(),
        closure.closedAt(), new IntakeCaseView.Child(c.childName(), c.childCpr(), c.childBirthDate()),
        notifications.findByCaseIdOrderByReceivedAtAsc(c.id()).stream().map(IntakeCaseView.IntakeNotification::of)
            .toList());
  }

  @Transactional
  void recordAcuteAssessment(long notificationId, AcuteOutcome outcome, String note, String user) {
    Notification n = entity(notificationId);
    n.setAcuteOutcome(outcome);
    n.setAcuteNote(note);
    n.setAssessedBy(user);
    n.setAssessedAt(clock.instant());
  }

  @Transactional
  void recordAcknowledgement(long notificationId, String user) {
    Notification n = entity(notificationId);
    n.setAcknowledgedAt(clock.instant());
    n.setAcknowledgedBy(user);
  }

  private Notification entity(long id) {
    return notifications.findById(id).orElseThrow(() -> new NotFoundException("no notification " + id));
  }
}
