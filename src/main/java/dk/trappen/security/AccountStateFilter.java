package dk.trappen.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.org.OrgService;
import dk.trappen.org.StaffUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The state of a signed-in staff user's account, checked on every request, on every node: a user deactivated (or
 * removed) since they signed in has their session ended and is sent to the sign-in page; a user who must choose a new
 * password (the first administrator, after a reset) gets only the page for that ({@code /account/password}), and over
 * the API a 403 problem {@code password-change-required}. Sign-in itself refuses a deactivated user (the user details
 * are disabled).
 */
class AccountStateFilter extends OncePerRequestFilter {

  static final String PASSWORD_PAGE = "/account/password";
  // the keep-alive too: static/js/session.js asks it before every submit, and a redirect there reads as a session
  // that ended, so the password form itself could never be sent
  private static final List<String> OPEN = List.of(PASSWORD_PAGE, "/session/keep-alive", "/logout", "/login",
      "/error", "/css/", "/js/", "/webjars/", "/favicon.ico");

  private final OrgService org;
  private final ObjectMapper json;
  private final boolean api;

  AccountStateFilter(OrgService org, ObjectMapper json, boolean api) {
    this.org = org;
    this.json = json;
    this.api = api;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
        || "METRICS".equals(SignInAudit.role(auth))) {
      chain.doFilter(request, response);
      return;
    }
    Optional<StaffUser> user = org.credentials(auth.getName());
    if (user.isEmpty() || !user.get().isActive()) {
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      if (api) {
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      } else {
        response.sendRedirect(request.getContextPath() + "/login?ended");
      }
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (user.get().isMustChangePassword() && OPEN.stream().noneMatch(path::startsWith)) {
      if (api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://trappen.dk/problems/password-change-required");
        body.put("title", "Password change required");
        body.put("status", 403);
        body.put("detail", "Choose a new password at " + PASSWORD_PAGE + " before using the API.");
        body.put("instance", path);
        response.setStatus(403);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
      } else {
        response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
      }
      return;
    }
    chain.doFilter(request, response);
  }
}
