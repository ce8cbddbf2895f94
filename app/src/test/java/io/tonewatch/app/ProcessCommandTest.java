package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.processor.service.config.ProcessKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service commands refuse bad settings before anything starts, naming key and value. */
class ProcessCommandTest {

  @Test
  void listSettingsPrintsEveryKeyWithItsDefault() {
    CliRun run = CliRun.of("process", "--list-settings");
    assertEquals(0, run.exitCode(), run.err());
    for (ProcessKey key : ProcessKey.values()) {
      assertTrue(run.out().contains(key.key()), key.key());
    }
  }

  @Test
  void aBadValueStopsStartUpNamingKeyAndValue() {
    CliRun run = CliRun.of("process", "--set", "process.workers=0", "--kafka", "127.0.0.1:1");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("process.workers=0"), run.err());
  }

  @Test
  void anUnknownKeyStopsRunBeforeTheBrokerStarts() {
    CliRun run = CliRun.of("run", "--set", "process.wrokers=3");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("process.wrokers"), run.err());
    assertTrue(!run.out().contains("embedded Kafka"), run.out());
  }

  @Test
  void tailRefusesAnUnknownFormat() {
    CliRun run = CliRun.of("tail", "--format", "xml");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--format must be text or jsonl"), run.err());
  }

  @Test
  void everyServiceCommandRefusesAnUnknownKafkaClientPropertyBeforeStarting() {
    for (String command : List.of("process", "alerting", "ingest", "run")) {
      CliRun run =
          CliRun.of(command, "--kafka", "127.0.0.1:1", "--set", "kafka.sasl.jaas.confg=password=x");
      assertEquals(1, run.exitCode(), command + ": " + run.err());
      assertTrue(
          run.err().contains("kafka.sasl.jaas.confg is not a Kafka client property"),
          command + ": " + run.err());
      assertFalse(run.err().contains("password=x"), "values may be secrets: " + run.err());
    }
  }
}
