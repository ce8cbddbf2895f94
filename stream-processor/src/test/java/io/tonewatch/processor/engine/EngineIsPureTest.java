package io.tonewatch.processor.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The engine is pure computation: frames in, decisions out. Whatever reads files, sockets or Kafka
 * lives beside it (the service) or above it (evaluation, app), so the engine runs the same offline,
 * in tests and in the service.
 */
class EngineIsPureTest {

  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("io.tonewatch.processor.engine");

  static final ArchRule USES_ONLY_EVENTS_TARSOS_AND_THE_CORE_JDK =
      classes()
          .that()
          .resideInAPackage("io.tonewatch.processor.engine..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.tonewatch.processor.engine..",
              "io.tonewatch.events..",
              "be.tarsos.dsp..",
              "java.lang..",
              "java.util..",
              "java.time..",
              "java.math..")
          .because("the engine may use the event types, TarsosDSP and the JDK's core only");

  static final ArchRule DOES_NO_IO =
      noClasses()
          .that()
          .resideInAPackage("io.tonewatch.processor.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.io..",
              "java.nio.file..",
              "java.nio.channels..",
              "java.net..",
              "java.net.http..",
              "javax.sound..",
              "be.tarsos.dsp.io..",
              "org.apache.kafka..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName(ProcessBuilder.class.getName())
          .because("file, network, sound-card and Kafka I/O belong outside the engine");

  @Test
  void usesOnlyEventsTarsosAndTheCoreJdk() {
    USES_ONLY_EVENTS_TARSOS_AND_THE_CORE_JDK.check(ENGINE);
  }

  @Test
  void doesNoFileNetworkSoundOrKafkaIo() {
    DOES_NO_IO.check(ENGINE);
  }
}
