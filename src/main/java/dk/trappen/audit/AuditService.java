package dk.trappen.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records and reads the audit. A read is recorded even when the surrounding work later fails. */
@Service
public class AuditService {

  /** An audit row as views and exports show it. */
  public record AuditView(Instant at, String username, String role, String caseNumber, AuditAction action,
                          String what, String source) {
    static AuditView of(AuditEntry e) {
      return new AuditView(e.getAt(), e.getUsername(), e.getRole(), e.getCaseNumber(), e.getAction(), e.getWhat(),
          e.getSource());
    }
  }

  private final AuditRepository audit;
  private final Clock clock;

  AuditService(AuditRepository audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String username, String role, Long caseId, String caseNumber, AuditAction action, String what) {
    audit.save(new AuditEntry(clock.instant(), username, role, caseId, caseNumber, action, truncate(what, 300),
        truncate(source(), 100)));
  }

  @Transactional(readOnly = true)
  public List<AuditView> ofCase(long caseId) {
    return audit.findByCaseIdOrderByAtDesc(caseId).stream().map(AuditView::of).toList();
  }

  @Transactional(readOnly = true)
  public List<AuditView> between(Instant from, Instant to) {
    return audit.findByAtGreaterThanEqualAndAtLessThanOrderByAtAsc(from, to).stream().map(AuditView::of).toList();
  }

  @Transactional(readOnly = true)
  public long count() {
    return audit.count();
  }

  /** Where the request came from: the client address (the proxy's X-Forwarded-For is not trusted here). */
  private static String source() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return "process";
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
