package dk.trappen.security;

import dk.trappen.audit.AuditAction;
import dk.trappen.audit.AuditService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator lifts a sign-in lock (see {@link SignInThrottle}) on a user name or a client address before it
 * runs out; each unlock is audited.
 */
@RestController
class SignInLockController {

  private final SignInThrottle throttle;
  private final AuditService audit;

  SignInLockController(SignInThrottle throttle, AuditService audit) {
    this.throttle = throttle;
    this.audit = audit;
  }

  /** Unlocks the user name (known or not, so the answer says nothing about whether the user exists). */
  @PostMapping("/api/admin/users/{username}/unlock")
  Map<String, Object> unlockUser(@PathVariable String username, Authentication admin) {
    boolean wasLocked = throttle.unlockUser(username);
    audit.recordWithoutCase(admin.getName(), "ADMIN", AuditAction.UNLOCK, "unlock sign-in: user " + username,
        wasLocked ? "was locked" : "was not locked");
    return answer("username", username, wasLocked);
  }

  @PostMapping("/api/admin/addresses/{address}/unlock")
  Map<String, Object> unlockAddress(@PathVariable String address, Authentication admin) {
    boolean wasLocked = throttle.unlockAddress(address);
    audit.recordWithoutCase(admin.getName(), "ADMIN", AuditAction.UNLOCK, "unlock sign-in: address " + address,
        wasLocked ? "was locked" : "was not locked");
    return answer("address", address, wasLocked);
  }

  private static Map<String, Object> answer(String key, String value, boolean wasLocked) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(key, value);
    body.put("wasLocked", wasLocked);
    return body;
  }
}
