package dk.trappen.common;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a storage fault from any other failure: the database cannot be reached, is closed, refuses writes, or its disk
 * failed. Such a request is answered 503 (not 500, never 2xx: nothing of it was stored), the health check reports DOWN,
 * and the pool drops the connection so that a new one is opened once the fault is gone ({@link StorageFaultEviction}).
 * <p>
 * The test is on SQL states and vendor error codes, never on message text: the SQL state classes {@code 08}
 * (connection), {@code 53} (insufficient resources, e.g. PostgreSQL's disk full 53100), {@code 57P} (a server
 * shutting down or not accepting connections, e.g. 57P01), {@code 58} (system error, e.g. an I/O error 58030) and
 * {@code 25006} (a read-only transaction, e.g. a standby after a failover); and H2's codes for a database that was
 * closed after a failed write (90098), an I/O failure (90028, 90031), a read-only database (90097) and a database
 * shutting down (90121); and any SQL exception caused by an I/O failure (H2 reports a write that failed on a full disk
 * as general error 50000 caused by the {@code IOException}).
 */
public final class StorageFaults {

  /** H2: DATABASE_IS_CLOSED, IO_EXCEPTION_1, IO_EXCEPTION_2, DATABASE_IS_READ_ONLY, DATABASE_CALLED_AT_SHUTDOWN. */
  private static final Set<Integer> H2_CODES = Set.of(90098, 90028, 90031, 90097, 90121);
  private static final Set<String> STATE_CLASSES = Set.of("08", "53", "58");
  /** PostgreSQL's 57P01-57P05 (shut down, crashed, not accepting connections); not 57014, a cancelled statement. */
  private static final String SHUTDOWN_STATES = "57P";
  private static final String READ_ONLY_TRANSACTION = "25006";
  private static final String HIKARI_PROXY_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection";

  private StorageFaults() {
  }

  /** Whether the failure, or any of its causes, is a storage fault. */
  public static boolean isFault(Throwable failure) {
    return fault(failure).isPresent();
  }

  /**
   * The storage fault behind the failure, if there is one: the SQL exception that says so, or (for a pool that could
   * hand out no connection) the exception saying that.
   */
  public static Optional<Throwable> fault(Throwable failure) {
    return causes(failure).filter(t -> t instanceof SQLException sql && isFault(sql)
            // no connection to begin a transaction on: the pool's timeout or the database's refusal, whatever cause
            || t instanceof CannotCreateTransactionException)
        .findFirst();
  }

  /**
   * Whether this SQL exception reports a storage fault: by its SQL state or code, or by an I/O failure among its
   * causes (H2 reports a failed file write as general error 50000 caused by the I/O exception).
   */
  public static boolean isFault(SQLException e) {
    if (causes(e.getCause()).anyMatch(IOException.class::isInstance)) {
      return true;
    }
    if (e.getSQLState() == null && fromPoolsClosedConnection(e)) {
      return true;
    }
    if (e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException) {
      return true;
    }
    String state = e.getSQLState();
    if (state != null && (READ_ONLY_TRANSACTION.equals(state)
        || state.startsWith(SHUTDOWN_STATES)
        || state.length() >= 2 && STATE_CLASSES.contains(state.substring(0, 2)))) {
      return true;
    }
    return H2_CODES.contains(e.getErrorCode()) && state != null && state.startsWith("90");
  }

  /** The failure and its causes, each once (a cause chain may loop back on itself). */
  private static Stream<Throwable> causes(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return Stream.iterate(failure, t -> t != null && seen.add(t), Throwable::getCause);
  }

  /**
   * The pool's stand-in for a connection it dropped as broken (after a storage fault in the same transaction): its
   * every call, the transaction's rollback included, throws an SQL exception without a state. Recognised by where it
   * was thrown, not by its text.
   */
  private static boolean fromPoolsClosedConnection(SQLException e) {
    StackTraceElement[] frames = e.getStackTrace();
    for (int i = 0; i < Math.min(3, frames.length); i++) {
      if (frames[i].getClassName().startsWith(HIKARI_PROXY_CONNECTION)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Thrown where a storage fault arrives wrapped in something that would otherwise be answered as something else
   * (a sign-in whose look-up failed is an authentication failure to Spring Security): the 503 handling finds the
   * fault in its causes.
   */
  public static final class UnavailableException extends RuntimeException {

    public UnavailableException(String what, Throwable cause) {
      super(what, cause);
    }
  }

  /** What a log line may say of the fault: its class, SQL state and error code, never its text (it may hold SQL). */
  public static String describe(Throwable fault) {
    if (fault instanceof SQLException sql) {
      return sql.getClass().getSimpleName() + " (SQL state " + sql.getSQLState() + ", error " + sql.getErrorCode()
          + ")";
    }
    return fault.getClass().getSimpleName();
  }
}
