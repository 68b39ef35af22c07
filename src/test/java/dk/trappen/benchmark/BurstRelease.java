package dk.trappen.benchmark;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Holds a burst's timers back until every node is up, with the engine's own job suspension: the jobs of a process
 * definition are suspended in the seeded database and activated once the nodes have started, so that a second node's
 * start-up does not overlap the first node's work. A small engine without a job executor does it, in this JVM.
 */
final class BurstRelease {

  private static final AtomicInteger ENGINES = new AtomicInteger();

  private BurstRelease() {
  }

  static void hold(String url, String username, String processDefinitionKey) {
    with(url, username, m -> m.updateJobSuspensionState().byProcessDefinitionKey(processDefinitionKey).suspend());
  }

  static void release(String url, String username, String processDefinitionKey) {
    with(url, username, m -> m.updateJobSuspensionState().byProcessDefinitionKey(processDefinitionKey).activate());
  }

  private static void with(String url, String username, Consumer<ManagementService> work) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("benchmark-burst-release-" + ENGINES.incrementAndGet())
        .setJdbcUrl(url)
        .setJdbcDriver(url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver")
        .setJdbcUsername(username)
        .setJdbcPassword("")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
        .setHistory(ProcessEngineConfiguration.HISTORY_AUDIT)
        .setJobExecutorActivate(false);
    config.setMetricsEnabled(false);
    ProcessEngine engine = config.buildProcessEngine();
    try {
      work.accept(engine.getManagementService());
    } finally {
      engine.close();
    }
  }
}
