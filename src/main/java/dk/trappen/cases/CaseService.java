package dk.trappen.cases;

import dk.trappen.common.ControlCharacters;
import dk.trappen.common.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Opens, finds and closes youth cases; keeps who has handled each case. */
@Service("youthCaseService")
@Transactional(readOnly = true)
public class CaseService {

  private final CaseRepository cases;
  private final ChildRepository children;
  private final CaseHandlerRepository handlers;
  private final Clock clock;

  CaseService(CaseRepository cases, ChildRepository children, CaseHandlerRepository handlers, Clock clock) {
    this.cases = cases;
    this.children = children;
    this.handlers = handlers;
    this.clock = clock;
  }

  /** Opens a case for the child (registering the child on first sight); its number is year-sequence. */
  @Transactional
  public CaseRef openCase(ChildData data, String teamCode, Instant awareAt) {
    Child child = children.findByCpr(data.cpr()).orElseGet(() -> {
      Child c = new Child();
      c.setCpr(data.cpr());
      return c;
    });
    child.setFirstName(data.firstName());
    child.setLastName(data.lastName());
    child.setBirthDate(data.birthDate());
    children.save(child);
    YouthCase c = new YouthCase();
    c.setChild(child);
    c.setTeamCode(teamCode);
    c.setStatus(CaseStatus.OPEN);
    c.setAwareAt(awareAt);
    c.setOpenedAt(clock.instant());
    cases.saveAndFlush(c);
    int year = c.getOpenedAt().atZone(clock.getZone())
        .getYear();
    c.setCaseNumber(String.format("%d-%06d", year, c.getId()));
    return CaseRef.of(c);
  }

  /**
   * Registers the child on first sight, in a transaction of its own, so that {@link #lockChild} has a row to lock.
   * The CPR number is unique in the database: of two first notifications about a new child sent at once, one insert
   * wins and the other fails; the caller of the loser finds the winner's row and goes on (see
   * {@code IntakeService.register}). Nothing is changed for a child already registered.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void registerChild(ChildData data) {
    if (children.findByCpr(data.cpr()).isEmpty()) {
      Child c = new Child();
      c.setCpr(data.cpr());
      c.setFirstName(data.firstName());
      c.setLastName(data.lastName());
      c.setBirthDate(data.birthDate());
      children.saveAndFlush(c);
    }
  }

  /** Whether the child is registered (for the loser of a race to register it). */
  public boolean childRegistered(String cpr) {
    return children.findByCpr(cpr).isPresent();
  }

  /**
   * Locks the child's row until the current transaction ends ({@code select ... for update}): whoever holds it decides
   * alone whether the child has an open case, so two notifications about one child at once give one open case (the
   * second waits, then finds the first's case and joins it). Returns false if the child is not registered.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean lockChild(String cpr) {
    return children.lockByCpr(cpr).isPresent();
  }

  @Transactional
  public void attachProcess(long caseId, String processInstanceId) {
    entity(caseId).setProcessInstanceId(processInstanceId);
  }

  public Optional<CaseRef> openCaseOfChild(String cpr) {
    return cases.findByChildCprAndStatus(cpr, CaseStatus.OPEN).stream().findFirst().map(CaseRef::of);
  }

  public List<CaseRef> casesOfChild(String cpr) {
    return cases.findByChildCprOrderByOpenedAtDesc(cpr).stream().map(CaseRef::of).toList();
  }

  public CaseRef get(String caseNumber) {
    if (ControlCharacters.present(caseNumber)) {
      // no case has such a number, and PostgreSQL cannot even be asked for one with a NUL in it
      throw new NotFoundException("no such case");
    }
    return cases.findByCaseNumber(caseNumber).map(CaseRef::of)
        .orElseThrow(() -> new NotFoundException("no case " + caseNumber));
  }

  /** The cases with these numbers, by number (for lists). */
  public java.util.Map<String, CaseRef> byNumbers(java.util.Collection<String> caseNumbers) {
    java.util.Map<String, CaseRef> found = new java.util.HashMap<>();
    if (!caseNumbers.isEmpty()) {
      cases.findByCaseNumberIn(caseNumbers).forEach(c -> found.put(c.getCaseNumber(), CaseRef.of(c)));
    }
    return found;
  }

  public CaseRef get(long caseId) {
    return CaseRef.of(entity(caseId));
  }

  public CaseClosure closure(long caseId) {
    YouthCase c = entity(caseId);
    return new CaseClosure(c.getOpenedAt(), c.getClosedAt(), c.getClosureReason(), c.getClosureNote());
  }

  public record CaseClosure(Instant openedAt, Instant closedAt, ClosureReason reason, String note) {
  }

  @Transactional
  public void assignCaseworker(long caseId, String username) {
    entity(caseId).setCaseworker(username);
  }

  /** Makes the user the case's caseworker if it has none yet (the first caseworker to work it owns it). */
  @Transactional
  public void takeIfUnassigned(long caseId, String username) {
    YouthCase c = entity(caseId);
    if (c.getCaseworker() == null) {
      c.setCaseworker(username);
    }
  }

  @Transactional
  public void close(long caseId, ClosureReason reason, String note) {
    YouthCase c = entity(caseId);
    if (c.getStatus() == CaseStatus.CLOSED) {
      return;
    }
    c.setStatus(CaseStatus.CLOSED);
    c.setClosedAt(clock.instant());
    c.setClosureReason(reason);
    c.setClosureNote(note);
  }

  @Transactional
  public void recordHandler(long caseId, String username) {
    CaseHandler.Key key = new CaseHandler.Key(caseId, username);
    if (!handlers.existsById(key)) {
      handlers.save(new CaseHandler(key));
    }
  }

  public boolean hasHandled(long caseId, String username) {
    return handlers.existsById(new CaseHandler.Key(caseId, username));
  }

  /** The open cases of a team, by case number. */
  public List<CaseRef> openCasesOfTeam(String teamCode) {
    return cases.findByTeamCodeAndStatusOrderByCaseNumberAsc(teamCode, CaseStatus.OPEN).stream().map(CaseRef::of)
        .toList();
  }

  /** One page of the open cases of a team, by case number (the database orders, limits and counts). */
  public Page<CaseRef> openCasesOfTeam(String teamCode, Pageable page) {
    return cases.findByTeamCodeAndStatus(teamCode, CaseStatus.OPEN, page).map(CaseRef::of);
  }

  /**
   * One page of the cases that meet the criteria, in the criteria's order (the database filters, orders, limits and
   * counts; see {@link CaseSpecifications}). Who may see what is the caller's: it sets the teams.
   */
  public Page<CaseListing> search(CaseSearchCriteria criteria, int page, int size) {
    return cases.findAll(CaseSpecifications.matching(criteria),
        PageRequest.of(page, size, CaseSpecifications.sort(criteria.order()))).map(CaseListing::of);
  }

  /** Every case of these children, newest first. */
  public List<CaseListing> casesOfChildren(Collection<Long> childIds) {
    return childIds.isEmpty() ? List.of()
        : cases.findByChildIdIn(childIds).stream().map(CaseListing::of).toList();
  }

  /** These cases as lists show them, by the child's name. */
  public List<CaseListing> listings(Collection<Long> caseIds) {
    return caseIds.isEmpty() ? List.of()
        : cases.findByIdInWithChild(caseIds).stream().map(CaseListing::of).toList();
  }

  public long countOpen() {
    return cases.countByStatus(CaseStatus.OPEN);
  }

  private YouthCase entity(long caseId) {
    return cases.findById(caseId).orElseThrow(() -> new NotFoundException("no case with id " + caseId));
  }
}
