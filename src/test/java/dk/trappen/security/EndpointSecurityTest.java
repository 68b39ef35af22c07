package dk.trappen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application, generated: all Spring MVC routes (from the handler mapping, with their methods
 * and sample path variables), the engine REST API's root resources (from Camunda's own list of resource classes) and
 * the Camunda webapps' APIs. Anonymous callers and callers of the wrong role are refused. The table {@link #RULES}
 * mirrors {@link SecurityConfiguration}; a route missing from it fails the test, so every new route gets classified.
 */
@DisplayName("Every endpoint refuses anonymous callers and callers of the wrong role")
class EndpointSecurityTest extends SecurityTestSupport {

  enum Kind { API, PAGE, PUBLIC }

  record Rule(Kind kind, Set<String> roles) {
  }

  private static final Set<String> CASEWORK = Set.of("INTAKE", "CASEWORKER", "TEAM_LEADER");
  private static final Set<String> EVERYONE = Set.of("INTAKE", "CASEWORKER", "TEAM_LEADER", "ADMIN");
  private static final Set<String> LEADER = Set.of("TEAM_LEADER");
  private static final Set<String> ADMIN = Set.of("ADMIN");

  /** A user of each role, signed in to the pages or over HTTP Basic to the API. */
  private static final Map<String, String> USER_OF_ROLE = Map.of(
      "INTAKE", "ida", "CASEWORKER", "karen", "TEAM_LEADER", "birgitte", "ADMIN", "admin");

  /** Who may call each route ("METHOD pattern"), mirroring SecurityConfiguration. */
  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    api("GET /api/cases/{caseNumber}", CASEWORK);
    api("GET /api/cases/{caseNumber}/audit", LEADER);
    api("POST /api/cases/{caseNumber}/concerns", CASEWORK);
    api("GET /api/tasks", CASEWORK);
    api("GET /api/tasks/{id}", CASEWORK);
    api("POST /api/tasks/{id}/claim", CASEWORK);
    api("POST /api/tasks/{id}/complete", CASEWORK);
    api("POST /api/notifications", CASEWORK);
    api("GET /api/oversight/deadlines", LEADER);
    api("GET /api/demo/clock", ADMIN);
    api("POST /api/demo/clock", ADMIN);
    api("POST /api/admin/users/{username}/unlock", ADMIN);
    api("POST /api/admin/addresses/{address}/unlock", ADMIN);

    page("GET /", EVERYONE);
    page("GET /tasks", CASEWORK);
    page("POST /tasks/{id}/claim", CASEWORK);
    page("GET /tasks/{id}", CASEWORK);
    page("POST /tasks/{id}", CASEWORK);
    page("GET /tasks/{id}/goal-row", CASEWORK);
    page("GET /tasks/{id}/subgoal-row", CASEWORK);
    page("GET /tasks/{id}/participant-row", CASEWORK);
    page("GET /cases/{caseNumber}", CASEWORK);
    page("POST /cases/{caseNumber}/concerns", CASEWORK);
    page("GET /intake", CASEWORK);
    page("POST /intake", CASEWORK);
    page("GET /intake/child-check", CASEWORK);
    page("GET /oversight", LEADER);
    page("POST /oversight/reassign-tasks", LEADER);
    page("POST /oversight/reassign-cases", LEADER);
    page("GET /oversight/late.csv", LEADER);
    page("GET /oversight/figures.csv", LEADER);
    page("GET /admin/clock", ADMIN);
    page("GET /admin/audit.csv", ADMIN);
    page("POST /admin/clock", ADMIN);

