package dk.trappen.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.api.TestFiles;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A document's upload on a real server (Tomcat's multipart parsing, declared lengths): the API's upload has the
 * multipart limit, not the JSON body's, and wants X-Requested-With; a large multipart body anywhere else, or from
 * someone not signed in, is refused before it is read.
 */
@DisplayName("A document's upload gets the upload limit and nothing else does")
class DocumentUploadLimitsTest extends SecurityTestSupport {

  private static final String BOUNDARY = "trappen-test-boundary";

  @Autowired
  private ObjectMapper json;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private String newCase() throws Exception {
    // a CPR number that matches the birth date: its 7th digit (4 to 9 for 2000-2036) tells the century
    String cpr = dk.trappen.testsupport.JourneySeeder.cpr(java.time.LocalDate.of(2012, 11, 14),
        (int) (System.nanoTime() % 6000));
    String body = json.writeValueAsString(Map.of(
        "child", Map.of("cpr", cpr, "firstName", "Uffe", "lastName", "Nord", "birthDate", "2012-11-14"),
        "notifierKind", "RELATIVE", "concern", "Bekymring.",
        "receivedAt", Instant.now().minus(Duration.ofHours(1)).toString(), "team", "nord"));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/notifications")).header("Content-Type", "application/json").header("Authorization", basic("ida"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).path("caseNumber").asText();
  }

  private static byte[] multipart(String fileName, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String[] field : new String[][] {{"title", "Stor rapport"}, {"kind", "REPORT"}, {"date", "2020-01-01"}}) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
          + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private HttpResponse<String> post(String path, String user, byte[] body, boolean requestedWith) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    if (requestedWith) {
      request.header("X-Requested-With", "test");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("a 300 KB PDF is uploaded over the API past the 256 KB JSON limit and stored with its checksum")
  void largeUploadPassesTheJsonLimit() throws Exception {
    String caseNumber = newCase();
    byte[] pdf = TestFiles.pdf("Stor", 300 * 1024);

    HttpResponse<String> r = post("/api/cases/" + caseNumber + "/documents", "karen", multipart("stor.pdf", pdf),
        true);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode d = json.readTree(r.body());
    assertThat(d.path("size").asLong()).isEqualTo(pdf.length);
    assertThat(d.path("fileName").asText()).isEqualTo("stor.pdf");
    assertThat(d.path("mediaType").asText()).isEqualTo("application/pdf");
  }

  @Test
  @DisplayName("an upload without X-Requested-With is refused (400 naming the header), as a cross-site form would be")
  void uploadNeedsTheHeader() throws Exception {
    String caseNumber = newCase();
    HttpResponse<String> r = post("/api/cases/" + caseNumber + "/documents", "karen",
        multipart("a.pdf", TestFiles.pdf("a", 0)), false);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("X-Requested-With");
  }

  @Test
  @DisplayName("a multipart body over the form limit is refused (413) on any other page, and from anyone not signed "
      + "in even on the upload form")
  void largeMultipartElsewhereIsRefused() throws Exception {
    byte[] body = multipart("a.pdf", TestFiles.pdf("a", 300 * 1024));
    assertThat(post("/cases/2027-000001/journal", null, body, false).statusCode()).isEqualTo(413);
    assertThat(post("/cases/2027-000001/documents", null, body, false).statusCode()).isEqualTo(413);
    assertThat(post("/api/notifications", "ida", body, true).statusCode()).as("the API's JSON limit").isEqualTo(413);
  }
}
