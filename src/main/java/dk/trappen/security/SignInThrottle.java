package dk.trappen.security;

import dk.trappen.audit.AuditService;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brute force slowed: failed sign-ins are counted per user name and per client address in the database (tables
 * {@code sign_in_failure} and {@code sign_in_lock}, so that the count holds across the nodes of a cluster); enough
 * failures within the window lock the name or the address for a while. Unknown user names are counted and locked
 * exactly like known ones, so a lock says nothing about whether a user exists. A successful sign-in clears the user
 * name's failures; an administrator unlocks a name or an address. Time comes from the injected clock.
 */
@Component
@EnableConfigurationProperties(SignInProperties.class)
public class SignInThrottle {

  /** What a failure is counted against. */
  public enum Kind { USER, ADDRESS }

  /** A lock on a user name or an address, until an instant. */
  public record Lock(Kind kind, Instant until) {
  }

  private static final Logger LOG = LoggerFactory.getLogger("dk.trappen.security.signin");

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final SignInProperties properties;

  SignInThrottle(JdbcTemplate jdbc, Clock clock, SignInProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  public SignInProperties properties() {
    return properties;
  }

  /** The lock that holds now on the user name or the address, the longer one if both are locked. */
  public Optional<Lock> lockOf(String username, String address) {
    OffsetDateTime now = at(clock.instant());
    List<Lock> locks = jdbc.query("select kind, max(locked_until) from sign_in_lock where "
            + "((kind = 'USER' and key_value = ?) or (kind = 'ADDRESS' and key_value = ?)) "
            + "and locked_at <= ? and locked_until > ? group by kind",
        (rs, i) -> new Lock(Kind.valueOf(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toInstant()),
        userKey(username), addressKey(address), now, now);
    return locks.stream().max(Comparator.comparing(Lock::until));
  }

  /** Counts a failed sign-in against the user name and the address; the lock it caused, if it caused one. */
  public Optional<Lock> failed(String username, String address) {
    Instant now = clock.instant();
    jdbc.update("delete from sign_in_failure where at < ?", at(now.minus(properties.getWindow())));
    jdbc.update("delete from sign_in_lock where locked_until < ?", at(now));
    Optional<Lock> byUser = count(Kind.USER, userKey(username), properties.getMaxFailuresPerUser(), now);
    Optional<Lock> byAddress = count(Kind.ADDRESS, addressKey(address), properties.getMaxFailuresPerAddress(), now);
    return byUser.isPresent() ? byUser : byAddress;
  }

  /** A successful sign-in: the user name's failures no longer count. */
  public void succeeded(String username) {
    jdbc.update("delete from sign_in_failure where kind = 'USER' and key_value = ?", userKey(username));
  }

  /** Lifts the lock on a user name and clears its failures; whether it was locked. */
  public boolean unlockUser(String username) {
    return unlock(Kind.USER, userKey(username));
  }

  /** Lifts the lock on a client address and clears its failures; whether it was locked. */
  public boolean unlockAddress(String address) {
    return unlock(Kind.ADDRESS, addressKey(address));
  }

  private boolean unlock(Kind kind, String key) {
    OffsetDateTime now = at(clock.instant());
    Integer locked = jdbc.queryForObject("select count(*) from sign_in_lock where kind = ? and key_value = ? "
        + "and locked_at <= ? and locked_until > ?", Integer.class, kind.name(), key, now, now);
    jdbc.update("delete from sign_in_lock where kind = ? and key_value = ?", kind.name(), key);
    jdbc.update("delete from sign_in_failure where kind = ? and key_value = ?", kind.name(), key);
    return locked != null && locked > 0;
  }

  private Optional<Lock> count(Kind kind, String key, int max, Instant now) {
    jdbc.update("insert into sign_in_failure (kind, key_value, at) values (?, ?, ?)", kind.name(), key, at(now));
    Integer failures = jdbc.queryForObject("select count(*) from sign_in_failure where kind = ? and key_value = ? "
        + "and at > ? and at <= ?", Integer.class, kind.name(), key, at(now.minus(properties.getWindow())), at(now));
    if (failures == null || failures < max) {
      return Optional.empty();
    }
    Instant until = now.plus(properties.getLockFor());
    jdbc.update("insert into sign_in_lock (kind, key_value, locked_at, locked_until) values (?, ?, ?, ?)",
        kind.name(), key, at(now), at(until));
    // the count starts again when the lock ends
    jdbc.update("delete from sign_in_failure where kind = ? and key_value = ?", kind.name(), key);
    LOG.warn("sign-in locked: {} '{}' after {} failures, until {}", kind.name().toLowerCase(Locale.ROOT), key,
        failures, until);
    return Optional.of(new Lock(kind, until));
  }

  /** The user name as counted: trimmed, lower case, without control characters or anything shaped like a CPR. */
  static String userKey(String username) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    return AuditService.clean(name, 100);
  }

  static String addressKey(String address) {
    return address == null || address.isBlank() ? "-" : AuditService.clean(address, 100);
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
