package io.tonewatch.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tonewatch.alerting.config.AlertingConfig;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AlertingClientsTest {
  @Test
  void passThroughPropertiesReachEveryClientAndTheServicesOwnKeysWin() {
    AlertingClients clients =
        new AlertingClients(
            AlertingConfig.defaults(),
            "k1:9092",
            Map.of("security.protocol", "SSL", "ssl.truststore.type", "PEM", "acks", "1"));
    for (Properties p : List.of(clients.consumer(), clients.producer(), clients.admin())) {
      assertEquals("SSL", p.get("security.protocol"));
      assertEquals("PEM", p.get("ssl.truststore.type"));
    }
    assertEquals("all", clients.producer().get("acks"));
  }
}
