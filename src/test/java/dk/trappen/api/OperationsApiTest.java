package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("test")
@DisplayName("Operations: metrics and API documentation")
class OperationsApiTest extends ApiTestSupport {

  @Test
  @DisplayName("Prometheus metrics include a gauge of overdue deadlines for every kind")
  void overdueGauge() throws Exception {
    String metrics = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
    assertThat(metrics).contains("trappen_deadlines_overdue{kind=\"acute-assessment\"}")
        .contains("trappen_deadlines_overdue{kind=\"network-meeting\"}");
  }

  @Test
  @DisplayName("the OpenAPI document describes notifications, cases, tasks and oversight")
  void openApi() throws Exception {
    String doc = mvc.perform(get("/api-docs")).andReturn().getResponse().getContentAsString();
    assertThat(doc).contains("Trappen API").contains("\"scheme\":\"basic\"");
    assertThat(doc).contains("/api/notifications", "/api/cases/{caseNumber}", "/api/tasks",
        "/api/tasks/{id}/claim", "/api/tasks/{id}/complete", "/api/oversight/deadlines");
  }
}
