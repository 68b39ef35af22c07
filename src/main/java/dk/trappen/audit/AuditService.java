package dk.trappen.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records and reads the audit. A read is recorded even when the surrounding work later fails, and so is a refusal
 * (the refused request rolls back; its row stays). Text that reaches a row is cleaned: control characters become
 * {@code ?} and anything shaped like a CPR number is masked, so a CPR number typed into a user name or a URL is never
 * stored.
 */
@Service
public class AuditService {

  /** An audit row as views and exports show it. */
  public record AuditView(Instant at, String username, String role, String caseNumber, AuditAction action,
                          String what, String source, String reason) {
    static AuditView of(AuditEntry e) {
      return new AuditView(e.getAt(), e.getUsername(), e.getRole(), e.getCaseNumber(), e.getAction(), e.getWhat(),
          e.getSource(), e.getReason());
    }
  }

  /** Ten digits, with or without the dash after the sixth: the shape of a CPR number. */
  private static final Pattern CPR_LIKE = Pattern.compile("(?<!\\d)\\d{6}-?\\d{4}(?!\\d)");

  private final AuditRepository audit;
  private final Clock clock;

  AuditService(AuditRepository audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String username, String role, Long caseId, String caseNumber, AuditAction action, String what) {
    save(username, role, caseId, caseNumber, action, what, source(), null, null);
  }

  /**
   * The same work on several cases at once (a search listing cases: caseId -> caseNumber), one row per case, written
   * in one transaction of its own: a page of 50 is one commit, not 50.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordEach(String username, String role, java.util.Map<Long, String> cases, AuditAction action,
      String what) {
    String source = source();
    cases.forEach((id, number) -> save(username, role, id, number, action, what, source, null, null));
  }

  /**
   * A refused read, write or export of a case (with the case and its team, so that the case's team leader sees it)
   * or of something without a case (caseId, caseNumber and teamCode null); {@code reason} is the refusal's code.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void refused(String username, String role, Long caseId, String caseNumber, String teamCode, String what,
      String reason) {
    save(username, role, caseId, caseNumber, AuditAction.REFUSED, what, source(), reason, teamCode);
  }

  /** Work without a case: an export of figures or of the audit, an unlock of a sign-in. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordWithoutCase(String username, String role, AuditAction action, String what, String reason) {
    save(username, role, null, null, action, what, source(), reason, null);
  }

  /**
   * A sign-in ({@link AuditAction#SIGN_IN}) or a failed one ({@link AuditAction#SIGN_IN_FAILED}) from the client
   * address {@code source}; never the password.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void signIn(String username, String role, AuditAction action, String what, String reason, String source) {
    if (action != AuditAction.SIGN_IN && action != AuditAction.SIGN_IN_FAILED) {
      throw new IllegalArgumentException("not a sign-in: " + action);
    }
    save(username, role, null, null, action, what, source == null ? source() : source, reason, null);
  }

  @Transactional(readOnly = true)
  public List<AuditView> ofCase(long caseId) {
    return audit.findByCaseIdOrderByAtDescIdDesc(caseId).stream().map(AuditView::of).toList();
  }

  @Transactional(readOnly = true)
  public List<AuditView> between(Instant from, Instant to) {
    return audit.findByAtGreaterThanEqualAndAtLessThanOrderByAtAscIdAsc(from, to).stream().map(AuditView::of).toList();
  }

  /** The refused attempts on the team's cases within the last {@code period}, newest first, at most {@code max}. */
  @Transactional(readOnly = true)
  public List<AuditView> refusalsOnTeamCases(String teamCode, Duration period, int max) {
    return audit.findByTeamCodeAndActionAndAtGreaterThanEqualOrderByAtDescIdDesc(teamCode, AuditAction.REFUSED,
        clock.instant().minus(period), Limit.of(max)).stream().map(AuditView::of).toList();
  }

  @Transactional(readOnly = true)
  public long count() {
    return audit.count();
  }

  @Transactional(readOnly = true)
  public long count(AuditAction action) {
    return audit.countByAction(action);
  }

  private void save(String username, String role, Long caseId, String caseNumber, AuditAction action, String what,
      String source, String reason, String teamCode) {
    audit.save(new AuditEntry(clock.instant(), clean(username == null || username.isBlank() ? "-" : username, 80),
        role, caseId, caseNumber, action, clean(what, 300), clean(source, 100), clean(reason, 200), teamCode));
  }

  /** Where the request came from: the client address (the proxy's X-Forwarded-For is not trusted here). */
  private static String source() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return "process";
  }

  /** The text without control characters and CPR-shaped numbers, at most {@code max} characters. */
  public static String clean(String s, int max) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(Math.min(s.length(), max));
    for (int i = 0; i < s.length() && sb.length() < max; i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) ? '?' : c);
    }
    return CPR_LIKE.matcher(sb).replaceAll("**********");
  }
}
