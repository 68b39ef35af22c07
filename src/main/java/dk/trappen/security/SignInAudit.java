package dk.trappen.security;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every sign-in, successful or failed, by form, HTTP Basic or OpenID Connect, goes to the audit and to the security
 * log {@code dk.trappen.security.signin}: who (the user name as typed, cleaned of control characters and anything
 * shaped like a CPR number), from which address, how, and why it failed. Never the password. A failed password
 * counts towards the {@link SignInThrottle}'s lock; a successful sign-in clears the user name's failures.
 *
 * <p>HTTP Basic authenticates every API request; a successful Basic sign-in is recorded once per user name and
 * address within {@link SignInProperties#getBasicSuccessAuditInterval()} (remembered per node), not per request.
 */
@Component
class SignInAudit {

  /** The request attribute holding the lock a failed sign-in just caused, for the answer to say so. */
  static final String LOCK_CAUSED = SignInAudit.class.getName() + ".lock";

  private static final Logger LOG = LoggerFactory.getLogger("dk.trappen.security.signin");
  private static final int MAX_REMEMBERED = 10_000;

  private final AuditService audit;
  private final SignInThrottle throttle;
  private final Clock clock;
  private final Map<String, Instant> basicRecorded = new ConcurrentHashMap<>();

  SignInAudit(AuditService audit, SignInThrottle throttle, Clock clock) {
    this.audit = audit;
    this.throttle = throttle;
    this.clock = clock;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    Authentication auth = event.getAuthentication();
    String username = auth.getName();
    String address = address(auth);
    String channel = channel(auth);
    if (auth instanceof UsernamePasswordAuthenticationToken) {
      throttle.succeeded(username);
    }
    if (channel.equals("basic") && !firstBasicInInterval(username, address)) {
      return;
    }
    audit.signIn(username, role(auth), AuditAction.SIGN_IN, "sign-in: " + channel, null, address);
    LOG.info("sign-in: user '{}' by {} from {}", AuditService.clean(username, 80), channel, address);
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    Authentication auth = event.getAuthentication();
    AuthenticationException failure = event.getException();
    String username = auth.getName();
    String address = address(auth);
    String channel = channel(auth);
    String reason = reason(failure);
    if (auth instanceof UsernamePasswordAuthenticationToken && failure instanceof BadCredentialsException) {
      Optional<SignInThrottle.Lock> lock = throttle.failed(username, address);
      if (lock.isPresent()) {
        reason = reason + ", now locked (" + lock.get().kind().name().toLowerCase(Locale.ROOT) + ")";
        HttpServletRequest request = request();
        if (request != null) {
          request.setAttribute(LOCK_CAUSED, lock.get());
        }
      }
    }
    audit.signIn(username, null, AuditAction.SIGN_IN_FAILED, "sign-in: " + channel, reason, address);
    LOG.warn("sign-in failed: user '{}' by {} from {}: {}", AuditService.clean(username, 80), channel, address,
        reason);
  }

  /** Whether this Basic sign-in is the first of the user from the address within the interval. */
  private boolean firstBasicInInterval(String username, String address) {
    Instant now = clock.instant();
    String key = username + "|" + address;
    Instant last = basicRecorded.get(key);
    if (last != null && !now.isBefore(last)
        && now.isBefore(last.plus(throttle.properties().getBasicSuccessAuditInterval()))) {
      return false;
    }
    if (basicRecorded.size() >= MAX_REMEMBERED) {
      basicRecorded.clear();
    }
    basicRecorded.put(key, now);
    return true;
  }

  /** The failure's code: locked-user, locked-address, bad-credentials, oidc:&lt;error code&gt; or the kind. */
  static String reason(AuthenticationException failure) {
    if (failure instanceof SignInLockedException locked) {
      return "locked-" + locked.lock().kind().name().toLowerCase(Locale.ROOT);
    }
    if (failure instanceof BadCredentialsException) {
      return "bad-credentials";
    }
    if (failure instanceof OAuth2AuthenticationException oidc) {
      return "oidc: " + oidc.getError().getErrorCode();
    }
    return failure.getClass().getSimpleName();
  }

  private static String channel(Authentication auth) {
    if (auth instanceof OAuth2AuthenticationToken || auth instanceof OAuth2LoginAuthenticationToken) {
      return "oidc";
    }
    HttpServletRequest request = request();
    String header = request == null ? null : request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6) ? "basic" : "form";
  }

  /** The client address of the sign-in (from the authentication's details, else the current request). */
  static String address(Authentication auth) {
    if (auth != null && auth.getDetails() instanceof WebAuthenticationDetails details) {
      return details.getRemoteAddress();
    }
    HttpServletRequest request = request();
    return request == null ? null : request.getRemoteAddr();
  }

  static String role(Authentication auth) {
    for (GrantedAuthority a : auth.getAuthorities()) {
      String name = a.getAuthority();
      if (name != null && name.startsWith("ROLE_")) {
        return name.substring("ROLE_".length());
      }
    }
    return null;
  }

  private static HttpServletRequest request() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
        ? attrs.getRequest() : null;
  }
}
