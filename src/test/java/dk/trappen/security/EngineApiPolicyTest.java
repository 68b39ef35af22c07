package dk.trappen.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The engine API policy: reads without case content and the named operations, nothing else")
class EngineApiPolicyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("a migration plan as the engine generates it (with \"variables\": null) may be executed, one that sets "
      + "variables may not")
  void migrationPlanWithoutVariables() throws Exception {
    String plan = "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"a\",\"targetProcessDefinitionId\":\"b\","
        + "\"instructions\":[],\"variables\":null},\"processInstanceIds\":[\"1\"]}";
    assertThat(EngineApiPolicy.refusal("POST", "/migration/executeAsync", List.of(), JSON.readTree(plan))).isEmpty();
    String setting = plan.replace("\"variables\":null", "\"variables\":{\"riskLevel\":{\"value\":\"LOW\"}}");
    assertThat(EngineApiPolicy.refusal("POST", "/migration/executeAsync", List.of(), JSON.readTree(setting)))
        .hasValue("query by variable: variables");
  }

  @Test
  @DisplayName("a query by a variable's value is refused in the query string and at any depth of the body")
  void variableQueries() throws Exception {
    assertThat(EngineApiPolicy.refusal("GET", "/process-instance", List.of("variables"), null)).isPresent();
    assertThat(EngineApiPolicy.refusal("POST", "/process-instance", List.of(),
        JSON.readTree("{\"orQueries\":[{\"processVariables\":[{\"name\":\"x\",\"value\":1,\"operator\":\"eq\"}]}]}")))
        .isPresent();
    assertThat(EngineApiPolicy.refusal("POST", "/process-instance", List.of(),
        JSON.readTree("{\"businessKey\":\"2026-000001\"}"))).isEmpty();
  }

  @Test
  @DisplayName("writes outside the operations are refused, whatever the path looks like")
  void writes() {
    assertThat(EngineApiPolicy.refusal("POST", "/deployment/create", List.of(), null)).isPresent();
    assertThat(EngineApiPolicy.refusal("POST", "/task/1/complete", List.of(), null)).isPresent();
    assertThat(EngineApiPolicy.refusal("PUT", "/job/1/duedate", List.of(), null)).isPresent();
    assertThat(EngineApiPolicy.refusal("DELETE", "/process-instance/1", List.of(), null)).isPresent();
    assertThat(EngineApiPolicy.refusal("PUT", "/job/1/retries", List.of(), null)).isEmpty();
    assertThat(EngineApiPolicy.refusal("POST", "/job/1/execute", List.of(), null)).isEmpty();
  }
}
