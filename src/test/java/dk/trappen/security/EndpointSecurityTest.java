package dk.trappen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trappen.security.JaxRsRoutes.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
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
 * Every route of the running application, and who gets in. The routes are read from the application, not written
 * down: the Spring MVC routes from the handler mapping (every method), the engine REST API's routes from the JAX-RS
 * resources Camunda registers (sub-resources followed, every HTTP method, under {@code /engine-rest} and under
 * {@code /engine-rest/engine/{name}}), the Camunda webapps' APIs from their JAX-RS applications and plugins, and the
 * actuator's endpoints from its own index. For each route, every role is tried: the ones refused must be refused
 * (401 anonymous, 403 signed in), and the ones allowed must get past security (any answer but 401, 403 or the
 * sign-in page).
 *
 * <p>What is expected is stated here in the design's terms, not copied from the security configuration: the Spring
 * MVC routes' roles in {@link #RULES} (a route missing from it fails the test), and for the engine an operator
 * reads what is not case content (Camunda's own naming: GET, or a POST whose Java method is a query) and writes only
 * the operations in {@link #OPERATOR_WRITES}, the list docs/operations.md gives.
 */
@DisplayName("Every route of the application, the engine REST API and the Camunda webapps refuses and lets in "
    + "exactly who it should")
class EndpointSecurityTest extends SecurityTestSupport {

  enum Kind { API, PAGE, PUBLIC }

  record Rule(Kind kind, Set<String> roles) {
  }

  private static final Set<String> CASEWORK = Set.of("INTAKE", "CASEWORKER", "TEAM_LEADER");
  private static final Set<String> EVERYONE = Set.of("INTAKE", "CASEWORKER", "TEAM_LEADER", "HEAD", "ADMIN");
  /** Who reads a case: its team's staff and head of department, and intake (its intake view). */
  private static final Set<String> READ_CASES = Set.of("INTAKE", "CASEWORKER", "TEAM_LEADER", "HEAD");
  private static final Set<String> LEADER = Set.of("TEAM_LEADER");
  private static final Set<String> OVERSEE = Set.of("TEAM_LEADER", "HEAD");
  private static final Set<String> ADMIN = Set.of("ADMIN");
  private static final List<String> STAFF = List.of("ida", "karen", "birgitte");

  /** A user of each role, signed in to the pages or over HTTP Basic to the API. */
  private static final Map<String, String> USER_OF_ROLE = Map.of(
      "INTAKE", "ida", "CASEWORKER", "karen", "TEAM_LEADER", "birgitte", "HEAD", "hanne", "ADMIN", "admin");

  /** Who may call each Spring MVC route ("METHOD pattern"), as the design gives the roles' work. */
  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    api("GET /api/cases", READ_CASES);
    api("GET /api/cases/{caseNumber}", READ_CASES);
    api("GET /api/cases/{caseNumber}/intake", READ_CASES);
    api("GET /api/cases/{caseNumber}/audit", OVERSEE);
    api("POST /api/cases/{caseNumber}/concerns", CASEWORK);
    api("GET /api/cases/{caseNumber}/journal", READ_CASES);
    api("POST /api/cases/{caseNumber}/journal", CASEWORK);
    api("POST /api/cases/{caseNumber}/journal/{id}/corrections", CASEWORK);
    api("POST /api/cases/{caseNumber}/interventions/{interventionId}/safety-plan", CASEWORK);
    // a case's deadlines with their changes (issue 20): read as the case is; a caseworker asks to extend or pause and
    // resumes, the team leader extends, pauses, resumes and decides (CaseAccess refuses intake, "not found")
    api("GET /api/cases/{caseNumber}/deadlines", READ_CASES);
    api("POST /api/cases/{caseNumber}/deadlines/{id}/extensions", CASEWORK);
    api("POST /api/cases/{caseNumber}/deadlines/{id}/extensions/{changeId}/decision", LEADER);
    api("POST /api/cases/{caseNumber}/deadlines/{id}/resume", CASEWORK);
    api("GET /api/oversight/deadline-requests", OVERSEE);
    api("GET /api/cases/{caseNumber}/parties", READ_CASES);
    api("POST /api/cases/{caseNumber}/parties", CASEWORK);
    api("POST /api/cases/{caseNumber}/consents", CASEWORK);
    // documents: read as the case is (CaseAccess then refuses intake), written by the case's team
    api("GET /api/cases/{caseNumber}/documents", READ_CASES);
    api("POST /api/cases/{caseNumber}/documents", CASEWORK);
    api("GET /api/documents/{id}", READ_CASES);
    api("POST /api/documents/{id}/filed-in-error", CASEWORK);
    // letters (issue 19): read as the case is read, written as it is written; CaseAccess then refuses intake and
    // other teams ("not found") per letter
    api("GET /api/cases/{caseNumber}/letters", READ_CASES);
    api("GET /api/cases/{caseNumber}/plan.pdf", READ_CASES);
    api("GET /api/letters/{id}", READ_CASES);
    api("PUT /api/letters/{id}", CASEWORK);
    api("POST /api/letters/{id}/send", CASEWORK);
    api("GET /api/letters/{id}/pdf", READ_CASES);
    api("GET /api/tasks", CASEWORK);
    api("GET /api/tasks/{id}", CASEWORK);
    api("POST /api/tasks/{id}/claim", CASEWORK);
    api("POST /api/tasks/{id}/complete", CASEWORK);
    // a staff user's own saved filters of their task list: whoever has a task list (no head, no administrator)
    api("GET /api/tasks/filters", CASEWORK);
    api("POST /api/tasks/filters", CASEWORK);
    api("DELETE /api/tasks/filters/{id}", CASEWORK);
    api("POST /api/notifications", CASEWORK);
    api("GET /api/oversight/deadlines", OVERSEE);
    api("GET /api/oversight/teams", OVERSEE);
    api("GET /api/figures", OVERSEE);
    api("GET /api/oversight/cases-without-caseworker", OVERSEE);
    // the bell: the user's own news; the administrator reads no case content and has none
    api("GET /api/me/bell", READ_CASES);
    api("POST /api/reassignments/tasks", LEADER);
    api("POST /api/reassignments/cases", LEADER);
    api("GET /api/demo/clock", ADMIN);
    api("POST /api/demo/clock", ADMIN);
    api("POST /api/admin/users/{username}/unlock", ADMIN);
    api("POST /api/admin/addresses/{address}/unlock", ADMIN);
    api("GET /api/admin/teams", ADMIN);
    api("POST /api/admin/teams", ADMIN);
    api("PATCH /api/admin/teams/{code}", ADMIN);
    api("GET /api/admin/users", ADMIN);
    api("POST /api/admin/users", ADMIN);
    api("GET /api/admin/users/{username}", ADMIN);
    api("PATCH /api/admin/users/{username}", ADMIN);
    api("POST /api/admin/users/{username}/password", ADMIN);

    page("GET /", EVERYONE);
    page("GET /session/keep-alive", EVERYONE);
    page("GET /tasks", CASEWORK);
    page("POST /tasks/{id}/claim", CASEWORK);
    page("POST /tasks/filters", CASEWORK);
    page("POST /tasks/filters/{id}/delete", CASEWORK);
    page("GET /tasks/{id}", CASEWORK);
    page("POST /tasks/{id}", CASEWORK);
    page("GET /tasks/{id}/goal-row", CASEWORK);
    page("GET /tasks/{id}/subgoal-row", CASEWORK);
    page("GET /tasks/{id}/participant-row", CASEWORK);
    page("GET /cases", READ_CASES);
    page("GET /cases/{caseNumber}", READ_CASES);
    page("POST /cases/{caseNumber}/concerns", CASEWORK);
    page("POST /cases/{caseNumber}/journal", CASEWORK);
    page("POST /cases/{caseNumber}/journal/{id}/corrections", CASEWORK);
    page("POST /cases/{caseNumber}/interventions/{interventionId}/safety-plan", CASEWORK);
    page("POST /cases/{caseNumber}/deadlines/{id}/extensions", CASEWORK);
    page("POST /cases/{caseNumber}/deadlines/{id}/extensions/{changeId}/decision", LEADER);
    page("POST /cases/{caseNumber}/deadlines/{id}/resume", CASEWORK);
    page("POST /cases/{caseNumber}/parties", CASEWORK);
    page("POST /cases/{caseNumber}/consents", CASEWORK);
    page("POST /cases/{caseNumber}/documents", CASEWORK);
    page("GET /cases/{caseNumber}/documents/{id}", READ_CASES);
    page("POST /cases/{caseNumber}/documents/{id}/filed-in-error", CASEWORK);
    page("GET /cases/{caseNumber}/letters/{id}", READ_CASES);
    page("POST /cases/{caseNumber}/letters/{id}", CASEWORK);
    page("POST /cases/{caseNumber}/letters/{id}/send", CASEWORK);
    page("GET /cases/{caseNumber}/letters/{id}/pdf", READ_CASES);
    page("GET /cases/{caseNumber}/plan.pdf", READ_CASES);
    page("GET /intake", CASEWORK);
    page("POST /intake", CASEWORK);
    page("GET /intake/child-check", CASEWORK);
    page("GET /oversight", OVERSEE);
    page("GET /bell", READ_CASES);
    page("POST /oversight/reassign-tasks", LEADER);
    page("POST /oversight/reassign-cases", LEADER);
    page("GET /oversight/late.csv", OVERSEE);
    page("GET /oversight/figures.csv", OVERSEE);
    page("GET /figures", OVERSEE);
    page("GET /figures.csv", OVERSEE);
    page("GET /admin/clock", ADMIN);
    page("GET /admin/audit.csv", ADMIN);
    page("POST /admin/clock", ADMIN);
    page("GET /admin/users", ADMIN);
    page("GET /admin/users/new", ADMIN);
    page("POST /admin/users/new", ADMIN);
    page("GET /admin/users/{username}", ADMIN);
    page("POST /admin/users/{username}", ADMIN);
    page("POST /admin/users/{username}/password", ADMIN);
    page("POST /admin/users/{username}/unlock", ADMIN);
    page("GET /admin/teams", ADMIN);
    page("POST /admin/teams", ADMIN);
    page("POST /admin/teams/{code}", ADMIN);
    page("GET /admin/rules", ADMIN);
    // every signed-in staff user chooses their own password
    page("GET /account/password", EVERYONE);
    page("POST /account/password", EVERYONE);
    // the API's description: for an administrator (who sets up integrations), not for anyone on the network
    page("GET /api-docs", ADMIN);
    page("GET /api-docs/swagger-config", ADMIN);
    page("GET /api-docs.yaml", ADMIN);
    page("GET /swagger-ui.html", ADMIN);

    // public: the sign-in page and the error page
    open("GET /login");
    open("GET /error");
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

  /**
   * What an operator may change through the engine's APIs (docs/operations.md): suspend and activate, retries and
   * running a failed job, incidents, migration, batches and the history cleanup. Nothing else that writes.
   */
  static final Set<String> OPERATOR_WRITES = Set.of(
      "PUT /process-instance/{id}/suspended", "PUT /process-instance/suspended",
      "POST /process-instance/suspended-async", "PUT /process-definition/{id}/suspended",
      "PUT /process-definition/suspended", "PUT /process-definition/key/{key}/suspended",
      "PUT /process-definition/key/{key}/tenant-id/{tenantId}/suspended", "PUT /job-definition/{id}/suspended",
      "PUT /job-definition/suspended", "PUT /job/{id}/suspended", "PUT /job/suspended",
      "PUT /job/{id}/retries", "POST /job/retries", "PUT /job-definition/{id}/retries",
      "POST /process-instance/job-retries", "POST /process-instance/job-retries-historic-query-based",
      "POST /job/{id}/execute", "PUT /external-task/{id}/retries", "PUT /external-task/retries",
      "POST /external-task/retries-async", "DELETE /incident/{id}", "PUT /incident/{id}/annotation",
      "DELETE /incident/{id}/annotation", "PUT /history/user-operation/{operationId}/set-annotation",
      "PUT /history/user-operation/{operationId}/clear-annotation", "POST /migration/generate",
      "POST /migration/validate", "POST /migration/execute", "POST /migration/executeAsync",
      "PUT /batch/{id}/suspended", "DELETE /batch/{id}", "DELETE /history/batch/{id}", "POST /history/cleanup");

  /** Path segments of case content: variable values, forms, decision inputs, comments, the Tasklist's filters. */
  static final Set<String> CASE_CONTENT = Set.of("variables", "localVariables", "variable-instance",
      "variable-instances", "form-variables", "rendered-form", "deployed-form", "detail", "decision-instance",
      "comment", "attachment", "filter");

  /** Sample values for path variables; refusals come before any lookup, so they need not exist. */
  private static final Map<String, String> SAMPLES = Map.of(
      "caseNumber", "2027-000001", "id", "no-such-task", "name", "default", "username", "nobody",
      "address", "192.0.2.1", "code", "no-such-team");

  @Autowired
  private ProcessEngine processEngine;

  @Autowired
  private ObjectMapper json;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping handlerMapping;

  @Test
  @DisplayName("every Spring MVC route is classified, refuses anonymous callers and the roles not listed, and lets "
      + "the listed roles in")
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
    int refusals = 0;
    int entries = 0;
    for (String route : routes) {
      Rule rule = RULES.get(route);
      String method = route.substring(0, route.indexOf(' '));
      String path = fill(route.substring(route.indexOf(' ') + 1), SAMPLES);
      int anonymous = status(build(method, path, rule.kind(), null));
      if (rule.kind() == Kind.PUBLIC) {
        entries++;
        if (anonymous == 401 || anonymous == 403 || anonymous == LOGIN) {
          failures.add(route + " anonymous: " + anonymous + " (public, expected to get in)");
        }
        continue;
      }
      refusals++;
      int expectedAnonymous = rule.kind() == Kind.API ? 401 : LOGIN;
      if (anonymous != expectedAnonymous) {
        failures.add(route + " anonymous: " + anonymous + " (expected " + expectedAnonymous + ")");
      }
      for (String role : EVERYONE) {
        int status = status(build(method, path, rule.kind(), role));
        if (rule.roles().contains(role)) {
          entries++;
          if (status == 401 || status == 403 || status == LOGIN) {
            failures.add(route + " as " + role + ": " + status + " (expected to get in)");
          }
        } else {
          refusals++;
          if (status != 403) {
            failures.add(route + " as " + role + ": " + status + " (expected 403)");
          }
        }
      }
    }
    System.out.println("EndpointSecurityTest: " + routes.size() + " Spring MVC routes, " + refusals
        + " refusals and " + entries + " entries checked");
    assertThat(failures).isEmpty();
  }

  @Test
  @DisplayName("every route of the engine REST API, sub-resources and every method, refuses anonymous callers and "
      + "staff who are not administrators, and lets an operator do only reads without case content and operations")
  void engineRest() throws Exception {
    Set<Route> routes = engineRoutes();
    assertThat(routes).as("the engine's routes as read from its resources").hasSizeGreaterThan(400);
    assertThat(routes.stream().map(Route::toString)).contains("POST /engine-rest/deployment/create",
        "POST /engine-rest/task/{id}/complete", "GET /engine-rest/variable-instance",
        "POST /engine-rest/engine/{name}/deployment/create", "PUT /engine-rest/job/{id}/retries");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    int allowed = 0;
    for (Route route : routes) {
      String path = fill(route.template(), Map.of());
      boolean named = route.template().startsWith("/engine-rest/engine/{name}");
      String relative = named ? route.template().substring("/engine-rest/engine/{name}".length())
          : route.template().substring("/engine-rest".length());
      checked++;
      int anonymous = send(route.method(), path, null).statusCode();
      if (anonymous != 401) {
        failures.add(route + " anonymous: " + anonymous + " (expected 401)");
      }
      // every staff role on the resources of the default engine; one on the named engine's copies of them
      for (String user : named ? List.of("karen") : STAFF) {
        int status = send(route.method(), path, user).statusCode();
        if (status != 403) {
          failures.add(route + " as " + user + ": " + status + " (expected 403)");
        }
      }
      int admin = send(route.method(), path, "admin").statusCode();
      if (operatorMay(route.method(), relative.isEmpty() ? "/" : relative, route.javaMethod())) {
        allowed++;
        if (admin == 401 || admin == 403) {
          failures.add(route + " as admin: " + admin + " (an operator's read or operation, expected to get in)");
        }
      } else if (admin != 403) {
        failures.add(route + " as admin: " + admin + " (expected 403)");
      }
    }
    System.out.println("EndpointSecurityTest: " + checked + " engine REST routes checked, " + allowed
        + " open to an operator");
    assertThat(failures).isEmpty();
  }

  @Test
  @DisplayName("every route of the Camunda webapps' APIs refuses anonymous callers and signed-in staff who are not "
      + "administrators, and lets an administrator signed in to Trappen do only reads and operations")
  void camundaWebapps() throws Exception {
    String engine = processEngine.getName();
    Set<Route> routes = new TreeSet<>();
    routes.addAll(JaxRsRoutes.of("/camunda/api/engine", classes(new org.camunda.bpm.webapp.impl.engine
        .EngineRestApplication().getClasses())));
    routes.addAll(JaxRsRoutes.of("/camunda/api/cockpit", classes(new CockpitApplication().getClasses())));
    routes.addAll(JaxRsRoutes.of("/camunda/api/admin", classes(new AdminApplication().getClasses())));
    routes.addAll(JaxRsRoutes.of("/camunda/api/tasklist", classes(new TasklistApplication().getClasses())));
    routes.addAll(JaxRsRoutes.of("/camunda/api/welcome", classes(new WelcomeApplication().getClasses())));
    assertThat(routes.stream().map(Route::toString)).contains(
        "POST /camunda/api/admin/setup/{engine}/user/create",
        "POST /camunda/api/engine/engine/{name}/deployment/create",
        "POST /camunda/api/engine/engine/{name}/task/{id}/complete");

    Session anonymous = new Session();
    Session karen = signIn("karen");
    Session admin = signIn("admin");
    // the webapps hand out their CSRF token (a cookie) with their pages; writes send it back in a header
    admin.send("GET", "/camunda/app/cockpit/" + engine + "/");
    List<String> failures = new ArrayList<>();
    int allowed = 0;
    for (Route route : routes) {
      String path = fillWebapp(route.template(), engine);
      int a = anonymous.send(route.method(), path).statusCode();
      if (a != 401) {
        failures.add(route + " anonymous: " + a + " (expected 401)");
      }
      int k = karen.send(route.method(), path).statusCode();
      if (k != 403) {
        failures.add(route + " as karen (signed in): " + k + " (expected 403)");
      }
      int status = admin.send(route.method(), path).statusCode();
      if (adminMayInWebapps(route)) {
        allowed++;
        if (status == 401 || status == 403) {
          failures.add(route + " as admin: " + status + " (expected to get in)");
        }
      } else if (status != 403) {
        failures.add(route + " as admin: " + status + " (expected 403)");
      }
    }
    // the webapps' pages: the sign-in page of Trappen for anyone not signed in, refused to staff, open to the admin
    for (String app : List.of("welcome", "cockpit", "admin", "tasklist")) {
      String page = "/camunda/app/" + app + "/" + engine + "/";
      int a = anonymous.send("GET", page).statusCode();
      if (a != 302 || !anonymous.lastLocation().endsWith("/login")) {
        failures.add(page + " anonymous: " + a + " " + anonymous.lastLocation() + " (expected Trappen's sign-in)");
      }
      int k = karen.send("GET", page).statusCode();
      if (k != 403) {
        failures.add(page + " as karen: " + k + " (expected 403)");
      }
      int s = admin.send("GET", page).statusCode();
      if (app.equals("tasklist") ? s != 403 : s != 200) {
        failures.add(page + " as admin: " + s + " (expected " + (app.equals("tasklist") ? 403 : 200) + ")");
      }
    }
    System.out.println("EndpointSecurityTest: " + routes.size() + " Camunda webapp API routes checked, " + allowed
        + " open to an administrator");
    assertThat(failures).isEmpty();
  }

  @Test
  @DisplayName("the actuator's endpoints, read from its index: health open without details, the rest for an "
      + "administrator only")
  void actuator() throws Exception {
    JsonNode index = json.readTree(send("GET", "/actuator", "admin").body());
    Set<String> endpoints = new TreeSet<>();
    index.path("_links").forEach(link -> {
      String href = link.path("href").asText().replaceAll("^https?://[^/]+", "");
      if (!link.path("templated").asBoolean()) {
        endpoints.add(href);
      }
    });
    assertThat(endpoints).contains("/actuator/health", "/actuator/prometheus", "/actuator/metrics");
    List<String> failures = new ArrayList<>();
    for (String endpoint : endpoints) {
      boolean health = endpoint.startsWith("/actuator/health");
      int a = send("GET", endpoint, null).statusCode();
      if (health ? a != 200 : a != 401) {
        failures.add(endpoint + " anonymous: " + a);
      }
      for (String user : STAFF) {
        int s = send("GET", endpoint, user).statusCode();
        if (health ? s != 200 : s != 403) {
          failures.add(endpoint + " as " + user + ": " + s);
        }
      }
      // (an answer other than JSON is fine: the request asks for JSON, and Prometheus's format answers 406)
      int admin = send("GET", endpoint, "admin").statusCode();
      if (admin == 401 || admin == 403) {
        failures.add(endpoint + " as admin: " + admin);
      }
    }
    assertThat(send("GET", "/actuator/health", null).body()).doesNotContain("components").doesNotContain("db");
    System.out.println("EndpointSecurityTest: " + endpoints.size() + " actuator endpoints checked");
    assertThat(failures).isEmpty();
  }

  /** Whether an operator may call this engine route: reads without case content, and the operations. */
  static boolean operatorMay(String method, String relative, String javaMethod) {
    if (Arrays.stream(relative.split("/")).anyMatch(CASE_CONTENT::contains)) {
      return false;
    }
    boolean read = method.equals("GET") || method.equals("HEAD")
        || method.equals("POST") && javaMethod.startsWith("query");
    return read || OPERATOR_WRITES.contains(method + " " + relative);
  }

  private static boolean adminMayInWebapps(Route route) {
    String t = route.template();
    if (t.startsWith("/camunda/api/engine/engine/{name}")) {
      return operatorMay(route.method(), t.substring("/camunda/api/engine/engine/{name}".length()),
          route.javaMethod());
    }
    if (t.startsWith("/camunda/api/engine")) {
      return route.method().equals("GET");
    }
    if (t.startsWith("/camunda/api/tasklist") || t.startsWith("/camunda/api/admin/setup")
        || t.matches("/camunda/api/admin/auth/user/[^/]+/login.*")) {
      return false;
    }
    if (t.matches("/camunda/api/admin/auth/user/[^/]+(/logout)?")) {
      return true;
    }
    boolean content = Arrays.stream(t.split("/")).anyMatch(CASE_CONTENT::contains);
    return !content && (route.method().equals("GET") || route.method().equals("POST"));
  }

  private Set<Route> engineRoutes() {
    List<Class<?>> resources = new ArrayList<>(CamundaRestResources.getResourceClasses());
    Set<Route> routes = new TreeSet<>(JaxRsRoutes.of("/engine-rest", resources));
    assertThat(routes.stream().anyMatch(r -> r.template().startsWith("/engine-rest/engine/{name}/")))
        .as("the named engine's routes (" + NamedProcessEngineRestServiceImpl.class.getSimpleName() + ")").isTrue();
    return routes;
  }

  private static List<Class<?>> classes(Collection<Class<?>> classes) {
    return new ArrayList<>(classes);
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

  private String fill(String template, Map<String, String> samples) {
    String engine = processEngine.getName();
    String t = template.replace("/engine/{name}", "/engine/" + engine);
    Matcher m = VARIABLE.matcher(t);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, samples.getOrDefault(m.group(1).trim(), "default"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private String fillWebapp(String template, String engine) {
    String t = template.replace("/engine/{name}", "/engine/" + engine)
        .replace("{engineName}", engine).replace("{engine}", engine)
        // a plugin's static files: one that exists (the plugins refuse other names with a 403 of their own)
        .replace("{file:.*}", "app/plugin.js");
    return VARIABLE.matcher(t).replaceAll("default");
  }

  /** A redirect to the sign-in page, as a status. */
  private static final int LOGIN = -302;

  private int status(MockHttpServletRequestBuilder request) {
    try {
      MvcResult result = mvc.perform(request).andReturn();
      int status = result.getResponse().getStatus();
      return status == 302 && String.valueOf(result.getResponse().getRedirectedUrl()).endsWith("/login")
          ? LOGIN : status;
    } catch (Exception e) {
      // past security: the handler ran and failed on the sample input
      return 500;
    }
  }

  private MockHttpServletRequestBuilder build(String method, String path, Kind kind, String role) {
    MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path);
    if (!method.equals("GET")) {
      request.contentType(MediaType.APPLICATION_JSON).content("{}");
    }
    if (kind != Kind.API) {
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
