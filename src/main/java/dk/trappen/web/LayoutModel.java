package dk.trappen.web;

import dk.trappen.bell.BellService;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import dk.trappen.org.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in staff member into every page's model for the layout's header, and tells a signed-in page how
 * long its session lives without activity and when to warn before it ends (for static/js/session.js), and whether the
 * demo clock's page exists (the {@code demo} profile) for the administrator's navigation, and the count of the
 * header's bell (for everyone but an administrator: {@link BellService#newCount}).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

  /** The session's idle timeout and how long before its end the page warns, in seconds. */
  record SessionTimes(long timeoutSeconds, long warnSeconds) {
  }

  private static final String SIGNED_IN = LayoutModel.class.getName() + ".signedIn";

  private final OrgService org;
  private final BellService bell;
  private final Duration warnBefore;
  private final boolean demoClock;

  LayoutModel(OrgService org, BellService bell, @Value("${trappen.session.warn-before:2m}") Duration warnBefore,
      Environment environment) {
    this.org = org;
    this.bell = bell;
    this.warnBefore = warnBefore;
    this.demoClock = environment.matchesProfiles("demo");
  }

  /** Whether /admin/clock exists: DemoClockPageController is there in the demo profile only. */
  @ModelAttribute("demoClock")
  boolean demoClock() {
    return demoClock;
  }

  @ModelAttribute("me")
  StaffMember me(HttpServletRequest request) {
    return signedIn(request);
  }

  /** The names of the signed-in user's teams, for the header ("Team Nord, Team Syd"); empty without teams. */
  @ModelAttribute("myTeams")
  String myTeams(HttpServletRequest request) {
    StaffMember me = signedIn(request);
    return me == null ? "" : me.teams().stream().map(code -> org.team(code).map(t -> t.getName()).orElse(code))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * How many items of the header's bell are new; null (no bell) for an administrator, without a signed-in user, and
   * for what renders no header: a form's POST (answered by a redirect or the form again, whose header needs no fresh
   * count) and an htmx fragment.
   */
  @ModelAttribute("bellCount")
  Long bellCount(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null) {
      return null;
    }
    StaffMember me = signedIn(request);
    return me == null || me.role() == Role.ADMIN ? null : bell.newCount(me);
  }

  private StaffMember signedIn(HttpServletRequest request) {
    if (request.getAttribute(StorageFaultFilter.STORAGE_FAULT) != null) {
      return null; // the error page of a storage fault reads nothing from the database
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
      return null;
    }
    // read once per request: the header asks for the user and for their teams' names
    if (request.getAttribute(SIGNED_IN) instanceof StaffMember known && known.username().equals(auth.getName())) {
      return known;
    }
    StaffMember member = org.member(auth.getName()).orElse(null);
    request.setAttribute(SIGNED_IN, member);
    return member;
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
