package dk.trappen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * GET /api/cases/{caseNumber} answers from the {@code casefile} read model with the JSON it had when {@code cases}
 * assembled it: the same members, filled, and the same schema name in the OpenAPI document.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DisplayName("The case file over the API")
class CaseFileApiTest extends ApiTestSupport {

  private static final AtomicInteger SERIAL = new AtomicInteger((int) (Math.random() * 300));

  private static final List<String> MEMBERS = List.of("caseNumber", "status", "team", "caseworker", "openedAt",
      "awareAt", "closedAt", "closureReason", "closureNote", "child", "runningInterventions", "stepHistory",
      "notifications", "investigation", "plans", "meetings", "followUps", "concerns", "aftercare", "openTasks",
      "deadlines", "safetyPlans", "outcomes");

  @Test
  @DisplayName("the case's team reads the case with every member the API has always had, filled from the features")
  void theCaseFileHasTheApisMembers() throws Exception {
    int n = SERIAL.incrementAndGet();
    LocalDate birth = LocalDate.of(2011, 1, 1).plusDays(n % 360);
    String cpr = DateTimeFormatter.ofPattern("ddMMyy").format(birth) + "8" + String.format("%03d", n % 1000);
    Response created = postJson("ida", "/api/notifications", Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Kaj", "lastName", "Sagsen", "birthDate", birth.toString()),
        "notifierKind", "SCHOOL", "notifierOrganisation", "Vestre Skole", "concern", "Kommer sent hver dag.",
        "receivedAt", now().minus(Duration.ofHours(1)).toString(), "team", "nord"));
    assertThat(created.status()).isEqualTo(201);
    String caseNumber = created.body().path("caseNumber").asText();

    Response read = getJson("karen", "/api/cases/" + caseNumber);

    assertThat(read.status()).isEqualTo(200);
    JsonNode f = read.body();
    List<String> keys = new ArrayList<>();
    f.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrderElementsOf(MEMBERS);
    List<String> childKeys = new ArrayList<>();
    f.path("child").fieldNames().forEachRemaining(childKeys::add);
    assertThat(childKeys).containsExactlyInAnyOrder("name", "cpr", "birthDate");
    assertThat(f.path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(f.path("status").asText()).isEqualTo("OPEN");
    assertThat(f.path("team").asText()).isEqualTo("nord");
    assertThat(f.path("child").path("cpr").asText()).isEqualTo(cpr);
    assertThat(f.path("child").path("name").asText()).isEqualTo("Kaj Sagsen");
    assertThat(f.path("notifications")).hasSize(1);
    assertThat(f.path("notifications").get(0).path("concern").asText()).isEqualTo("Kommer sent hver dag.");
    assertThat(f.path("openTasks")).isNotEmpty();
    assertThat(f.path("deadlines")).isNotEmpty();
    assertThat(f.path("runningInterventions")).isEmpty();
  }

  @Test
  @DisplayName("the OpenAPI document still names the case's schema CaseDetails, with the same members")
  void theSchemaKeepsItsName() throws Exception {
    JsonNode doc = json.readTree(mvc.perform(get("/api-docs").with(user("admin").roles("ADMIN"))).andReturn()
        .getResponse().getContentAsString());
    JsonNode schema = doc.path("components").path("schemas").path("CaseDetails");
    assertThat(schema.isMissingNode()).as("schema CaseDetails").isFalse();
    List<String> properties = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(properties::add);
    assertThat(properties).containsExactlyInAnyOrderElementsOf(MEMBERS);
    assertThat(doc.path("paths").path("/api/cases/{caseNumber}").path("get").path("responses").path("200")
        .toString()).contains("#/components/schemas/CaseDetails");
  }
}
