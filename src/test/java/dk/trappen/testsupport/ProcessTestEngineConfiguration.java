package dk.trappen.testsupport;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * The engine of the engine-only process tests ({@code src/test/resources/camunda.cfg.xml}): in-memory H2, or a new
 * database on the test PostgreSQL server when the suite runs on PostgreSQL ({@link PostgresTestDatabases}).
 */
public class ProcessTestEngineConfiguration extends StandaloneInMemProcessEngineConfiguration {

  @Override
  protected void init() {
    if (PostgresTestDatabases.enabled()) {
      TestPostgres server = TestPostgres.shared();
      setJdbcUrl(server.createDatabase("process_tests"));
      setJdbcDriver("org.postgresql.Driver");
      setJdbcUsername(server.username());
      setJdbcPassword("");
    }
    super.init();
  }
}
