package dk.trappen.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an operator (Trappen's {@code ADMIN}) may do through the engine's APIs: the engine REST API under
 * {@code /engine-rest} and the Camunda webapps' engine and plugin APIs under {@code /camunda/api}. An allow-list: every
 * request is refused unless it is a read, or one of the operations named here.
 *
 * <ul>
 *   <li><b>Reads</b> (GET, and the POST queries of {@link #POST_QUERIES}) are allowed, except of variable values and
 *       what carries case content: variables, form variables, rendered forms, historic details, decision instances
 *       (their inputs are the investigation's findings), comments and attachments, and the Tasklist's filters. A query
 *       that filters or sorts by variable values is refused too, in its parameters and in its JSON body at any depth
 *       (a query by value would read a value one guess at a time).</li>
 *   <li><b>Operations</b> ({@link #OPERATIONS}): suspend and activate, job retries and executing a job now, incidents
 *       and their annotations, batches, process instance migration and the history cleanup.</li>
 *   <li><b>Refused</b>: everything else, in particular deploying (processes come only from {@code bpmn/} at start-up),
 *       starting, completing, resolving or submitting a task or a form, claiming, assigning, setting or deleting
 *       variables, correlating messages and signals, modifying, restarting or deleting process instances, changing a
 *       timer's due date (a deadline moves only through Trappen, with a reason), deleting history, and any change
 *       of the engine's own users, groups, tenants, authorizations and filters (Trappen's staff are the one
 *       identity).</li>
 * </ul>
 *
 * <p>Paths are given relative to the engine (after {@code /engine-rest}, {@code /engine-rest/engine/{name}} or
 * {@code /camunda/api/engine/engine/{name}}). docs/operations.md lists what an operator can and cannot do.
 */
final class EngineApiPolicy {

  private EngineApiPolicy() {
  }

  /** Path segments whose resources are variable values or case content. */
  static final Set<String> CONTENT_SEGMENTS = Set.of("variables", "localVariables", "variable-instance",
      "variable-instances", "form-variables", "rendered-form", "deployed-form", "detail", "decision-instance",
      "comment", "attachment", "filter");

  /** Query parameters and JSON keys that filter, sort or return by variable values. */
  static final Set<String> VARIABLE_KEYS = Set.of("variables", "processVariables", "taskVariables",
      "caseInstanceVariables", "caseExecutionVariables", "localVariables", "variableName", "variableNameLike",
      "variableValue", "variableNamesIgnoreCase", "variableValuesIgnoreCase", "withVariablesInReturn",
      "variablesInResultEnabled", "deserializeValues", "processVariable", "taskVariable", "caseInstanceVariable",
      "caseExecutionVariable", "variable");

  /** POST requests that are queries: read-only, with the query in the body. */
  static final List<String> POST_QUERIES = List.of(
      "/process-instance", "/process-instance/count", "/execution", "/execution/count", "/task", "/task/count",
      "/job", "/job/count", "/job-definition", "/job-definition/count", "/external-task", "/external-task/count",
      "/case-instance", "/case-instance/count", "/case-execution", "/case-execution/count",
      "/history/process-instance", "/history/process-instance/count", "/history/activity-instance",
      "/history/activity-instance/count", "/history/task", "/history/task/count", "/history/job-log",
      "/history/job-log/count", "/history/external-task-log", "/history/external-task-log/count",
      "/history/case-instance", "/history/case-instance/count", "/schema/log", "/group", "/group/count");

  /** The operations an operator needs, as "METHOD path" with {placeholders} for one path segment each. */
  static final List<String> OPERATIONS = List.of(
      // suspend and activate
      "PUT /process-instance/{id}/suspended", "PUT /process-instance/suspended",
      "POST /process-instance/suspended-async",
      "PUT /process-definition/{id}/suspended", "PUT /process-definition/suspended",
      "PUT /process-definition/key/{key}/suspended", "PUT /process-definition/key/{key}/tenant-id/{tenant}/suspended",
      "PUT /job-definition/{id}/suspended", "PUT /job-definition/suspended",
      "PUT /job/{id}/suspended", "PUT /job/suspended",
      // failed jobs: retries, and running a job now
      "PUT /job/{id}/retries", "POST /job/retries", "PUT /job-definition/{id}/retries",
      "POST /process-instance/job-retries", "POST /process-instance/job-retries-historic-query-based",
      "POST /job/{id}/execute",
      "PUT /external-task/{id}/retries", "PUT /external-task/retries", "POST /external-task/retries-async",
      // incidents
      "DELETE /incident/{id}", "PUT /incident/{id}/annotation", "DELETE /incident/{id}/annotation",
      "PUT /history/user-operation/{id}/set-annotation", "PUT /history/user-operation/{id}/clear-annotation",
      // process instance migration to a new version of a process
      "POST /migration/generate", "POST /migration/validate", "POST /migration/execute",
      "POST /migration/executeAsync",
      // batches and the history cleanup
      "PUT /batch/{id}/suspended", "DELETE /batch/{id}", "DELETE /history/batch/{id}", "POST /history/cleanup");

  private static final List<Map.Entry<String, Pattern>> OPERATION_PATTERNS = OPERATIONS.stream()
      .map(op -> Map.entry(op.substring(0, op.indexOf(' ')),
          Pattern.compile(op.substring(op.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "[^/]+"))))
      .toList();

  /**
   * Why the request is refused, or empty when it is allowed.
   *
   * @param method the HTTP method
   * @param path the path relative to the engine, starting with "/" (or empty for the engine's root)
   * @param parameterNames the query string's parameter names
   * @param body the JSON body, or null when there is none
   */
  static Optional<String> refusal(String method, String path, Iterable<String> parameterNames, JsonNode body) {
    String p = path.isEmpty() ? "/" : path;
    for (String segment : p.split("/")) {
      if (CONTENT_SEGMENTS.contains(segment)) {
        return Optional.of("case content: " + segment);
      }
    }
    for (String name : parameterNames) {
      if (VARIABLE_KEYS.contains(name)) {
        return Optional.of("query by variable: " + name);
      }
    }
    Optional<String> inBody = variableKey(body);
    if (inBody.isPresent()) {
      return Optional.of("query by variable: " + inBody.get());
    }
    switch (method) {
      case "GET", "HEAD" -> {
        return Optional.empty();
      }
      case "POST" -> {
        if (POST_QUERIES.contains(p)) {
          return Optional.empty();
        }
      }
      default -> {
        // PUT, DELETE and any other method: only the operations below
      }
    }
    for (Map.Entry<String, Pattern> op : OPERATION_PATTERNS) {
      if (op.getKey().equals(method) && op.getValue().matcher(p).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of("not an operation: " + method + " " + p);
  }

  private static Optional<String> variableKey(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        // a key without content sets and filters nothing (a generated migration plan carries "variables": null)
        JsonNode value = field.getValue();
        boolean empty = value.isNull() || value.isContainerNode() && value.isEmpty();
        if (VARIABLE_KEYS.contains(field.getKey()) && !empty) {
          return Optional.of(field.getKey());
        }
        Optional<String> inner = variableKey(field.getValue());
        if (inner.isPresent()) {
          return inner;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        Optional<String> inner = variableKey(element);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }
}
