package dk.trappen.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * The module boundaries of docs/design.md#packages: packages by feature; a feature calls another feature's service,
 * never its repository; time only through the injected Clock; Camunda's execution only in the process glue.
 */
@DisplayName("Module boundaries")
class ModuleBoundariesTest {

  static final List<String> FEATURES = List.of("intake", "cases", "casefile", "investigation", "plan", "staircase",
      "meetings", "journal", "parties", "documents", "deadlines", "tasks", "oversight", "reassignment", "audit", "security", "org",
      "bell", "letters", "outcomes", "figures");

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dk.trappen");

  @Test
  @DisplayName("A repository is used only inside its own feature")
  void repositoriesStayInTheirFeature() {
    classes().that().areAssignableTo(Repository.class).and().areInterfaces()
        .should(onlyBeAccessedFromTheirOwnPackage())
        .check(classes);
  }

  @Test
  @DisplayName("Repositories are not public, so other features cannot even see them")
  void repositoriesArePackagePrivate() {
    classes().that().areAssignableTo(Repository.class).and().areInterfaces()
        .should().notBePublic()
        .check(classes);
  }

  @Test
  @DisplayName("Every feature package says what it owns in a package-info.java")
  void everyFeatureHasPackageInfo() {
    for (String feature : FEATURES) {
      Path info = Path.of("src/main/java/dk/trappen", feature, "package-info.java");
      org.assertj.core.api.Assertions.assertThat(Files.exists(info)).as(info.toString()).isTrue();
    }
  }

  @Test
  @DisplayName("No code reads the system time except through the injected Clock")
  void noSystemTime() {
    noClasses().that().doNotHaveSimpleName("ApplicationClock").and().doNotHaveSimpleName("DemoClock")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .orShould().callMethod(java.time.OffsetDateTime.class, "now")
        .orShould().callConstructor(java.util.Date.class)
        .check(classes);
  }

  @Test
  @DisplayName("Only the process glue (classes named ...Glue, ...Delegate or ...Listener) sees the execution:"
      + " every other class, every domain service included, works with plain ids and values")
  void onlyTheGlueDependsOnCamundaDelegateTypes() {
    noClasses().that().haveSimpleNameNotEndingWith("Glue")
        .and().haveSimpleNameNotEndingWith("Delegate")
        .and().haveSimpleNameNotEndingWith("Listener")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..")
        .because("delegates and listeners read the execution and call services with plain ids and values")
        .check(classes);
  }

  @Test
  @DisplayName("The case aggregate is a floor: cases uses no feature but common, org and audit, and no"
      + " other package uses the casefile read model on top")
  void casesIsAFloorAndCasefileTheRoof() {
    noClasses().that().resideInAPackage("dk.trappen.cases..")
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream()
            .filter(f -> !List.of("cases", "org", "audit").contains(f)).map(f -> "dk.trappen." + f + "..")
            .toArray(String[]::new))
        .because("features use cases; cases tells them news by events (CaseClosing)")
        .check(classes);
    noClasses().that().resideOutsideOfPackage("dk.trappen.casefile..")
        .should().dependOnClassesThat().resideInAPackage("dk.trappen.casefile..")
        .check(classes);
  }

  @Test
  @DisplayName("The packages have no dependency cycle, however long: a feature that must tell another one something "
      + "publishes an event")
  void noCycles() {
    slices().matching("dk.trappen.(*)..").should().beFreeOfCycles().check(classes);
  }

  private static ArchCondition<JavaClass> onlyBeAccessedFromTheirOwnPackage() {
    return new ArchCondition<>("only be accessed from their own feature package") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        repository.getAccessesToSelf().stream()
            .filter(access -> !access.getOriginOwner().getPackageName().equals(repository.getPackageName()))
            .forEach(access -> events.add(SimpleConditionEvent.violated(access,
                access.getOriginOwner().getName() + " uses " + repository.getName() + " of another feature")));
        repository.getDirectDependenciesToSelf().stream()
            .filter(dep -> !dep.getOriginClass().getPackageName().equals(repository.getPackageName()))
            .filter(dep -> DescribedPredicate.alwaysTrue().test(dep))
            .forEach(dep -> events.add(SimpleConditionEvent.violated(dep, dep.getDescription())));
      }
    };
  }
}
