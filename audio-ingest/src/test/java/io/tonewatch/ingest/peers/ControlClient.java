package io.tonewatch.ingest.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tonewatch.events.Leg;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The platform's side of the control API, as a test needs it: announce a call, end it. */
final class ControlClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  ControlClient(String base) {
    this.base = base;
  }

  /** Announces a one-leg call and returns the RTP port of that leg. */
  int openCall(String callId, Leg leg) throws Exception {
    String body =
        JSON.writeValueAsString(
            JSON.createObjectNode()
                .put("callId", callId)
                .set("legs", JSON.createArrayNode().add(leg.wireName())));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/v1/calls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, response.statusCode(), response.body());
    JsonNode answer = JSON.readTree(response.body());
    return answer.path("legs").path(leg.wireName()).path("rtpPort").asInt();
  }

  void closeCall(String callId) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/v1/calls/" + callId)).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(204, response.statusCode(), response.body());
  }
}
