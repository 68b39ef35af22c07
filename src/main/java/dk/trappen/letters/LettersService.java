package dk.trappen.letters;

import static dk.trappen.letters.LetterContent.blankToNull;

import dk.trappen.cases.CaseRef;
import dk.trappen.cases.CaseService;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.NotFoundException;
import dk.trappen.common.Problem;
import dk.trappen.plan.PlanService;
import dk.trappen.plan.PlanView;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.StaircaseDecision;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.Step;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters on a case: drafting (a decision letter from {@link StaircaseDecision}, the receipt from the acknowledgement
 * task), editing a draft's reasons and free text, and sending: the letter is frozen as sent with the case's copy of its
 * PDF/A, and one outbox row per recipient with that recipient's copy is written in the same transaction, for
 * {@link LetterDispatcher} to hand to the {@link LetterChannel} afterwards; {@link LetterSent} is published. The
 * child's plan is rendered on request, not stored. The caller has been let through {@code security.CaseAccess} for the
 * case (or, for the receipt, through the task's groups). Never logs a CPR number, a name or an address. Who receives a
 * letter and what its template is given are {@link LetterContent}'s; what stops an edit or a send is
 * {@link LetterRules}'; how a letter is shown is {@link LetterViews}'.
 */
@Slf4j
@Service
@Transactional(readOnly = true)
public class LettersService {

  private static final Locale DA = Locale.forLanguageTag("da");

  private final LetterRepository letters;
  private final LetterDispatchRepository outbox;
  private final LetterRenderer renderer;
  private final LetterContent content;
  private final LettersProperties properties;
  private final CaseService cases;
  private final StaircaseService staircase;
  private final PlanService plans;
  private final LetterRules rules;
  private final LetterViews views;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  LettersService(LetterRepository letters, LetterDispatchRepository outbox, LetterRenderer renderer,
      LetterContent content, LettersProperties properties, CaseService cases, StaircaseService staircase,
      PlanService plans, LetterRules rules, LetterViews views, Clock clock, ApplicationEventPublisher events) {
    this.letters = letters;
    this.outbox = outbox;
    this.renderer = renderer;
    this.content = content;
    this.properties = properties;
    this.cases = cases;
    this.staircase = staircase;
    this.plans = plans;
    this.rules = rules;
    this.views = views;
    this.clock = clock;
    this.events = events;
  }

  // ---- drafting --------------------------------------------------------------------------------------------------

  /**
   * Drafts the decision letter of a decision on an intervention, once per decision (its source key is unique): the
   * step's name and description, the step's legal basis, the justification as the first reasons, and the appeal
   * guidance of the kind of decision. Runs in the transaction that records the decision.
   */
  @Transactional
  public Optional<LetterView> draftDecision(StaircaseDecision d) {
    String source = "intervention:" + d.interventionId() + ":" + d.kind().name();
    if (letters.existsBySourceKey(source)) {
      return Optional.empty();
    }
    InterventionView i = staircase.intervention(d.interventionId());
    CaseRef c = cases.get(d.caseId());
    Step step = staircase.step(i.stepKey()).orElse(null);
    String stepName = step == null ? i.stepName() : step.name();
    Letter l = new Letter();
    l.setCaseId(c.id());
    l.setCaseNumber(c.caseNumber());
    l.setKind(LetterKind.DECISION);
    l.setDecisionKind(d.kind());
    l.setSourceKey(source);
    l.setStatus(LetterStatus.DRAFT);
    l.setTitle(switch (d.kind()) {
      case STEP_CHOSEN -> "Afgørelse om " + lower(stepName);
      case PLACEMENT_APPROVED -> "Afgørelse om anbringelse: " + lower(stepName);
      case INTERVENTION_ENDED -> "Afgørelse om ophør af " + lower(stepName);
    });
    l.setStepKey(i.stepKey());
    l.setDecision(i.description());
    l.setLegalBasis(step == null || step.legalBasis() == null ? "Barnets Lov" : step.legalBasis());
    l.setReasons(d.kind() == StaircaseDecision.Kind.INTERVENTION_ENDED ? null : i.justification());
    l.setAppealGuidance(appealGuidance(d.kind()));
    l.setCreatedAt(d.at() == null ? clock.instant() : d.at());
    l.setCreatedBy(d.user());
    Letter saved = letters.save(l);
    log.info("Decision letter {} drafted on case {} ({})", saved.getId(), c.caseNumber(), d.kind());
    return Optional.of(views.view(saved));
  }

  /** The appeal guidance of a kind of decision, as configured under {@code trappen.letters.appeal}. */
  String appealGuidance(StaircaseDecision.Kind kind) {
    LettersProperties.Appeal a = properties.getAppeal().get(LettersConfiguration.appealKey(kind));
    return new MessageFormat(a.getText().strip(), DA).format(new Object[] {a.getTimeLimitWeeks(), a.getAppealBody(),
        properties.getMunicipality()});
  }

  /**
   * Sends the receipt owed to a professional notifier for a notification, as the acknowledgement task completes:
   * drafted and sent in one go (the task's form showed the draft and took its free text). Once per notification: a
   * receipt already sent is returned as it is.
   */
  @Transactional
  public LetterView sendReceipt(ReceiptRequest r) {
    String source = "notification:" + r.notificationId();
    Optional<Letter> earlier = letters.findBySourceKey(source);
    if (earlier.isPresent() && earlier.get().getStatus() == LetterStatus.SENT) {
      return views.view(earlier.get());
    }
    List<Problem> problems = LetterRules.textProblems(null, r.freeText());
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    Letter l = earlier.orElseGet(Letter::new);
    if (earlier.isEmpty()) {
      CaseRef c = cases.get(r.caseId());
      l.setCaseId(c.id());
      l.setCaseNumber(c.caseNumber());
      l.setKind(LetterKind.RECEIPT);
      l.setSourceKey(source);
      l.setStatus(LetterStatus.DRAFT);
      l.setTitle("Kvittering for modtagelse af underretning");
      l.setNotifier(LetterContent.notifierLine(r.notifierName(), r.notifierOrganisation()));
      l.setReceivedAt(r.receivedAt());
      l.setCreatedAt(clock.instant());
      l.setCreatedBy(r.user());
    }
    l.setFreeText(blankToNull(r.freeText()));
    Letter saved = letters.saveAndFlush(l);
    return send(saved.getId(), r.user());
  }

  // ---- reads -----------------------------------------------------------------------------------------------------

  /** The letters of a case, newest first. */
  public List<LetterView> letters(long caseId) {
    return letters.findByCaseIdOrderByIdDesc(caseId).stream().map(views::view).toList();
  }

  /** The case a letter belongs to (for the access check before anything else is read). */
  public String caseNumberOf(long letterId) {
    return entity(letterId).getCaseNumber();
  }

  public LetterView letter(long letterId) {
    return views.view(entity(letterId));
  }

  /**
   * The letter's PDF: a sent letter's frozen case copy, byte for byte; a draft rendered now as it would be sent (the
   * address block with every recipient, protected ones as protected), signed by {@code user}.
   */
  public byte[] pdf(long letterId, String user) {
    Letter l = entity(letterId);
    if (l.getStatus() == LetterStatus.SENT) {
      return l.getPdf();
    }
    CaseRef c = cases.get(l.getCaseId());
    Instant now = clock.instant();
    return renderer.pdf(l.getKind(), content.model(l, c, content.recipients(l, c, now), now, user));
  }

  /** The file name of a letter's PDF. */
  public String fileName(long letterId) {
    Letter l = entity(letterId);
    return l.getFileName() != null ? l.getFileName() : l.defaultFileName();
  }

  /**
   * The child's plan (the current action plan or youth plan) as PDF/A, to share with the family: its goals and
   * sub-goals, the youth's own words and when the next network meeting is due; addressed to the custody holders
   * (never a protected address). Rendered on request from the plan as it is now.
   */
  public byte[] planPdf(long caseId, String user) {
    CaseRef c = cases.get(caseId);
    Optional<PlanView> plan = plans.current(caseId);
    Instant now = clock.instant();
    Letter l = new Letter();
    l.setCaseId(c.id());
    l.setCaseNumber(c.caseNumber());
    l.setKind(LetterKind.PLAN);
    l.setTitle(plan.map(p -> p.youthPlan() ? "Ungeplan" : "Barnets plan").orElse("Barnets plan"));
    Map<String, Object> model = content.model(l, c, content.decisionRecipients(c, now), now, user);
    content.addPlan(model, caseId, plan);
    return renderer.pdf(LetterKind.PLAN, model);
  }

  /** The file name of a case's plan as PDF. */
  public static String planFileName(String caseNumber) {
    return caseNumber + "-" + LetterKind.PLAN.fileWord() + ".pdf";
  }

  // ---- writes ----------------------------------------------------------------------------------------------------

  /**
   * Edits a draft's reasons and free text (either may be null: then it is emptied). A sent letter is refused with a
   * conflict, and so is a draft sent meanwhile (the edit is a conditional update of a draft).
   */
  @Transactional
  public LetterView edit(long letterId, LetterEdit edit, String user) {
    Letter l = entity(letterId);
    if (l.getStatus() == LetterStatus.SENT) {
      throw InvalidInputException.conflict("status", "problem.letters.sent", letterId);
    }
    List<Problem> problems = rules.editProblems(edit);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    if (letters.editDraft(letterId, blankToNull(edit.reasons()), blankToNull(edit.freeText()), clock.instant(),
        user) != 1) {
      throw InvalidInputException.conflict("status", "problem.letters.sent", letterId);
    }
    return views.view(entity(letterId));
  }

  /** Every problem that stops a draft from being sent, at once (the page shows them beside the fields). */
  public List<Problem> sendProblems(long letterId) {
    Letter l = entity(letterId);
    return rules.sendProblems(l, cases.get(l.getCaseId()), clock.instant());
  }

  /**
   * Sends a draft: freezes it as sent (a conditional update, so of two sends one wins and the other is a conflict)
   * with the case's copy of the PDF, writes one outbox row per recipient with that recipient's own copy under the
   * key {@code letter-<id>-<n>}, and publishes {@link LetterSent}. Nothing leaves Trappen before the transaction
   * commits: {@link LetterDispatcher} sends the rows afterwards.
   */
  @Transactional
  public LetterView send(long letterId, String user) {
    Letter l = entity(letterId);
    if (l.getStatus() == LetterStatus.SENT) {
      throw InvalidInputException.conflict("status", "problem.letters.sent", letterId);
    }
    List<Problem> problems = sendProblems(letterId);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
    CaseRef c = cases.get(l.getCaseId());
    Instant now = clock.instant();
    List<LetterContent.Recipient> recipients = content.recipients(l, c, now);
    // every copy is rendered before the row is locked by the conditional update, so a racing send waits briefly
    byte[] caseCopy = renderer.pdf(l.getKind(), content.model(l, c, recipients, now, user));
    List<byte[]> copies = recipients.stream()
        .map(r -> renderer.pdf(l.getKind(), content.model(l, c, List.of(r), now, user))).toList();
    String fileName = l.defaultFileName();
    if (letters.markSent(letterId, caseCopy, fileName, now, user) != 1) {
      throw InvalidInputException.conflict("status", "problem.letters.sent", letterId);
    }
    for (int n = 0; n < recipients.size(); n++) {
      outbox.save(LetterDispatch.of(letterId, n + 1, recipients.get(n), copies.get(n), now));
    }
    outbox.flush();
    Letter sent = entity(letterId);
    events.publishEvent(new LetterSent(c.id(), c.caseNumber(), letterId, l.getKind().name(), l.getTitle(), fileName,
        caseCopy, now, user));
    log.info("Letter {} of case {} sent to {} recipient(s)", letterId, c.caseNumber(), recipients.size());
    return views.view(sent);
  }

  private static String lower(String stepName) {
    return stepName == null || stepName.isEmpty() ? "" : Character.toLowerCase(stepName.charAt(0))
        + stepName.substring(1);
  }

  private Letter entity(long id) {
    return letters.findById(id).orElseThrow(() -> new NotFoundException("no letter " + id));
  }
}
