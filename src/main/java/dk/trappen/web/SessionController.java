package dk.trappen.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Keeps a signed-in page's session alive while someone types (static/js/session.js): any signed-in user, 204 and
 * nothing else. Signed out, the security rules answer with the sign-in redirect, which tells the script the session
 * has ended.
 */
@Controller
class SessionController {

  @GetMapping("/session/keep-alive")
  ResponseEntity<Void> keepAlive() {
    return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
  }
}
