package io.tonewatch.processor.service;

import io.tonewatch.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the service's integration tests share: one real in-JVM KRaft cluster per test class, and the
 * two-leg speech call they play. Each test takes its own topics and group through {@link
 * ServiceFixture}.
 */
abstract class KafkaIT {
  static final SpeechCall CALL = SpeechCall.escalating();
  static TestKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }
}
