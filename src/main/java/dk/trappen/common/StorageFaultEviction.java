package dk.trappen.common;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * The connection pool's verdict on a failed statement (set as {@code spring.datasource.hikari.exception-override-
 * class-name}): a connection that reported a storage fault ({@link StorageFaults}) is closed, not handed out again.
 * Hikari itself only drops connections on SQL state class 08 and a few vendor codes; H2 closes its database after a
 * failed write (disk full, file not writable) and answers 90098 on every connection from then on, so without this the
 * pool would keep its dead connections and Trappen would not recover when the fault is gone. A new connection opens
 * the database again.
 */
public class StorageFaultEviction implements SQLExceptionOverride {

  @java.lang.Override
  public Override adjudicate(SQLException e) {
    return StorageFaults.isFault(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
  }
}