    // public: the sign-in page, the error page and the OpenAPI description of /api
    open("GET /login");
    open("GET /error");
    open("GET /api-docs");
    open("GET /api-docs/swagger-config");
    open("GET /api-docs.yaml");
    open("GET /swagger-ui.html");
  }

  private static void api(String route, Set<String> roles) {
    RULES.put(route, new Rule(Kind.API, roles));
  }

  private static void page(String route, Set<String> roles) {
    RULES.put(route, new Rule(Kind.PAGE, roles));
  }

  private static void open(String route) {
    RULES.put(route, new Rule(Kind.PUBLIC, EVERYONE));
  }

  /** Sample values for path variables; the refusals come before any lookup, so they need not exist. */
  private static final Map<String, String> SAMPLES = Map.of(
      "caseNumber", "2027-000001", "id", "no-such-task", "name", "default", "username", "nobody",
      "address", "192.0.2.1");

  @Autowired
  private ProcessEngine processEngine;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping handlerMapping;

  @Test
  @DisplayName("every Spring MVC route is in the table, and refuses anonymous callers and the roles not listed")
  void springRoutes() throws Exception {
    List<String> routes = new ArrayList<>();
    for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          routes.add(method.name() + " " + pattern);
        }
      }
    }
    Set<String> unclassified = new TreeSet<>(routes);
    unclassified.removeAll(RULES.keySet());
    assertThat(unclassified).as("routes missing from the table of EndpointSecurityTest (classify them)").isEmpty();

    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String route : routes) {
      Rule rule = RULES.get(route);
      String method = route.substring(0, route.indexOf(' '));
      String path = fill(route.substring(route.indexOf(' ') + 1));
      if (rule.kind() == Kind.PUBLIC) {
        continue;
      }
      checked++;
      MvcResult anonymous = mvc.perform(build(method, path, rule.kind(), null)).andReturn();
      int status = anonymous.getResponse().getStatus();
      if (rule.kind() == Kind.API && status != 401) {
        failures.add(route + " anonymous: " + status + " (expected 401)");
      }
      if (rule.kind() == Kind.PAGE && !(status == 302
          && String.valueOf(anonymous.getResponse().getRedirectedUrl()).endsWith("/login"))) {
        failures.add(route + " anonymous: " + status + " " + anonymous.getResponse().getRedirectedUrl()
            + " (expected a redirect to /login)");
      }
      for (String role : EVERYONE) {
        if (rule.roles().contains(role)) {
          continue;
        }
        int denied = mvc.perform(build(method, path, rule.kind(), role)).andReturn().getResponse().getStatus();
        if (denied != 403) {
          failures.add(route + " as " + role + ": " + denied + " (expected 403)");
        }
      }
    }
    System.out.println("EndpointSecurityTest: " + checked + " Spring MVC endpoints checked (" + routes.size()
        + " routes, " + (routes.size() - checked) + " public)");
    assertThat(failures).isEmpty();
  }

  @Test
  @DisplayName("every root resource of the engine REST API refuses anonymous callers (401) and staff who are not "
      + "administrators (403), on a real server")
  void engineRest() throws Exception {
    Set<String> paths = engineRestPaths();
    assertThat(paths).contains("/engine-rest/engine", "/engine-rest/task", "/engine-rest/process-definition",
        "/engine-rest/deployment", "/engine-rest/user", "/engine-rest/authorization");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String path : paths) {
      for (String method : List.of("GET", "POST")) {
        checked++;
        int anonymous = send(method, path, null).statusCode();
        if (anonymous != 401) {
          failures.add(method + " " + path + " anonymous: " + anonymous);
        }
        for (String user : List.of("ida", "karen", "birgitte")) {
          int denied = send(method, path, user).statusCode();
          if (denied != 403) {
            failures.add(method + " " + path + " as " + user + ": " + denied);
          }
        }
      }
    }
    // and an administrator is let in (so the refusals above are the rules, not a missing servlet)
    assertThat(send("GET", "/engine-rest/engine", "admin").statusCode()).isEqualTo(200);
    System.out.println("EndpointSecurityTest: " + checked + " engine REST endpoints checked (" + paths.size()
        + " root resources, GET and POST)");
    assertThat(failures).isEmpty();
  }

  @Test
  @DisplayName("the Camunda webapps serve anonymous callers only their sign-in: their APIs give no engine data")
  void camundaWebapps() throws Exception {
    String engine = processEngine.getName();
    List<String> apis = Stream.of(
        "/camunda/api/engine/engine/default/task",
        "/camunda/api/engine/engine/default/process-definition",
        "/camunda/api/engine/engine/default/process-instance",
        "/camunda/api/engine/engine/default/user",
        "/camunda/api/engine/engine/default/history/process-instance",
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
        "/camunda/api/admin/plugin/adminPlugins_systemInfo/default/",
        "/camunda/api/tasklist/plugin/tasklist-search-plugin/default/").map(p -> p.replace("default", engine)).toList();
    List<String> failures = new ArrayList<>();
    for (String path : apis) {
      for (String user : java.util.Arrays.asList(null, "karen", "admin")) {
        // HTTP Basic with staff credentials is no sign-in to the webapps either
        int status = send("GET", path, user).statusCode();
        if (status != 401 && status != 403) {
          failures.add("GET " + path + (user == null ? " anonymous" : " as " + user + " (Basic)") + ": " + status);
        }
      }
      int post = send("POST", path, null).statusCode();
      if (post != 401 && post != 403) {
        failures.add("POST " + path + " anonymous: " + post);
      }
    }
    // public by design (the sign-in page needs it): the names of the engines, nothing more
    var engines = send("GET", "/camunda/api/engine/engine/", null);
    assertThat(engines.statusCode()).isEqualTo(200);
    assertThat(engines.body()).matches("\\[(\\{\"name\":\"[^\"]+\"},?)*]");
    for (String app : List.of("welcome", "cockpit", "tasklist", "admin")) {
      app = "/camunda/app/" + app + "/" + engine + "/";
      var page = getFollowing(app);
      assertThat(page.statusCode()).as(app + " -> " + page.uri()).isEqualTo(200);
      assertThat(page.uri().getPath()).as(app + " -> " + page.uri()).startsWith("/camunda/app/");
      assertThat(page.body()).as(app).doesNotContain("2027-0").doesNotContain("Karen");
    }
    System.out.println("EndpointSecurityTest: " + (apis.size() * 4 + 4) + " Camunda webapp requests checked");
    assertThat(failures).isEmpty();
  }

  /** The engine REST API's root resources, from the resource classes Camunda registers. */
  static Set<String> engineRestPaths() {
    Set<String> paths = new TreeSet<>();
    for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
      Path root = resource.getAnnotation(Path.class);
      String base = "/engine-rest" + (root == null ? "" : fillJaxRs(root.value()));
      paths.add(normalise(base));
      for (Method m : resource.getMethods()) {
        Path sub = m.getAnnotation(Path.class);
        if (sub != null) {
          paths.add(normalise(base + "/" + fillJaxRs(sub.value())));
        }
      }
    }
    return paths;
  }

  private static String normalise(String path) {
    String p = path.replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static String fillJaxRs(String template) {
    return template.replaceAll("\\{[^}]*}", "default");
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

  private static String fill(String pattern) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String sample = SAMPLES.get(m.group(1));
      assertThat(sample).as("a sample value for the path variable {" + m.group(1) + "} in " + pattern).isNotNull();
      m.appendReplacement(sb, sample);
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private MockHttpServletRequestBuilder build(String method, String path, Kind kind, String role) {
    MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path);
    if (!method.equals("GET")) {
      request.contentType(MediaType.APPLICATION_JSON).content("{}");
    }
    if (kind == Kind.PAGE) {
      request.with(csrf());
      if (role != null) {
        request.with(user(USER_OF_ROLE.get(role)).roles(role));
      }
    } else if (role != null) {
      request.with(httpBasic(USER_OF_ROLE.get(role), PASSWORD));
    }
    return request;
  }
}
