package dk.trappen.common;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import lombok.extern.slf4j.Slf4j;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Camunda's own tables, created by a Flyway migration rather than by the engine at startup. The engine runs with
 * {@code camunda.bpm.database.schema-update: false}: it only checks that its tables are there, so a new Camunda
 * version never alters a production schema by itself. An engine upgrade is a new migration that runs Camunda's
 * upgrade script for the database ({@code org/camunda/bpm/engine/db/upgrade/<db>_engine_7.24_to_7.25.sql}), reviewed
 * and applied like any other (docs/production.md).
 *
 * <p>The scripts are the ones shipped in the engine jar, run in the order the engine runs them itself. A database whose
 * engine tables were created earlier by the engine (an H2 demo database from before this migration) is adopted when
 * its schema version is this one, and refused with the version it has otherwise.
 */
@Slf4j
@Component
class CamundaEngineSchema implements JavaMigration {

  private static final String SCHEMA_VERSION = "7.24.0";
  private static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
      "case.history", "decision.engine", "decision.history");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("3");
  }

  @Override
  public String getDescription() {
    return "Camunda engine schema " + SCHEMA_VERSION;
  }

  /** The checksum of the PostgreSQL scripts: a Camunda jar whose create scripts differ fails Flyway's validation. */
  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    try {
      for (String component : COMPONENTS) {
        crc.update(script("postgres", component).getInputStream().readAllBytes());
      }
    } catch (IOException e) {
      throw new FlywayException("Cannot read Camunda's create scripts", e);
    }
    return (int) crc.getValue();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    Optional<String> existing = existingSchemaVersion(connection);
    if (existing.isPresent()) {
      if (!SCHEMA_VERSION.equals(existing.get())) {
        throw new FlywayException("The Camunda tables in this database are at version " + existing.get()
            + ", this build needs " + SCHEMA_VERSION + "; run Camunda's upgrade scripts first");
      }
      log.info("Camunda tables at version {} already present; adopted", SCHEMA_VERSION);
      return;
    }
    String db = databaseType(connection.getMetaData());
    for (String component : COMPONENTS) {
      Resource script = script(db, component);
      if (!script.exists()) {
        throw new FlywayException("Camunda ships no " + component + " script for database type " + db);
      }
      ScriptUtils.executeSqlScript(connection, script);
    }
    log.info("Camunda {} tables created for {}", SCHEMA_VERSION, db);
  }

  private static Optional<String> existingSchemaVersion(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String table = meta.storesLowerCaseIdentifiers() ? "act_ge_property" : "ACT_GE_PROPERTY";
    try (ResultSet tables = meta.getTables(connection.getCatalog(), null, table, null)) {
      boolean found = false;
      while (tables.next()) {
        String schema = tables.getString("TABLE_SCHEM");
        found |= schema == null || schema.equalsIgnoreCase(connection.getSchema());
      }
      if (!found) {
        return Optional.empty();
      }
    }
    try (PreparedStatement query = connection.prepareStatement(
        "select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'schema.version'");
         ResultSet rs = query.executeQuery()) {
      return Optional.of(rs.next() ? rs.getString(1) : "unknown");
    }
  }

  static String databaseType(DatabaseMetaData meta) throws SQLException {
    String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("h2")) {
      return "h2";
    }
    if (product.contains("postgres")) {
      return "postgres";
    }
    throw new FlywayException("Trappen runs on H2 or PostgreSQL, not on " + meta.getDatabaseProductName());
  }

  private static Resource script(String db, String component) {
    return new ClassPathResource("org/camunda/bpm/engine/db/create/activiti." + db + ".create." + component + ".sql");
  }
}
