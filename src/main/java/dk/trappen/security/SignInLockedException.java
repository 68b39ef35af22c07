package dk.trappen.security;

import org.springframework.security.authentication.LockedException;

/**
 * Sign-in refused because the user name or the client address is locked after repeated failures; thrown before the
 * password is checked. Says nothing about whether the user exists.
 */
public class SignInLockedException extends LockedException {

  private final transient SignInThrottle.Lock lock;

  public SignInLockedException(SignInThrottle.Lock lock) {
    super("sign-in locked after repeated failures");
    this.lock = lock;
  }

  public SignInThrottle.Lock lock() {
    return lock;
  }
}
