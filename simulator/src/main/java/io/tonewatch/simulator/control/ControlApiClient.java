package io.tonewatch.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tonewatch.events.Leg;
import io.tonewatch.simulator.SimulationException;
import io.tonewatch.simulator.rtp.RtpTargets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The ingest service's HTTP control API: {@code POST /v1/calls} announces a call and answers the
 * RTP port of each leg, {@code DELETE /v1/calls/{id}} ends it. Failures become one sentence that
 * says what to do. Thread-safe.
 */
public final class ControlApiClient implements RtpTargets {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final URI base;
  private final String token;
  private final HttpClient http;

  /**
   * @param base e.g. {@code http://127.0.0.1:8080}
   * @param token sent as {@code Authorization: Bearer}, or null
   */
  public ControlApiClient(URI base, String token, HttpClient http) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.token = token;
    this.http = http;
  }

  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public CompletableFuture<Map<Leg, InetSocketAddress>> open(
      int number, String callId, List<Leg> legs) {
    return announce(callId, legs, null).thenApply(body -> ports(callId, legs, body));
  }

  /**
   * Announces a call that will arrive over {@code transport} (null: RTP, the API's default), e.g.
   * {@code audiosocket} so that a service with a token accepts its UUID; answers the body.
   */
  public CompletableFuture<String> announce(String callId, List<Leg> legs, String transport) {
    ObjectNode body = JSON.createObjectNode();
    body.put("callId", callId);
    legs.forEach(leg -> body.withArray("legs").add(leg.wireName()));
    body.putObject("metadata").put("source", "simulate");
    if (transport != null) {
      body.put("transport", transport);
    }
    HttpRequest request =
        request(base.resolve(base.getPath() + "/v1/calls"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return send(request, "announce " + callId)
        .thenApply(
            response -> {
              if (response.statusCode() != 201 && response.statusCode() != 200) {
                throw refused(response, "announce " + callId);
              }
              return response.body();
            });
  }

  @Override
  public CompletableFuture<Void> close(String callId) {
    String path = base.getPath() + "/v1/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8);
    HttpRequest request = request(base.resolve(path)).DELETE().build();
    return send(request, "end " + callId)
        .thenAccept(
            response -> {
              int status = response.statusCode();
              // 404: the service already ended the call, e.g. by media timeout.
              if (status / 100 != 2 && status != 404) {
                throw refused(response, "end " + callId);
              }
            });
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private CompletableFuture<HttpResponse<String>> send(HttpRequest request, String what) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .exceptionally(
            error -> {
              throw unreachable(
                  error instanceof CompletionException ? error.getCause() : error, what);
            });
  }

  private Map<Leg, InetSocketAddress> ports(String callId, List<Leg> legs, String body) {
    try {
      JsonNode answer = JSON.readTree(body);
      String host = answer.path("host").asText("");
      if (host.isBlank() || "0.0.0.0".equals(host) || "::".equals(host)) {
        host = base.getHost();
      }
      Map<Leg, InetSocketAddress> ports = new EnumMap<>(Leg.class);
      for (Leg leg : legs) {
        int port = answer.path("legs").path(leg.wireName()).path("rtpPort").asInt(0);
        if (port < 1 || port > 0xFFFF) {
          throw new SimulationException(
              "the control API at "
                  + base
                  + " gave no valid rtpPort for the "
                  + leg.wireName()
                  + " leg of "
                  + callId
                  + ": "
                  + excerpt(body));
        }
        ports.put(leg, new InetSocketAddress(host, port));
      }
      return ports;
    } catch (IOException e) {
      throw new SimulationException(
          "the control API at " + base + " answered " + callId + " with bad JSON: " + excerpt(body),
          e);
    }
  }

  private SimulationException unreachable(Throwable error, String what) {
    String reason =
        error instanceof HttpConnectTimeoutException
            ? "the connection timed out"
            : error instanceof HttpTimeoutException
                ? "no answer within " + TIMEOUT.toSeconds() + " s"
                : error instanceof ConnectException
                    ? "connection refused"
                    : String.valueOf(error.getMessage());
    return new SimulationException(
        "cannot reach the ingest control API at "
            + base
            + " to "
            + what
            + " ("
            + reason
            + "); is `tonewatch ingest` running there?",
        error);
  }

  private SimulationException refused(HttpResponse<String> response, String what) {
    int status = response.statusCode();
    String detail = excerpt(response.body());
    String text =
        switch (status) {
          case 401, 403 ->
              "the ingest control API at "
                  + base
                  + " refused to "
                  + what
                  + " (HTTP "
                  + status
                  + "): pass its token with --token or TONEWATCH_INGEST_AUTH_TOKEN";
          case 503 ->
              "the ingest service at "
                  + base
                  + " cannot "
                  + what
                  + " now (HTTP 503: at its call limit or not ready)";
          default ->
              "the ingest control API at " + base + " answered HTTP " + status + " to " + what;
        };
    return new SimulationException(detail.isEmpty() ? text : text + ": " + detail);
  }

  private static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
