package dk.trappen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

@DisplayName("A password that matched is remembered briefly; a wrong one is always checked in full")
class VerifiedPasswordCacheTest {

  /** A password encoder that counts its (expensive) checks: the hash of "pw" is "{x}pw". */
  static final class CountingEncoder implements PasswordEncoder {
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public String encode(CharSequence raw) {
      return "{x}" + raw;
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      checks.incrementAndGet();
      return encoded.equals("{x}" + raw);
    }
  }

  private Instant now = Instant.parse("2027-03-02T08:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Test
  @DisplayName("within the interval a repeated sign-in costs no second check; after it, it is checked again")
  void remembersMatchesForTheInterval() {
    CountingEncoder bcrypt = new CountingEncoder();
    VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, Duration.ofMinutes(5), clock);
    for (int i = 0; i < 100; i++) {
      assertThat(cache.matches("pw", "{x}pw")).isTrue();
    }
    assertThat(bcrypt.checks).hasValue(1);
    now = now.plus(Duration.ofMinutes(5));
    assertThat(cache.matches("pw", "{x}pw")).isTrue();
    assertThat(bcrypt.checks).hasValue(2);
  }

  @Test
  @DisplayName("a wrong password is checked in full every time and never remembered")
  void wrongPasswordsAlwaysChecked() {
    CountingEncoder bcrypt = new CountingEncoder();
    VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, Duration.ofMinutes(5), clock);
    assertThat(cache.matches("pw", "{x}pw")).isTrue();
    for (int i = 0; i < 20; i++) {
      assertThat(cache.matches("guess" + i, "{x}pw")).isFalse();
    }
    assertThat(bcrypt.checks).hasValue(21);
  }

  @Test
  @DisplayName("a changed password (a new stored hash) is not matched by the old one, at once")
  void changedPassword() {
    CountingEncoder bcrypt = new CountingEncoder();
    VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, Duration.ofMinutes(5), clock);
    assertThat(cache.matches("pw", "{x}pw")).isTrue();
    assertThat(cache.matches("pw", "{x}new-password")).isFalse();
    assertThat(cache.matches("new-password", "{x}new-password")).isTrue();
  }

  @Test
  @DisplayName("with an interval of 0 every sign-in is checked in full")
  void off() {
    CountingEncoder bcrypt = new CountingEncoder();
    VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, Duration.ZERO, clock);
    cache.matches("pw", "{x}pw");
    cache.matches("pw", "{x}pw");
    assertThat(bcrypt.checks).hasValue(2);
  }
}
