package dk.trappen.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dk.trappen.common.ProcessVariables;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Parses every BPMN and DMN file in {@code bpmn/} and checks it against the running application: every expression's
 * names are Spring beans (with the called method), engine built-ins or declared process variables; every user task
 * has a candidate group; no timer uses a week duration.
 */
@SpringBootTest
@ActiveProfiles("test")
@DisplayName("The BPMN and DMN files agree with the application")
class ProcessContractTest {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern CALL = Pattern.compile("(?<![.\\w'])([A-Za-z_]\\w*)(\\s*\\.\\s*([A-Za-z_]\\w*))?");
  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId");

  @Autowired
  private ApplicationContext context;

  private static File[] files(String suffix) {
    File[] files = new File("bpmn").listFiles((d, n) -> n.endsWith(suffix));
    assertThat(files).as("files *" + suffix + " in bpmn/").isNotEmpty();
    return files;
  }

  private static Document parse(File f) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(f);
  }

  private static Set<String> processVariables() throws IllegalAccessException {
    Set<String> names = new HashSet<>();
    for (Field f : ProcessVariables.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        names.add((String) f.get(null));
      }
    }
    return names;
  }

  /** Every ${...} in attributes and texts of the document. */
  private static List<String> expressions(Document doc) {
    List<String> found = new ArrayList<>();
    collect(doc.getDocumentElement(), found);
    return found;
  }

  private static void collect(Node node, List<String> found) {
    if (node.getNodeType() == Node.ELEMENT_NODE) {
      NamedNodeMap attrs = node.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        scan(attrs.item(i).getNodeValue(), found);
      }
    } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
      scan(node.getNodeValue(), found);
    }
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      collect(children.item(i), found);
    }
  }

  private static void scan(String text, List<String> found) {
    if (text == null) {
      return;
    }
    Matcher m = EXPRESSION.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
  }

  @Test
  @DisplayName("every name in every BPMN expression is a bean with that method, an engine name or a process variable")
  void expressionsNameExistingBeansOrVariables() throws Exception {
    Set<String> variables = processVariables();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (File f : files(".bpmn")) {
      for (String expression : expressions(parse(f))) {
        String unquoted = expression.replaceAll("'[^']*'", "''").replaceAll("\"[^\"]*\"", "\"\"");
        Matcher m = CALL.matcher(unquoted);
        while (m.find()) {
          String root = m.group(1);
          if (EL_WORDS.contains(root) || ENGINE_NAMES.contains(root) || root.matches("\\d.*")) {
            continue;
          }
          checked++;
          if (context.containsBean(root)) {
            String method = m.group(3);
            Class<?> type = AopUtils.getTargetClass(context.getBean(root));
            if (method != null && Arrays.stream(type.getMethods()).noneMatch(x -> x.getName().equals(method))) {
              problems.add(f.getName() + ": ${" + expression + "}: bean '" + root + "' has no method " + method);
            }
          } else if (!variables.contains(root)) {
            problems.add(f.getName() + ": ${" + expression + "}: '" + root + "' is neither a bean nor a process "
                + "variable declared in ProcessVariables");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).as("names checked").isGreaterThan(20);
  }

  @Test
  @DisplayName("every user task has a candidate group")
  void everyUserTaskHasACandidateGroup() throws Exception {
    int tasks = 0;
    for (File f : files(".bpmn")) {
      NodeList userTasks = parse(f).getElementsByTagNameNS(BPMN, "userTask");
      for (int i = 0; i < userTasks.getLength(); i++) {
        Element task = (Element) userTasks.item(i);
        tasks++;
        assertThat(task.getAttributeNS(CAMUNDA, "candidateGroups"))
            .as(f.getName() + " " + task.getAttribute("id") + " candidate groups").isNotBlank();
      }
    }
    assertThat(tasks).isGreaterThanOrEqualTo(12);
  }

  @Test
  @DisplayName("every user task of the processes has a completion handler, so it can be completed over the API")
  void everyUserTaskHasAHandler() throws Exception {
    Set<String> handled = new HashSet<>();
    context.getBeansOfType(dk.trappen.tasks.TaskHandler.class).values().forEach(h -> handled.add(h.taskKey()));
    for (File f : files(".bpmn")) {
      NodeList userTasks = parse(f).getElementsByTagNameNS(BPMN, "userTask");
      for (int i = 0; i < userTasks.getLength(); i++) {
        String id = ((Element) userTasks.item(i)).getAttribute("id");
        assertThat(handled).as("handler for " + f.getName() + " " + id).contains(id);
      }
    }
  }

  @Test
  @DisplayName("no timer uses a week duration, which Camunda 7 computes wrongly")
  void noWeekDurations() throws Exception {
    for (File f : files(".bpmn")) {
      Document doc = parse(f);
      for (String tag : List.of("timeDuration", "timeDate", "timeCycle")) {
        NodeList timers = doc.getElementsByTagNameNS(BPMN, tag);
        for (int i = 0; i < timers.getLength(); i++) {
          assertThat(timers.item(i).getTextContent()).as(f.getName() + " " + tag).doesNotContainPattern("P\\d+W");
        }
      }
    }
  }

  @Test
  @DisplayName("every DMN input names a process variable and every output a variable the processes read")
  void dmnInputsAreProcessVariables() throws Exception {
    Set<String> variables = processVariables();
    for (File f : files(".dmn")) {
      Document doc = parse(f);
      NodeList inputs = doc.getElementsByTagNameNS("*", "inputExpression");
      assertThat(inputs.getLength()).isGreaterThan(0);
      for (int i = 0; i < inputs.getLength(); i++) {
        String text = inputs.item(i).getTextContent().trim();
        assertThat(variables).as(f.getName() + " input " + text).contains(text);
      }
      NodeList outputs = doc.getElementsByTagNameNS("*", "output");
      for (int i = 0; i < outputs.getLength(); i++) {
        String name = ((Element) outputs.item(i)).getAttribute("name");
        assertThat(variables).as(f.getName() + " output " + name).contains(name);
      }
    }
  }
}
