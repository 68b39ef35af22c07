package dk.trappen.casefile;

import dk.trappen.cases.CaseListing;
import dk.trappen.cases.CaseSearchCriteria;
import dk.trappen.cases.CaseSearchCriteria.CaseOrder;
import dk.trappen.cases.CaseService;
import dk.trappen.cases.CaseStatus;
import dk.trappen.common.ControlCharacters;
import dk.trappen.common.InvalidInputException;
import dk.trappen.common.Paging;
import dk.trappen.common.Problem;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import dk.trappen.org.Team;
import dk.trappen.parties.PartiesService;
import dk.trappen.security.CaseAccess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The case search and the case lists (docs/design.md#case-file): by CPR number (with or without the dash), case
 * number (exact, or its beginning) or the child's name (contained, any case), open and closed, within what the reader
 * may see: a caseworker, team leader or head the cases of their teams, intake every case as its intake view allows
 * (and only when it searches: no list of every case), an administrator nothing. Each row names the child's other
 * cases and its siblings' cases (children sharing a custody holder) that the reader may see. Each search is audited through
 * {@link CaseAccess#recordSearch}: a row per case shown, or one row without a case; never the text typed.
 */
@Service
public class CaseSearch {

  /** Ten digits, the dash after the sixth or not (spaces are ignored). */
  private static final Pattern CPR = Pattern.compile("(\\d{6})-?(\\d{4})");
  /** A case number's beginning: the year, and perhaps the dash and some of the sequence. */
  private static final Pattern CASE_NUMBER = Pattern.compile("\\d{4}(-\\d*)?");
  /** A whole case number: found exactly. */
  private static final Pattern WHOLE_CASE_NUMBER = Pattern.compile("\\d{4}-\\d{6,}");
  public static final int MAX_QUERY = 100;
  public static final Map<String, CaseOrder> SORTS = Map.of("caseNumber", CaseOrder.CASE_NUMBER,
      "child", CaseOrder.CHILD, "opened", CaseOrder.OPENED);

  /** What is asked: the text (or none), only the reader's own cases, open or closed, the order and the page. */
  public record Request(String query, boolean mine, CaseStatus status, CaseOrder order, Pageable page) {

    /** The API's request: anything that cannot be read is refused, every field named at once. */
    public static Request strict(String query, String mine, String status, String sort, String page, String size) {
      List<Problem> problems = new ArrayList<>();
      String q = query == null ? "" : query.strip();
      if (q.length() > MAX_QUERY) {
        problems.add(Problem.of("query", "problem.tooLong", MAX_QUERY));
      } else if (ControlCharacters.present(q)) {
        problems.add(Problem.of("query", ControlCharacters.PROBLEM));
      }
      Boolean onlyMine = blank(mine) ? Boolean.FALSE : switch (mine.strip().toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> null;
      };
      if (onlyMine == null) {
        problems.add(Problem.of("mine", "problem.caseSearch.mine"));
      }
      CaseStatus st = status(status);
      if (!blank(status) && st == null) {
        problems.add(Problem.of("status", "problem.caseSearch.status"));
      }
      CaseOrder order = blank(sort) ? CaseOrder.OPENED : SORTS.get(sort.strip());
      if (order == null) {
        problems.add(Problem.of("sort", "problem.caseSearch.sort"));
      }
      Pageable paging = null;
      try {
        paging = Paging.of(page, size);
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
      if (!problems.isEmpty()) {
        throw InvalidInputException.of(problems);
      }
      return new Request(q, onlyMine, st, order, paging);
    }

    /** A page's request: what cannot be read is left out (the whole list, first page, newest first). */
    public static Request lenient(String query, String mine, String status, String sort, String page) {
      String q = query == null ? "" : query.strip();
      if (q.length() > MAX_QUERY || ControlCharacters.present(q)) {
        q = q.substring(0, Math.min(q.length(), MAX_QUERY)).replaceAll("\\p{Cntrl}", "");
      }
      CaseOrder order = blank(sort) ? CaseOrder.OPENED : SORTS.getOrDefault(sort.strip(), CaseOrder.OPENED);
      return new Request(q, "true".equalsIgnoreCase(mine == null ? "" : mine.strip()), status(status), order,
          Paging.lenient(page));
    }

    private static CaseStatus status(String status) {
      if (blank(status)) {
        return null;
      }
      try {
        return CaseStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  private final CaseService cases;
  private final CaseAccess access;
  private final OrgService org;
  private final PartiesService parties;

  CaseSearch(CaseService cases, CaseAccess access, OrgService org, PartiesService parties) {
    this.cases = cases;
    this.parties = parties;
    this.access = access;
    this.org = org;
  }

  /** Whether intake must type something before anything is listed (intake gets no list of every case). */
  public static boolean needsQuery(StaffMember user, Request request) {
    return user.role() == Role.INTAKE && request.query().isEmpty();
  }

  /**
   * One page of the cases the user may see that match, each row as the user's level allows, with the child's other
   * cases; audited as read from {@code channel} ("api", "page"). An administrator is refused (403).
   */
  public Page<CaseListRow> search(StaffMember user, Request request, String channel) {
    if (user.role() == Role.ADMIN) {
      throw new AccessDeniedException("an administrator reads no case");
    }
    if (needsQuery(user, request)) {
      return Page.empty(request.page());
    }
    String q = request.query();
    String compact = q.replaceAll("\\s+", "");
    Matcher cpr = CPR.matcher(compact);
    String kind;
    String byCpr = null;
    String byNumber = null;
    String byName = null;
    if (cpr.matches()) {
      kind = "cpr";
      byCpr = cpr.group(1) + cpr.group(2);
    } else if (CASE_NUMBER.matcher(compact).matches()) {
      kind = "case number";
      byNumber = compact;
    } else if (!q.isEmpty()) {
      kind = "name";
      byName = q.replaceAll("\\s+", " ");
    } else {
      kind = "list";
    }
    String what = channel + ": case search by " + kind;
    List<String> teams = user.role() == Role.INTAKE ? null : user.teams();
    if (teams != null && teams.isEmpty()) {
      access.recordSearch(user, List.of(), what);
      return Page.empty(request.page());
    }
    CaseSearchCriteria criteria = new CaseSearchCriteria(teams, byCpr, byNumber,
        byNumber != null && !WHOLE_CASE_NUMBER.matcher(byNumber).matches(), byName,
        request.mine() ? user.username() : null, request.status(), request.order());
    Page<CaseListing> found = cases.search(criteria, request.page().getPageNumber(), request.page().getPageSize());
    Map<Long, List<CaseListing>> ofChild = new HashMap<>();
    for (CaseListing c : cases.casesOfChildren(found.getContent().stream().map(CaseListing::childId)
        .distinct().toList())) {
      if (CaseAccess.level(user, c.teamCode()) != CaseAccess.Level.NONE) {
        ofChild.computeIfAbsent(c.childId(), k -> new ArrayList<>()).add(c);
      }
    }
    Map<Long, List<CaseListing>> siblings = siblings(user, found.getContent());
    Map<Long, CaseListing> shown = new LinkedHashMap<>();
    found.forEach(c -> shown.put(c.id(), c));
    ofChild.values().forEach(list -> list.forEach(c -> shown.putIfAbsent(c.id(), c)));
    siblings.values().forEach(list -> list.forEach(c -> shown.putIfAbsent(c.id(), c)));
    access.recordSearch(user, shown.values(), what);
    boolean full = user.role() != Role.INTAKE;
    Map<String, String> teamNames = new HashMap<>();
    List<CaseListRow> rows = found.getContent().stream().map(c -> new CaseListRow(c.caseNumber(), c.childName(),
        c.childBirthDate(), c.status(), c.teamCode(),
        teamNames.computeIfAbsent(c.teamCode(), t -> org.team(t).map(Team::getName).orElse(t)),
        full ? c.caseworker() : null, c.openedAt(), c.closedAt(),
        ofChild.getOrDefault(c.childId(), List.of()).stream().filter(o -> o.id() != c.id())
            .map(o -> new CaseListRow.OtherCase(o.caseNumber(), o.status(), o.teamCode())).toList(),
        siblings.getOrDefault(c.id(), List.of()).stream().map(o -> new CaseListRow.Sibling(o.childName(),
            o.caseNumber(), o.status(), o.teamCode())).toList())).toList();
    return new PageImpl<>(rows, PageRequest.of(found.getNumber(), found.getSize()), found.getTotalElements());
  }

  /**
   * For each found case, the cases of other children that share a custody holder with it and that the user may see
   * (two queries for the whole page, whatever its size).
   */
  private Map<Long, List<CaseListing>> siblings(StaffMember user, List<CaseListing> found) {
    Map<Long, Set<Long>> sharing = parties.casesSharingCustodyHolder(found.stream().map(CaseListing::id).toList());
    if (sharing.isEmpty()) {
      return Map.of();
    }
    Map<Long, CaseListing> byId = new HashMap<>();
    cases.listings(sharing.values().stream().flatMap(Set::stream).collect(Collectors.toSet())).stream()
        .filter(c -> CaseAccess.level(user, c.teamCode()) != CaseAccess.Level.NONE)
        .forEach(c -> byId.put(c.id(), c));
    Map<Long, List<CaseListing>> out = new HashMap<>();
    for (CaseListing c : found) {
      List<CaseListing> of = sharing.getOrDefault(c.id(), Set.of()).stream().map(byId::get)
          .filter(o -> o != null && o.childId() != c.childId())
          .sorted(Comparator.comparing(CaseListing::childName).thenComparing(CaseListing::caseNumber)).toList();
      if (!of.isEmpty()) {
        out.put(c.id(), of);
      }
    }
    return out;
  }
}
