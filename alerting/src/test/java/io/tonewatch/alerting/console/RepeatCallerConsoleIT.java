package io.tonewatch.alerting.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.alerting.actions.NoPlatform;
import io.tonewatch.alerting.repeat.EscalationRecorder;
import io.tonewatch.alerting.repeat.Hint;
import io.tonewatch.alerting.repeat.KafkaCallerLog;
import io.tonewatch.alerting.repeat.RepeatCallers;
import io.tonewatch.alerting.repeat.RoutingHints;
import io.tonewatch.events.LadderStep;
import io.tonewatch.events.Severity;
import io.tonewatch.events.Topics;
import io.tonewatch.events.callers.CallerNumbers;
import io.tonewatch.testing.Await;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller escalates; when the same number calls again the routing hint and the console say so, a
 * different number gets nothing, and the raw number is in no record on Kafka.
 */
class RepeatCallerConsoleIT {
  private static final String NUMBER = "+49 151 1234567";
  private static final String DIGITS = "491511234567";

  @TempDir Path dir;
  private final CallerNumbers numbers = CallerNumbers.withSecret("a deployment's key");
  private final RepeatCallers index =
      new RepeatCallers(Duration.ofDays(7), Duration.ofDays(30), 1000, Clock.systemUTC());
  private final RoutingHints hints = new RoutingHints(numbers, index);
  private KafkaCallerLog log;
  private ConsoleFixture fixture;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @AfterEach
  void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
    if (log != null) {
      log.close();
    }
  }

  private HttpResponse<String> post(String path, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fixture.base() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String hint(String number) throws Exception {
    HttpResponse<String> r =
        post(
            "/v1/routing-hints",
            "{\"number\":\"" + number + "\"}",
            Map.of("Authorization", "Bearer t0ken", "Content-Type", "application/json"));
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @Test
  void aCallerWhoEscalatedIsFlaggedWhenTheyCallAgain() throws Exception {
    fixture =
        new ConsoleFixture(
            dir,
            new NoPlatform(),
            Map.of("alerting.policy.report-from-step", "agent_cue"),
            kafka -> {
              try {
                log =
                    KafkaCallerLog.open(
                        kafka.bootstrapServers(), "tonewatch.callers", index, Duration.ofDays(30));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            hash -> hints.forHash(hash).map(Hint::text),
            raw -> hints.forNumber(raw).map(Hint::text));
    fixture
        .service
        .board()
        .subscribe(
            new EscalationRecorder(
                fixture.service.board(),
                log::record,
                LadderStep.AGENT_CUE,
                fixture.service::ready,
                Clock.systemUTC()));
    Map<String, String> caller = numbers.protect(Map.of("team", "north", "caller", NUMBER));
    assertFalse(caller.containsKey("caller"), "ingest's protection leaves no raw number");

    assertTrue(hint("+491511234567").contains("\"repeatCaller\":false"), "not before it escalates");
    fixture.call("call-1", caller);
    fixture.alert("call-1", Severity.RAISED);
    Await.until(
        "the routing hint to flag the caller",
        () -> {
          try {
            return hint("+491511234567").contains("\"repeatCaller\":true");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    assertTrue(hint("0049-151-123 4567".replace("0049", "+49")).contains("escalated"));
    assertTrue(hint("+44 20 7946 0000").contains("\"repeatCaller\":false"), "another number");
    assertEquals(
        401,
        post("/v1/routing-hints", "{\"number\":\"" + NUMBER + "\"}", Map.of()).statusCode(),
        "no token, no hint");

    fixture.call("call-2", caller);
    post(
        "/login",
        "user=sam&password=pw-sam",
        Map.of("Origin", fixture.base(), "Content-Type", "application/x-www-form-urlencoded"));
    Await.until(
        "the console to flag call-2's caller",
        () -> {
          try {
            String calls =
                http.send(
                        HttpRequest.newBuilder(URI.create(fixture.base() + "/api/calls")).build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body();
            return calls.contains("\"callId\":\"call-2\"")
                && calls.contains("\"repeatCaller\":\"escalated");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });

    for (String topic : List.of("tonewatch.callers", Topics.CALLS, Topics.NOTIFICATIONS)) {
      for (ConsumerRecord<byte[], byte[]> r : fixture.kafka.consume(topic, 1, 1)) {
        String value = new String(r.value(), StandardCharsets.UTF_8);
        assertFalse(
            value.replaceAll("[^0-9]", "").contains(DIGITS.substring(2)), topic + ": " + value);
      }
    }
  }
}
