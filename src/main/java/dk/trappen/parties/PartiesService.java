package dk.trappen.parties;

import dk.trappen.cases.CaseRef;
import dk.trappen.common.CprNumber;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parties of a case and their consents, with plain values (the case as {@link CaseRef}, the user's name). The
 * caller has been let through {@code security.CaseAccess} for the case first; the rules are {@link PartyPolicy}'s,
 * every problem at once, and a refused write stores nothing. Never logs a CPR number, a name or an address.
 */
@Service
public class PartiesService {

  private static final Logger log = LoggerFactory.getLogger(PartiesService.class);

  /**
   * The custody holders of a case as letters address them, in the order they were added: a protected address is left
   * out (null), the CPR number is whole, for Digital Post.
   */
  @Transactional(readOnly = true)
  public List<LetterAddressee> custodyHolderAddressees(long caseId) {
    return parties.findByCaseIdOrderByIdAsc(caseId).stream().filter(Party::isCustody).map(LetterAddressee::of)
        .toList();
  }

  /** The custody holders of a case with their newest consent record (null when they have none). */
  public record CustodyConsent(long partyId, String name, PartyRole role, ConsentView latest) {
  }

  private final PartyRepository parties;
  private final ConsentRepository consents;
  private final PartyPolicy policy;
  private final Clock clock;

  PartiesService(PartyRepository parties, ConsentRepository consents, PartyPolicy policy, Clock clock) {
    this.parties = parties;
    this.consents = consents;
    this.policy = policy;
    this.clock = clock;
  }

  /** The parties of the case in the order they were added, each with its consents newest first. */
  @Transactional(readOnly = true)
  public List<PartyView> parties(long caseId) {
    Map<Long, List<ConsentView>> byParty = consents.findByCaseIdOrderByIdAsc(caseId).stream().map(ConsentView::of)
        .sorted(Comparator.comparing(ConsentView::happenedAt).thenComparing(ConsentView::id).reversed())
        .collect(Collectors.groupingBy(ConsentView::partyId));
    return parties.findByCaseIdOrderByIdAsc(caseId).stream()
        .map(p -> view(p, byParty.getOrDefault(p.getId(), List.of()))).toList();
  }

  /** The case's custody holders (a party with custody) and the newest consent record of each. */
  @Transactional(readOnly = true)
  public List<CustodyConsent> custodyConsents(long caseId) {
    return parties(caseId).stream().filter(PartyView::custody)
        .map(p -> new CustodyConsent(p.id(), p.name(), p.role(), p.latestConsent())).toList();
  }

  /**
   * For each of these cases, the other cases that share a custody holder with it (the same CPR number on a party with
   * custody in both): the cases of the child's siblings and half-siblings, and the child's own other cases when their
   * custody holders were recorded there too. Cases without such a match are left out.
   */
  @Transactional(readOnly = true)
  public Map<Long, Set<Long>> casesSharingCustodyHolder(Collection<Long> caseIds) {
    if (caseIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, Set<Long>> shared = new HashMap<>();
    for (Object[] pair : parties.casesSharingCustodyHolder(caseIds)) {
      shared.computeIfAbsent((Long) pair[0], k -> new TreeSet<>()).add((Long) pair[1]);
    }
    return shared;
  }

  /** Adds a party to the case; refused with every problem at once, storing nothing. */
  @Transactional
  public PartyView add(CaseRef c, NewParty in, String user) {
    refuseUnless(policy.problems(in));
    PartyRole role = PartyRole.valueOf(in.role());
    Party p = new Party();
    p.setCaseId(c.id());
    p.setCaseNumber(c.caseNumber());
    p.setRole(role);
    p.setName(in.name().strip());
    // a custody holder holds custody by definition; a mother or father may or may not
    p.setCustody(role == PartyRole.CUSTODY_HOLDER || Boolean.TRUE.equals(in.custody()));
    p.setCpr(stripped(in.cpr()));
    p.setAddress(stripped(in.address()));
    p.setPhone(stripped(in.phone()));
    p.setEmail(stripped(in.email()));
    p.setProtectedAddress(Boolean.TRUE.equals(in.protectedAddress()));
    p.setCreatedAt(clock.instant());
    p.setCreatedBy(user);
    parties.saveAndFlush(p);
    log.info("Party {} ({}) added to case {} by {}", p.getId(), role, c.caseNumber(), user);
    return view(p, List.of());
  }

  /** Records a consent given or withdrawn by a party of the case; refused with every problem at once. */
  @Transactional
  public ConsentView record(CaseRef c, NewConsent in, String user) {
    Set<Long> ofCase = parties.findByCaseIdOrderByIdAsc(c.id()).stream().map(Party::getId)
        .collect(Collectors.toSet());
    refuseUnless(policy.problems(in, ofCase));
    Consent consent = new Consent();
    consent.setCaseId(c.id());
    consent.setPartyId(in.partyId());
    consent.setPurpose(in.purpose().strip());
    consent.setState(ConsentState.valueOf(in.state()));
    consent.setHappenedAt(in.happenedAt());
    consent.setDocumentation(ConsentDocumentation.valueOf(in.documentation()));
    consent.setNote(stripped(in.note()));
    consent.setRecordedAt(clock.instant());
    consent.setRecordedBy(user);
    consents.saveAndFlush(consent);
    log.info("Consent {} ({}) of party {} recorded on case {} by {}", consent.getId(), consent.getState(),
        in.partyId(), c.caseNumber(), user);
    return ConsentView.of(consent);
  }

  private static PartyView view(Party p, List<ConsentView> consents) {
    return new PartyView(p.getId(), p.getCaseNumber(), p.getRole(), p.getName(), p.isCustody(),
        CprNumber.masked(p.getCpr()), p.isProtectedAddress() ? null : p.getAddress(), p.isProtectedAddress(),
        p.getPhone(), p.getEmail(), p.getCreatedAt(), p.getCreatedBy(), new ArrayList<>(consents));
  }

  private static String stripped(String value) {
    return PartyPolicy.present(value) ? value.strip() : null;
  }

  private static void refuseUnless(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(problems);
    }
  }
}
