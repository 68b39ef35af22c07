package dk.trappen.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@DisplayName("No request is answered before Trappen is ready")
class StartupGateFilterTest {

  private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
  private final StartupGateFilter gate = new StartupGateFilter(availability, messages(), new ObjectMapper());

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource m = new ResourceBundleMessageSource();
    m.setBasename("messages");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return m;
  }

  private void readiness(ReadinessState state) {
    StaticApplicationContext context = new StaticApplicationContext();
    availability.onApplicationEvent(new AvailabilityChangeEvent<>(context, state));
  }

  private MockHttpServletResponse call(String path, Locale locale, MockFilterChain chain) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.addPreferredLocale(locale);
    MockHttpServletResponse response = new MockHttpServletResponse();
    gate.doFilter(request, response, chain);
    return response;
  }

  @Test
  @DisplayName("while the runners lay out the demo data, the API answers 503 with Retry-After and a problem detail")
  void apiWaits() throws Exception {
    readiness(ReadinessState.REFUSING_TRAFFIC);
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse response = call("/api/demo/clock", Locale.ENGLISH, chain);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = new ObjectMapper().readTree(response.getContentAsString());
    assertThat(problem.path("type").asText()).isEqualTo("https://trappen.dk/problems/starting");
    assertThat(problem.path("title").asText()).isEqualTo("Trappen is starting");
    assertThat(chain.getRequest()).as("not passed on").isNull();
  }

  @Test
  @DisplayName("a page gets a short Danish page that reloads itself; the health probes pass")
  void pagesWaitProbesPass() throws Exception {
    readiness(ReadinessState.REFUSING_TRAFFIC);
    MockHttpServletResponse page = call("/tasks", Locale.forLanguageTag("da"), new MockFilterChain());
    assertThat(page.getStatus()).isEqualTo(503);
    assertThat(page.getContentAsString()).contains("<html lang=\"da\">").contains("Trappen starter")
        .contains("http-equiv=\"refresh\"");
    MockFilterChain probe = new MockFilterChain();
    assertThat(call("/actuator/health/readiness", Locale.ENGLISH, probe).getStatus()).isEqualTo(200);
    assertThat(probe.getRequest()).as("passed on").isNotNull();
  }

  @Test
  @DisplayName("once ready, every request passes, and the gate stays open")
  void readyPasses() throws Exception {
    readiness(ReadinessState.ACCEPTING_TRAFFIC);
    MockFilterChain chain = new MockFilterChain();
    assertThat(call("/api/demo/clock", Locale.ENGLISH, chain).getStatus()).isEqualTo(200);
    assertThat(chain.getRequest()).isNotNull();
    readiness(ReadinessState.REFUSING_TRAFFIC);
    MockFilterChain later = new MockFilterChain();
    call("/tasks", Locale.ENGLISH, later);
    assertThat(later.getRequest()).as("a node shutting down finishes what it is asked").isNotNull();
  }
}
