package dk.trappen.web;

import dk.trappen.org.OrgService;
import dk.trappen.org.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in staff member into every page's model for the layout's header, and tells a signed-in page how
 * long its session lives without activity and when to warn before it ends (for static/js/session.js).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

  /** The session's idle timeout and how long before its end the page warns, in seconds. */
  record SessionTimes(long timeoutSeconds, long warnSeconds) {
  }

  private final OrgService org;
  private final Duration warnBefore;

  LayoutModel(OrgService org, @Value("${trappen.session.warn-before:2m}") Duration warnBefore) {
    this.org = org;
    this.warnBefore = warnBefore;
  }

  @ModelAttribute("me")
  StaffMember me(HttpServletRequest request) {
    if (request.getAttribute(StorageFaultFilter.STORAGE_FAULT) != null) {
      return null; // the error page of a storage fault reads nothing from the database
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
      return null;
    }
    return org.member(auth.getName()).orElse(null);
  }

  /** The current session's times; none without a session or with a session that never ends. */
  @ModelAttribute("sessionTimes")
  SessionTimes sessionTimes(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || session.getMaxInactiveInterval() <= 0) {
      return null;
    }
    long timeout = session.getMaxInactiveInterval();
    return new SessionTimes(timeout, Math.max(0, Math.min(warnBefore.toSeconds(), timeout)));
  }
}
