package dk.trappen.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Task forms belong to their features (docs/design.md#architecture): {@code tasks} is the door every task passes, and
 * the features contribute their handlers and forms to it. It knows none of them: it uses no class of a feature that
 * owns task kinds, and names no task kind (so no {@code switch} on one can exist there).
 */
@DisplayName("The tasks feature knows no task kind")
class TasksKnowNoFeatureTest {

  /** The features that contribute task kinds. */
  static final String[] TASK_FEATURES = {"..intake..", "..investigation..", "..plan..", "..meetings..",
      "..staircase.."};

  /** A kind as a handler declares it: returned by {@code kind()}, or given with its BPMN task key to a constructor. */
  private static final Pattern KIND = Pattern.compile(
      "public String kind\\(\\) \\{\\s*return \"([a-z-]+)\";|\"Task_\\w+\", \"([a-z-]+)\"");

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dk.trappen");

  @Test
  @DisplayName("no class of tasks uses a class of a feature that owns task kinds")
  void tasksUsesNoTaskFeature() {
    noClasses().that().resideInAPackage("dk.trappen.tasks..")
        .should().dependOnClassesThat().resideInAnyPackage(TASK_FEATURES)
        .check(classes);
  }

  @Test
  @DisplayName("no source file of tasks names a task kind, so no switch on a kind exists there")
  void tasksNamesNoKind() throws IOException {
    List<String> kinds = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dk/trappen"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = KIND.matcher(Files.readString(file));
        while (m.find()) {
          kinds.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    assertThat(kinds).as("the kinds the features declare").contains("acute-assessment", "choose-step",
        "network-meeting", "action-plan", "youth-plan").hasSizeGreaterThanOrEqualTo(13);
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dk/trappen/tasks"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        for (String kind : kinds) {
          assertThat(source).as("%s names the task kind %s", file, kind).doesNotContain("\"" + kind + "\"");
        }
      }
    }
  }
}
