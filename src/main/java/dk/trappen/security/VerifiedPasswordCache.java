package dk.trappen.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a short while, that a password matched its stored hash, so that an API client that signs in with
 * HTTP Basic on every request pays bcrypt's deliberate cost (60–100 ms here) once per interval, not per request.
 *
 * <p>Why this is safe enough, and not a token scheme:
 * <ul>
 *   <li>Only successful matches are remembered. Every wrong password still costs a full bcrypt check, and still
 *       counts towards the sign-in lock ({@link SignInThrottle}), which is checked before the password.</li>
 *   <li>The cache holds neither the password nor anything that can be turned back into it cheaply: its key is an
 *       HMAC-SHA-256, with a random key made at start-up and kept only in memory, of the stored hash and the password.
 *       A memory dump gives no offline oracle faster than bcrypt without that key, and nothing is ever written out.</li>
 *   <li>The stored hash is part of the key: a changed password changes the hash, so the old password stops working at
 *       once. The user is still loaded on every request, so a deactivated or deleted user is refused at once too.</li>
 *   <li>An entry lives {@code trappen.security.verified-password-cache} (5 minutes by default; 0 switches the cache
 *       off), and the cache holds at most {@link #MAX_ENTRIES} entries.</li>
 * </ul>
 * Tokens for integrations would need issuing, storage, rotation and revocation; the cache keeps HTTP Basic, which every
 * integration already speaks, and removes its cost.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

  static final int MAX_ENTRIES = 10_000;

  private final PasswordEncoder delegate;
  private final Duration ttl;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, Clock clock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (ttl.isZero() || rawPassword == null || encodedPassword == null) {
      return delegate.matches(rawPassword, encodedPassword);
    }
    String entry = mac(encodedPassword, rawPassword);
    Instant now = clock.instant();
    Instant until = verified.get(entry);
    if (until != null) {
      if (now.isBefore(until)) {
        return true;
      }
      verified.remove(entry);
    }
    boolean matches = delegate.matches(rawPassword, encodedPassword);
    if (matches) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.values().removeIf(u -> !now.isBefore(u));
        if (verified.size() >= MAX_ENTRIES) {
          verified.clear();
        }
      }
      verified.put(entry, now.plus(ttl));
    }
    return matches;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  private String mac(String encodedPassword, CharSequence rawPassword) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
