package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = {"trappen.security.metrics.username=prometheus",
    "trappen.security.metrics.password=scrape-secret-2026-x"})
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("test")
@DisplayName("Operations: metrics and API documentation")
class OperationsApiTest extends ApiTestSupport {

  @Test
  @DisplayName("Prometheus metrics include a gauge of overdue deadlines for every kind")
  void overdueGauge() throws Exception {
    String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", TestStaff.PASSWORD)))
        .andReturn().getResponse().getContentAsString();
    assertThat(metrics).contains("trappen_deadlines_overdue{kind=\"acute-assessment\"}")
        .contains("trappen_deadlines_overdue{kind=\"network-meeting\"}");
  }

  @Test
  @DisplayName("the OpenAPI document describes notifications, cases, tasks and oversight")
  void openApi() throws Exception {
    String doc = mvc.perform(get("/api-docs").with(user("admin").roles("ADMIN"))).andReturn().getResponse()
        .getContentAsString();
    assertThat(doc).contains("Trappen API").contains("\"scheme\":\"basic\"");
    assertThat(doc).contains("/api/notifications", "/api/cases/{caseNumber}", "/api/tasks",
        "/api/tasks/{id}/claim", "/api/tasks/{id}/complete", "/api/oversight/deadlines");
  }

  @Test
  @DisplayName("metrics and the API's description are not for anonymous callers; Prometheus scrapes with its own "
      + "credential, which opens nothing else; health stays open without details")
  void operationsEndpointsNeedCredentials() throws Exception {
    assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
    assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("karen", TestStaff.PASSWORD))).andReturn()
        .getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "scrape-secret-2026-x")))
        .andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "wrong"))).andReturn()
        .getResponse().getStatus()).isEqualTo(401);
    assertThat(mvc.perform(get("/api/tasks").with(httpBasic("prometheus", "scrape-secret-2026-x"))).andReturn()
        .getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(get("/api-docs")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
    assertThat(mvc.perform(get("/swagger-ui.html")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
    var health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
    assertThat(health.getStatus()).isEqualTo(200);
    assertThat(health.getContentAsString()).contains("UP").doesNotContain("components").doesNotContain("diskSpace");
  }
}
