package dk.trappen.cases;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The case search as a JPA query with only the criteria asked for, so that the database plans each shape on its own
 * (a CPR number by the unique index on {@code child.cpr}, a case number by the unique index on
 * {@code youth_case.case_number}, a team's list by {@code ix_youth_case_team}) rather than one query with
 * "or :x is null" for every criterion. The child is fetched in the same statement, except in the count.
 */
final class CaseSpecifications {

  private static final char ESCAPE = '\\';

  private CaseSpecifications() {
  }

  static Specification<YouthCase> matching(CaseSearchCriteria q) {
    return (root, query, cb) -> {
      Join<YouthCase, Child> child;
      if (query.getResultType() == Long.class || query.getResultType() == long.class) {
        child = root.join("child");
      } else {
        @SuppressWarnings("unchecked")
        Join<YouthCase, Child> fetched = (Join<YouthCase, Child>) root.<YouthCase, Child>fetch("child");
        child = fetched;
      }
      List<Predicate> where = new ArrayList<>();
      if (q.teams() != null) {
        where.add(root.get("teamCode").in(q.teams()));
      }
      if (q.status() != null) {
        where.add(cb.equal(root.get("status"), q.status()));
      }
      if (q.caseworker() != null) {
        where.add(cb.equal(root.get("caseworker"), q.caseworker()));
      }
      if (q.cpr() != null) {
        where.add(cb.equal(child.get("cpr"), q.cpr()));
      }
      if (q.caseNumber() != null) {
        where.add(q.caseNumberPrefix()
            ? cb.like(root.get("caseNumber"), escape(q.caseNumber()) + "%", ESCAPE)
            : cb.equal(root.get("caseNumber"), q.caseNumber()));
      }
      if (q.name() != null) {
        where.add(cb.like(fullName(cb, child), "%" + escape(q.name().toLowerCase(Locale.ROOT)) + "%", ESCAPE));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }

  static Sort sort(CaseSearchCriteria.CaseOrder order) {
    return switch (order) {
      case CASE_NUMBER -> Sort.by("caseNumber");
      case CHILD -> Sort.by("child.lastName", "child.firstName", "caseNumber");
      case OPENED -> Sort.by(Sort.Direction.DESC, "openedAt", "id");
    };
  }

  private static Expression<String> fullName(CriteriaBuilder cb, Join<YouthCase, Child> child) {
    return cb.lower(cb.concat(cb.concat(child.get("firstName"), " "), child.get("lastName")));
  }

  /** The text with LIKE's wildcards taken literally. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
