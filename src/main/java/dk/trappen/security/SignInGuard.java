package dk.trappen.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.audit.AuditService;
import dk.trappen.common.StorageFaults;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

/**
 * What the filter chains of {@link SecurityConfiguration} need for the audit of refusals and sign-ins and for slowing
 * brute force: the lock check before the password ({@link #lockCheck()}), the answers to a locked or failed sign-in
 * on the form ({@link #formFailure()}) and over HTTP Basic ({@link #basicEntryPoint()}), the recording of refused
 * requests ({@link #refusals()}), and an event publisher that publishes every failed sign-in.
 */
@Configuration
class SignInGuard {

  private static final String PROBLEM_JSON = "application/problem+json";

  private final SignInThrottle throttle;
  private final AuditService audit;
  private final ObjectMapper json;
  private final Clock clock;

  SignInGuard(SignInThrottle throttle, AuditService audit, ObjectMapper json, Clock clock) {
    this.throttle = throttle;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** Publishes a failure event for every failed sign-in, also those Spring Security has no event of its own for. */
  @Bean
  static AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
    DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
    publisher.setDefaultAuthenticationFailureEvent(SignInFailureEvent.class);
    return publisher;
  }

  /**
   * Refuses a user name or address that is locked, before the password is checked; otherwise passes (null) to the
   * provider that checks the password. Not a bean: an AuthenticationProvider bean would replace the password check.
   */
  AuthenticationProvider lockCheck() {
    return new AuthenticationProvider() {
      @Override
      public Authentication authenticate(Authentication authentication) {
        Optional<SignInThrottle.Lock> lock = throttle.lockOf(authentication.getName(),
            SignInAudit.address(authentication));
        if (lock.isPresent()) {
          throw new SignInLockedException(lock.get());
        }
        return null;
      }

      @Override
      public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
      }
    };
  }

  /** The sign-in form after a failure: {@code /login?locked} when locked (now or by this failure), else ?error. */
  AuthenticationFailureHandler formFailure() {
    DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();
    return (request, response, failure) -> {
      storageFault(failure);
      redirect.sendRedirect(request, response, lock(request, failure).isPresent() ? "/login?locked" : "/login?error");
    };
  }

  /**
   * HTTP Basic's answer to a missing or failed sign-in: 401 with the challenge, or, when the user name or address is
   * locked, 429 with a problem detail saying so and a Retry-After.
   */
  AuthenticationEntryPoint basicEntryPoint() {
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Realm");
    return (request, response, failure) -> {
      storageFault(failure);
      Optional<SignInThrottle.Lock> lock = lock(request, failure);
      if (lock.isEmpty()) {
        basic.commence(request, response, failure);
        return;
      }
      long seconds = Math.max(1, Duration.between(clock.instant(), lock.get().until()).toSeconds());
      response.setHeader("Retry-After", Long.toString(seconds));
      problem(request, response, 429, "sign-in-locked", "Sign-in locked",
          "Too many failed sign-ins: signing in is locked for a while. Try again in "
              + Math.max(1, (seconds + 59) / 60) + " minutes.");
    };
  }

  /**
   * A sign-in that failed because the staff register could not be read is not a wrong password: it is answered 503
   * ({@code web.StorageFaultFilter}), not 401 or the form's error, so no client takes its password for wrong.
   */
  private static void storageFault(AuthenticationException failure) {
    if (failure != null && StorageFaults.isFault(failure)) {
      throw new StorageFaults.UnavailableException("sign-in could not read the staff register", failure);
    }
  }

  /**
   * A refused request of a signed-in user (a URL the role may not use, or a form without its CSRF token): recorded
   * as REFUSED, then answered 403 (a problem detail on /api and /engine-rest, the error page elsewhere).
   */
  AccessDeniedHandler refusals() {
    AccessDeniedHandlerImpl pages = new AccessDeniedHandlerImpl();
    return (request, response, denied) -> {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      String path = path(request);
      if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
        Object engine = request.getAttribute(EngineApiAccess.REFUSAL);
        audit.refused(auth.getName(), SignInAudit.role(auth), null, null, null, request.getMethod() + " " + path,
            engine != null ? "engine: " + engine : denied instanceof CsrfException ? "csrf" : "role");
      }
      if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
        problem(request, response, 403, "forbidden", "Forbidden", "Your role may not use this resource.");
      } else {
        // for the error page (web.ErrorPages), which tells a form sent with a stale CSRF token from a refused role
        request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
        pages.handle(request, response, denied);
      }
    };
  }

  private static Optional<SignInThrottle.Lock> lock(HttpServletRequest request, Exception failure) {
    if (failure instanceof SignInLockedException locked) {
      return Optional.of(locked.lock());
    }
    return request.getAttribute(SignInAudit.LOCK_CAUSED) instanceof SignInThrottle.Lock lock
        ? Optional.of(lock) : Optional.empty();
  }

  private void problem(HttpServletRequest request, HttpServletResponse response, int status, String type,
      String title, String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "https://trappen.dk/problems/" + type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", path(request));
    response.setStatus(status);
    response.setContentType(PROBLEM_JSON);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }

  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
