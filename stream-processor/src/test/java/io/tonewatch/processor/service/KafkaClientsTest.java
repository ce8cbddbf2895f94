package io.tonewatch.processor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tonewatch.processor.service.config.ProcessConfig;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {
  private static final Map<String, String> SECURITY =
      Map.of(
          "security.protocol", "SASL_SSL",
          "sasl.mechanism", "PLAIN",
          "acks", "0",
          "group.id", "someone-elses");

  @Test
  void passThroughPropertiesReachEveryClientAndTheServicesOwnKeysWin() {
    KafkaClients clients = new KafkaClients(ProcessConfig.defaults(), "k1:9092", SECURITY);
    for (Properties p : List.of(clients.consumer(), clients.producer(), clients.admin())) {
      assertEquals("SASL_SSL", p.get("security.protocol"));
      assertEquals("PLAIN", p.get("sasl.mechanism"));
      assertEquals("k1:9092", p.get("bootstrap.servers"));
    }
    assertEquals("all", clients.producer().get("acks"), "the idempotent producer keeps acks=all");
    assertEquals(ProcessConfig.defaults().groupId(), clients.consumer().get("group.id"));
  }
}
