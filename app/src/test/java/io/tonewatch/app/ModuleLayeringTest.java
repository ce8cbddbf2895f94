package io.tonewatch.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between the modules point one way, down the root pom's module order: events, media,
 * then the services (ingest, processor, alerting), then the tools (simulator, evaluation), then
 * app. Only app sees every module, so the check lives here.
 */
class ModuleLayeringTest {

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("io.tonewatch");

  static final ArchRule MODULES_DEPEND_ONLY_DOWNWARD =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("events")
          .definedBy("io.tonewatch.events..")
          .layer("media")
          .definedBy("io.tonewatch.media..")
          .layer("ingest")
          .definedBy("io.tonewatch.ingest..")
          .layer("processor")
          .definedBy("io.tonewatch.processor..")
          .layer("alerting")
          .definedBy("io.tonewatch.alerting..")
          .layer("simulator")
          .definedBy("io.tonewatch.simulator..")
          .layer("evaluation")
          .definedBy("io.tonewatch.evaluation..")
          .layer("app")
          .definedBy("io.tonewatch.app..")
          .whereLayer("app")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("evaluation")
          .mayOnlyBeAccessedByLayers("app")
          .whereLayer("simulator")
          .mayOnlyBeAccessedByLayers("app")
          .whereLayer("alerting")
          .mayOnlyBeAccessedByLayers("app")
          .whereLayer("ingest")
          .mayOnlyBeAccessedByLayers("app")
          .whereLayer("processor")
          .mayOnlyBeAccessedByLayers("evaluation", "app")
          .whereLayer("media")
          .mayOnlyBeAccessedByLayers("ingest", "simulator", "evaluation", "app")
          .because(
              "a module may use only the modules below it; the simulator reaches ingest on"
                  + " the wire, never through its classes");

  static final ArchRule MEDIA_IS_PURE =
      classes()
          .that()
          .resideInAPackage("io.tonewatch.media..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.tonewatch.media..", "io.tonewatch.events..", "java..")
          .because("media is codecs and formats that both sides of the wire share");

  @Test
  void modulesDependOnlyOnTheModulesBelowThem() {
    MODULES_DEPEND_ONLY_DOWNWARD.check(PRODUCTION);
  }

  @Test
  void mediaUsesOnlyEventsAndTheJdk() {
    MEDIA_IS_PURE.check(PRODUCTION);
  }
}
