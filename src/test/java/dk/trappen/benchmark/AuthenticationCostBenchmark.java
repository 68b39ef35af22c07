package dk.trappen.benchmark;

import dk.trappen.TrappenApplication;
import dk.trappen.org.OrgService;
import dk.trappen.org.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What an API call costs an integration that signs in with HTTP Basic on every request, against the same call made
 * anonymously (answered 401 before any work), with the verified-password cache off (as before it existed) and on.
 * The staff user's password is hashed at bcrypt's production cost (10), as in a real installation. Prints a table and
 * writes target/benchmark/authentication-cost.md. Run: {@code mvn -Pbenchmark verify -Dtest=AuthenticationCostBenchmark}.
 */
@DisplayName("Benchmark: the cost of an authenticated API call against an anonymous one")
class AuthenticationCostBenchmark {

  private static final int WARM_UP = 50;
  private static final int CALLS = Integer.getInteger("trappen.benchmark.auth-calls", 400);
  private static final String PASSWORD = "Benchmark-2026-password";

  record Figures(String setting, double anonymousP50, double anonymousP95, double signedInP50, double signedInP95) {
  }

  @Test
  @DisplayName("HTTP Basic with and without the verified-password cache, against anonymous calls")
  void authenticationCost() throws Exception {
    List<Figures> rows = new ArrayList<>();
    rows.add(measure("cache off (before)", "0"));
    rows.add(measure("cache on, 5m (after)", "5m"));
    StringBuilder table = new StringBuilder("| setting | anonymous p50 | anonymous p95 | Basic p50 | Basic p95 | "
        + "Basic / anonymous (p50) |\n|---|---|---|---|---|---|\n");
    for (Figures f : rows) {
      table.append(String.format("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.1f |%n", f.setting(),
          f.anonymousP50(), f.anonymousP95(), f.signedInP50(), f.signedInP95(), f.signedInP50() / f.anonymousP50()));
    }
    System.out.println("\nAuthentication cost, GET /api/tasks, " + CALLS + " calls each, one client:\n" + table);
    Path out = Path.of("target", "benchmark", "authentication-cost.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table.toString());
  }

  private Figures measure(String setting, String cache) throws Exception {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TrappenApplication.class)
        .profiles("test")
        .run("--server.port=0", "--camunda.bpm.webapp.enabled=false",
            "--trappen.security.verified-password-cache=" + cache)) {
      OrgService org = context.getBean(OrgService.class);
      org.createTeam("nord", "Team Nord");
      org.createUser("integration", "Integration", Role.CASEWORKER, "nord",
          context.getBean(PasswordEncoder.class).encode(PASSWORD), false);
      int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
      HttpClient http = HttpClient.newHttpClient();
      URI tasks = URI.create("http://localhost:" + port + "/api/tasks");
      HttpRequest anonymous = HttpRequest.newBuilder(tasks).GET().build();
      HttpRequest signedIn = HttpRequest.newBuilder(tasks).GET().header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(("integration:" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
      for (int i = 0; i < WARM_UP; i++) {
        call(http, anonymous, 401);
        call(http, signedIn, 200);
      }
      double[] a = new double[CALLS];
      double[] s = new double[CALLS];
      for (int i = 0; i < CALLS; i++) {
        a[i] = call(http, anonymous, 401);
        s[i] = call(http, signedIn, 200);
      }
      return new Figures(setting, percentile(a, 50), percentile(a, 95), percentile(s, 50), percentile(s, 95));
    }
  }

  /** Milliseconds for one call, which must answer the expected status. */
  private static double call(HttpClient http, HttpRequest request, int expected) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != expected) {
      throw new AssertionError(request.uri() + ": " + response.statusCode() + " " + response.body());
    }
    return ms;
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
