package io.tonewatch.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.alerting.NotificationListener;
import io.tonewatch.app.alerting.AlertingSettings;
import io.tonewatch.app.ingest.IngestSettings;
import io.tonewatch.app.kafka.EmbeddedKafka;
import io.tonewatch.app.kafka.EmbeddedKafkaSettings;
import io.tonewatch.app.kafka.KafkaClientSettings;
import io.tonewatch.app.process.ProcessSettings;
import io.tonewatch.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Liveness and readiness of every service of {@code run} against the real in-process broker: all
 * ready while it answers; when it goes away the processor and alerting turn not ready (503, naming
 * the broker) while every service stays live, and the old {@code /health} keeps its meaning.
 */
class HealthEndpointsIT {
  private static final Map<String, String> SETTINGS =
      Map.of(
          "ingest.http-port", "0",
          "process.http-port", "0",
          "alerting.http-port", "0",
          "ingest.rtp-port-min", "46600",
          "ingest.rtp-port-max", "46609");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyServiceIsReadyWhileKafkaAnswersAndOnlyLiveWhenItIsGone() throws Exception {
    EmbeddedKafka broker = EmbeddedKafka.start(EmbeddedKafkaSettings.defaults());
    try (AllInOne all =
        AllInOne.start(
            IngestSettings.resolve(null, Map.of(), SETTINGS),
            ProcessSettings.resolve(null, Map.of(), SETTINGS),
            AlertingSettings.resolve(null, Map.of(), SETTINGS),
            NotificationListener.none(),
            new KafkaConnection(broker.bootstrapServers(), KafkaClientSettings.none()),
            null,
            EmbeddedKafkaSettings.defaults())) {
      String ingest = "http://127.0.0.1:" + all.ingest().service().httpPort();
      String process = "http://127.0.0.1:" + all.process().httpPort();
      String alerting = "http://127.0.0.1:" + all.alerting().httpPort();
      for (String service : List.of(ingest, process, alerting)) {
        Await.until(
            service + "/health/ready answers 200", () -> status(service + "/health/ready") == 200);
        assertEquals(200, status(service + "/health/live"), service);
        assertEquals(200, status(service + "/health"), service);
      }

      broker.close();
      for (String service : List.of(process, alerting)) {
        Await.until(
            service + " not ready without Kafka", () -> status(service + "/health/ready") == 503);
        String body = get(service + "/health/ready").body();
        assertTrue(body.contains("waiting for Kafka at " + broker.bootstrapServers()), body);
        assertEquals(503, status(service + "/health"), "the old endpoint follows readiness");
        assertEquals(200, status(service + "/health/live"), service + " stays live");
      }
      assertEquals(200, status(ingest + "/health/live"), "ingest stays live");
    } finally {
      broker.close();
    }
  }

  private int status(String url) {
    try {
      return get(url).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
