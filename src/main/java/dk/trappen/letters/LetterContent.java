package dk.trappen.letters;

import dk.trappen.cases.CaseRef;
import dk.trappen.deadlines.DeadlineKind;
import dk.trappen.deadlines.DeadlineRegister;
import dk.trappen.deadlines.DeadlineView;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import dk.trappen.parties.LetterAddressee;
import dk.trappen.parties.PartiesService;
import dk.trappen.plan.PlanView;
import dk.trappen.staircase.InterventionView;
import dk.trappen.staircase.StaircaseService;
import dk.trappen.staircase.Step;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a letter says and to whom: its recipients (the notifier of a receipt; every custody holder of a decision or a
 * plan, and the youth from {@code trappen.letters.youth-party-age}), never a protected address; and the model its
 * Thymeleaf template is rendered from (sender, date, address blocks, signature, the child, the decision with its legal
 * basis and appeal guidance, the plan's goals and the next network meeting). Reads the features it needs through their
 * services; writes nothing.
 */
@Component
class LetterContent {

  private static final Locale DA = Locale.forLanguageTag("da");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DA);

  /** A recipient of a letter: a custody holder, the youth, or the professional who notified. */
  record Recipient(String role, String name, String cpr, String address, boolean protectedAddress,
                   String organisation) {

    /** The lines under the name in the address block: never a protected address. */
    List<String> lines() {
      if (protectedAddress) {
        return List.of("Navne- og adressebeskyttet", "Sendes alene med Digital Post (CPR)");
      }
      if (address != null && !address.isBlank()) {
        return Arrays.stream(address.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      }
      if (organisation != null && !organisation.isBlank()) {
        return List.of(organisation);
      }
      return List.of("Sendes med Digital Post");
    }
  }

  /** One addressee as the template shows it. */
  public record AddressBlock(String name, List<String> lines, boolean protectedAddress) {
  }

  /** The sender in the letterhead. */
  public record Sender(String municipality, String department, String address) {
  }

  /** A goal of the plan as the plan's template shows it (dates written out in Danish). */
  public record PlanGoalLine(String title, String successCriterion, String owner, String targetDate, boolean youthOwn,
                             List<String> subGoals) {
  }

  private final LettersProperties properties;
  private final PartiesService parties;
  private final StaircaseService staircase;
  private final DeadlineRegister deadlines;
  private final OrgService staff;
  private final Clock clock;

  LetterContent(LettersProperties properties, PartiesService parties, StaircaseService staircase,
      DeadlineRegister deadlines, OrgService staff, Clock clock) {
    this.properties = properties;
    this.parties = parties;
    this.staircase = staircase;
    this.deadlines = deadlines;
    this.staff = staff;
    this.clock = clock;
  }

  List<Recipient> recipients(Letter l, CaseRef c, Instant at) {
    if (l.getKind() == LetterKind.RECEIPT) {
      String[] notifier = l.getNotifier() == null ? new String[] {"Underretteren"} : l.getNotifier().split("\n", 2);
      return List.of(new Recipient("NOTIFIER", notifier[0], null, null, false,
          notifier.length > 1 ? notifier[1] : null));
    }
    return decisionRecipients(c, at);
  }

  /**
   * Who receives a decision: every custody holder, and the youth when they are a party (from
   * {@code trappen.letters.youth-party-age}, 12, on the day of the letter).
   */
  List<Recipient> decisionRecipients(CaseRef c, Instant at) {
    List<Recipient> out = new ArrayList<>();
    for (LetterAddressee a : parties.custodyHolderAddressees(c.id())) {
      out.add(new Recipient("CUSTODY_HOLDER", a.name(), a.cpr(), a.protectedAddress() ? null : a.address(),
          a.protectedAddress(), null));
    }
    LocalDate today = at.atZone(clock.getZone()).toLocalDate();
    if (c.childBirthDate() != null
        && Period.between(c.childBirthDate(), today).getYears() >= properties.getYouthPartyAge()) {
      out.add(new Recipient("YOUTH", c.childName(), c.childCpr(), null, false, null));
    }
    return out;
  }

  Map<String, Object> model(Letter l, CaseRef c, List<Recipient> recipients, Instant at, String user) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", l.getTitle());
    m.put("caseNumber", c.caseNumber());
    m.put("sender", new Sender(properties.getMunicipality(), properties.getDepartment(),
        properties.getSenderAddress()));
    m.put("date", date(at));
    m.put("recipients", recipients.stream().map(r -> new AddressBlock(r.name(), r.lines(), r.protectedAddress()))
        .toList());
    m.put("signature", user == null ? properties.getDepartment()
        : staff.member(user).map(StaffMember::displayName).orElse(user));
    m.put("childName", c.childName());
    m.put("childFirstName", c.childName().split(" ")[0]);
    m.put("childBirthDate", c.childBirthDate() == null ? "" : DATE.format(c.childBirthDate()));
    m.put("freeText", blankToNull(l.getFreeText()));
    m.put("reasons", blankToNull(l.getReasons()));
    if (l.getKind() == LetterKind.RECEIPT) {
      m.put("receivedDate", l.getReceivedAt() == null ? "" : date(l.getReceivedAt()));
    }
    if (l.getKind() == LetterKind.DECISION) {
      m.put("decision", l.getDecision());
      m.put("legalBasis", l.getLegalBasis());
      m.put("appealGuidance", l.getAppealGuidance());
      m.put("decisionDate", date(l.getCreatedAt()));
      m.put("stepName", staircase.step(l.getStepKey()).map(Step::name).orElse(l.getStepKey()));
      m.put("plannedEnd", interventionOf(l).map(InterventionView::plannedEnd).map(DATE::format).orElse(null));
      m.put("lead", switch (l.getDecisionKind()) {
        case STEP_CHOSEN -> "Kommunen har truffet afgørelse om, at " + c.childName() + " skal have denne indsats:";
        case PLACEMENT_APPROVED -> "Kommunen har truffet afgørelse om, at " + c.childName()
            + " anbringes uden for hjemmet:";
        case INTERVENTION_ENDED -> "Kommunen har truffet afgørelse om, at denne indsats for " + c.childName()
            + " ophører, fordi sagen er afsluttet:";
      });
    }
    return m;
  }

  private Optional<InterventionView> interventionOf(Letter l) {
    String[] parts = l.getSourceKey() == null ? new String[0] : l.getSourceKey().split(":");
    if (parts.length < 2 || !"intervention".equals(parts[0])) {
      return Optional.empty();
    }
    try {
      return Optional.of(staircase.intervention(Long.parseLong(parts[1])));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The plan's part of the model: the youth's own words, the plan's date, its goals and the next network meeting. */
  void addPlan(Map<String, Object> model, long caseId, Optional<PlanView> plan) {
    model.put("youthOwnWords", plan.map(PlanView::youthOwnWords).map(LetterContent::blankToNull).orElse(null));
    model.put("planDate", plan.map(p -> date(p.createdAt())).orElse(null));
    model.put("goals", plan.map(p -> p.goals().stream().map(g -> new PlanGoalLine(g.title(),
        blankToNull(g.successCriterion()), blankToNull(g.owner()),
        g.targetDate() == null ? null : DATE.format(g.targetDate()), g.youthOwn(),
        g.subGoals().stream().map(PlanView.SubGoalView::title).toList())).toList()).orElse(List.of()));
    model.put("nextMeeting", deadlines.forCase(caseId).stream()
        .filter(d -> d.kind() == DeadlineKind.NETWORK_MEETING && d.metAt() == null && d.cancelledAt() == null)
        .map(DeadlineView::dueAt).min(Comparator.naturalOrder()).map(this::date).orElse(null));
  }

  String date(TemporalAccessor at) {
    return at instanceof Instant i ? DATE.format(i.atZone(clock.getZone())) : DATE.format(at);
  }


  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The notifier as a receipt names them: name and organisation on two lines, or whichever is given. */
  static String notifierLine(String name, String organisation) {
    String n = blankToNull(name);
    String o = blankToNull(organisation);
    if (n != null && o != null) {
      return n + "\n" + o;
    }
    return n != null ? n : (o != null ? o : "Underretteren");
  }
}
