package dk.trappen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import dk.trappen.testsupport.JourneySeeder;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The attacks of the security review, replayed against the engine's doors (findings 1–4): deploying code, completing
 * a task past Trappen, reading case facts from variables, and the webapps' first-user setup. Each is refused for every
 * role, the administrator included, and nothing changes; what an operator needs still works.
 */
@DisplayName("The engine's doors: no deployment, no task completion and no variable values from outside Trappen")
class EngineDoorsTest extends SecurityTestSupport {

  /** A process whose script would run a command on the server, as the attacker deployed it. */
  private static final String EVIL_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="x">
        <process id="evil" isExecutable="true" camunda:historyTimeToLive="P1D">
          <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
          <serviceTask id="t" camunda:expression="${Runtime.getRuntime().exec('touch /tmp/trappen-pwned')}"/>
          <sequenceFlow id="f2" sourceRef="t" targetRef="e"/><endEvent id="e"/>
        </process>
      </definitions>""";

  @Autowired
  private ProcessEngine engine;
  @Autowired
  private RepositoryService repository;
  @Autowired
  private TaskService tasks;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private ManagementService management;
  @Autowired
  private ObjectMapper json;

  private static final AtomicInteger SERIAL = new AtomicInteger(700);

  private String caseNumber;

  @BeforeEach
  void aCaseWithAnOpenTask() throws Exception {
    Instant received = Instant.now().minus(1, ChronoUnit.HOURS);
    String cpr = JourneySeeder.cpr(LocalDate.of(2012, 1, 1), SERIAL.incrementAndGet());
    var n = Map.of("child", Map.of("cpr", cpr, "firstName", "Maja", "lastName", "Berg", "birthDate", "2012-01-01"),
        "notifierKind", "SCHOOL", "notifierOrganisation", "Skolen", "concern", "Bekymring", "receivedAt",
        received.toString(), "team", "nord");
    var result = mvc.perform(post("/api/notifications").with(httpBasic("ida", PASSWORD))
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(n))).andReturn();
    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isIn(200, 201);
    caseNumber = json.readTree(result.getResponse().getContentAsString()).path("caseNumber").asText();
  }

  private Task openTask() {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().get(0);
    assertThat(task).isNotNull();
    return task;
  }

  @Test
  @DisplayName("a deployment through the engine REST API or the webapps is refused for every role, the administrator "
      + "included, and nothing is deployed")
  void noDeployment() throws Exception {
    long before = repository.createDeploymentQuery().count();
    for (String user : List.of("ida", "karen", "birgitte", "admin")) {
      assertThat(multipart("/engine-rest/deployment/create", user).statusCode()).as(user).isEqualTo(403);
      assertThat(multipart(rest("/deployment/create"), user).statusCode())
          .as(user).isEqualTo(403);
    }
    assertThat(multipart("/engine-rest/deployment/create", null).statusCode()).isEqualTo(401);
    Session admin = signIn("admin");
    admin.send("GET", "/camunda/app/cockpit/" + engine.getName() + "/");
    assertThat(admin.send("POST", "/camunda/api/engine/engine/" + engine.getName() + "/deployment/create")
        .statusCode()).isEqualTo(403);
    assertThat(admin.send("POST", "/camunda/api/engine/engine/" + engine.getName() + "/deployment/"
        + repository.createDeploymentQuery().list().get(0).getId() + "/redeploy").statusCode()).isEqualTo(403);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("evil").count()).isZero();
  }

  @Test
  @DisplayName("a task is not completed, resolved, submitted, claimed or given variables through the engine REST API "
      + "or the webapps by anyone, the administrator included; the task stays open and unchanged")
  void noTaskCompletion() throws Exception {
    Task task = openTask();
    String id = task.getId();
    Map<String, Object> variables = tasks.getVariables(id);
    Session admin = signIn("admin");
    admin.send("GET", "/camunda/app/cockpit/" + engine.getName() + "/");
    String webapp = "/camunda/api/engine/engine/" + engine.getName() + "/task/" + id;
    for (String action : List.of("complete", "resolve", "submit-form", "claim", "assignee", "delegate",
        "variables", "localVariables", "bpmnError", "bpmnEscalation", "identity-links")) {
      for (String user : List.of("ida", "karen", "birgitte", "admin")) {
        assertThat(send("POST", rest("/task/" + id + "/" + action), user).statusCode())
            .as(action + " as " + user).isEqualTo(403);
      }
      assertThat(admin.send("POST", webapp + "/" + action).statusCode()).as(action + " in the webapp").isEqualTo(403);
    }
    assertThat(send("PUT", rest("/task/") + id, "admin").statusCode()).isEqualTo(403);
    assertThat(send("DELETE", rest("/task/") + id, "admin").statusCode()).isEqualTo(403);
    assertThat(send("PUT", rest("/task/") + id + "/variables/approved", "admin").statusCode()).isEqualTo(403);
    Task after = tasks.createTaskQuery().taskId(id).singleResult();
    assertThat(after).as("the task is still open").isNotNull();
    assertThat(after.getAssignee()).isEqualTo(task.getAssignee());
    assertThat(tasks.getVariables(id)).isEqualTo(variables);
  }

  @Test
  @DisplayName("the operator reads no variable value: not as variables, historic variables, details, decision inputs "
      + "or forms, and not by a query that filters on a value")
  void noVariableValues() throws Exception {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
        .get(0);
    String pid = instance.getId();
    String name = runtime.getVariables(pid).keySet().iterator().next();
    List<String> reads = List.of("/variable-instance", "/variable-%69nstance", "/variable-instance/count", "/history/variable-instance",
        "/history/detail", "/history/decision-instance", "/process-instance/" + pid + "/variables",
        "/process-instance/" + pid + "/variables/" + name, "/execution/" + pid + "/localVariables",
        "/task/" + openTask().getId() + "/variables", "/task/" + openTask().getId() + "/form-variables",
        "/process-instance?variables=" + name + "_neq_x", "/history/process-instance?variables=" + name + "_neq_x",
        "/task?processVariables=" + name + "_neq_x", "/execution?variables=" + name + "_neq_x");
    for (String read : reads) {
      assertThat(send("GET", rest(read), "admin").statusCode()).as(read).isEqualTo(403);
    }
    assertThat(sendJson("POST", rest("/process-instance"),
        "{\"variables\":[{\"name\":\"" + name + "\",\"operator\":\"neq\",\"value\":\"x\"}]}").statusCode())
        .isEqualTo(403);
    assertThat(sendJson("POST", rest("/history/process-instance"),
        "{\"orQueries\":[{\"variables\":[{\"name\":\"" + name + "\",\"operator\":\"neq\",\"value\":\"x\"}]}]}")
        .statusCode()).isEqualTo(403);
    assertThat(sendJson("POST", rest("/variable-instance"), "{}").statusCode()).isEqualTo(403);
    Session admin = signIn("admin");
    admin.send("GET", "/camunda/app/cockpit/" + engine.getName() + "/");
    assertThat(admin.send("POST", "/camunda/api/engine/engine/" + engine.getName() + "/variable-instance")
        .statusCode()).isEqualTo(403);
    assertThat(admin.send("GET", "/camunda/api/engine/engine/" + engine.getName() + "/process-instance/" + pid
        + "/variables").statusCode()).isEqualTo(403);
    // and what is not case content the operator reads: the instance, its activities, its incidents
    assertThat(send("GET", rest("/process-instance/") + pid, "admin").statusCode()).isEqualTo(200);
    assertThat(send("GET", rest("/process-instance/") + pid + "/activity-instances", "admin").statusCode())
        .isEqualTo(200);
    assertThat(sendJson("POST", rest("/process-instance?maxResults=10"),
        "{\"businessKey\":\"" + caseNumber + "\"}").body()).contains(pid);
  }

  @Test
  @DisplayName("the operator keeps what operations need: suspend and activate an instance, set a job's retries, "
      + "through the REST API and Cockpit's API")
  void operationsStillWork() throws Exception {
    Job job = management.createJobQuery().list().stream()
        .filter(j -> caseNumber.equals(runtime.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId())
            .singleResult().getBusinessKey())).findFirst().orElseThrow();
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
        .singleResult();
    assertThat(sendJson("PUT", rest("/process-instance/") + instance.getId() + "/suspended",
        "{\"suspended\":true}").statusCode()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().isSuspended())
        .isTrue();
    Session admin = signIn("admin");
    admin.send("GET", "/camunda/app/cockpit/" + engine.getName() + "/");
    assertThat(admin.sendJson("PUT", "/camunda/api/engine/engine/" + engine.getName() + "/process-instance/"
        + instance.getId() + "/suspended", "{\"suspended\":false}").statusCode()).isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().isSuspended())
        .isFalse();
    assertThat(sendJson("PUT", rest("/job/") + job.getId() + "/retries", "{\"retries\":5}").statusCode())
        .isEqualTo(204);
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(5);
  }

  @Test
  @DisplayName("the webapps' first-user setup and password sign-in are refused to anyone, and the engine has no user "
      + "to sign in as")
  void noSetupNoSecondPassword() throws Exception {
    String setup = "/camunda/api/admin/setup/" + engine.getName() + "/user/create";
    String body = "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\",\"email\":\"m@x.dk\"},"
        + "\"credentials\":{\"password\":\"Mallory-2026-x\"}}";
    Session anonymous = new Session();
    anonymous.send("GET", "/camunda/app/cockpit/" + engine.getName() + "/");
    assertThat(anonymous.sendJson("POST", setup, body).statusCode()).isEqualTo(401);
    Session admin = signIn("admin");
    admin.send("GET", "/camunda/app/admin/" + engine.getName() + "/");
    assertThat(admin.sendJson("POST", setup, body).statusCode()).isEqualTo(403);
    assertThat(admin.sendJson("POST", "/camunda/api/admin/auth/user/" + engine.getName() + "/login/cockpit",
        "{}").statusCode()).isEqualTo(403);
    assertThat(sendJson("POST", rest("/user/create"), body).statusCode()).isEqualTo(403);
    assertThat(engine.getIdentityService().isReadOnly()).as("the engine's identity is read-only").isTrue();
    assertThat(engine.getIdentityService().createUserQuery().count()).as("engine users").isZero();
    // the administrator is in the webapps as Trappen's admin, without a password of the engine's
    assertThat(admin.send("GET", "/camunda/api/admin/auth/user/" + engine.getName()).body())
        .contains("\"userId\":\"admin\"").contains("cockpit").doesNotContain("tasklist");
  }

  /** A path of this context's engine in the REST API (several engines run in one test JVM; the default may be another's). */
  private String rest(String path) {
    return "/engine-rest/engine/" + engine.getName() + path;
  }

  private HttpResponse<String> sendJson(String method, String path, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .header("Authorization", basic("admin")).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A deployment as the attacker sent it: multipart with the BPMN file. */
  private HttpResponse<String> multipart(String path, String user) throws Exception {
    String boundary = "trappen" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nevil\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"evil.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + EVIL_BPMN + "\r\n--" + boundary + "--\r\n";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
