package dk.trappen.common;

import lombok.extern.slf4j.Slf4j;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name ({@code trappen.node-name}: {@code TRAPPEN_NODE_NAME}, else the host name) as the job executor's
 * lock owner, so that {@code ACT_RU_JOB.LOCK_OWNER_} says which node holds a job; the same name tags the logs and
 * metrics in the postgres profile. Names must be unique per node.
 */
@Slf4j
@Component
class ClusterNode extends AbstractProcessEnginePlugin {

  private final String nodeName;

  ClusterNode(@Value("${trappen.node-name}") String nodeName) {
    if (nodeName.isBlank()) {
      throw new IllegalStateException("trappen.node-name: must not be blank");
    }
    this.nodeName = nodeName;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor != null) {
      jobExecutor.setLockOwner(nodeName);
      log.info("Node {}: job executor locks jobs as '{}'", nodeName, nodeName);
    }
  }
}
