package io.tonewatch.alerting.actions.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Form-encoded POSTs to the 2010-04-01 API with HTTP Basic auth (Account SID and auth token), and
 * their JSON answers: a resource on 2xx, Twilio's error object ({@code code}, {@code message},
 * {@code status}) otherwise. Thread-safe.
 */
final class TwilioRest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A decoded answer: the HTTP status and the JSON body (an empty object when not JSON). */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status / 100 == 2;
    }

    /**
     * Twilio's words for an error, e.g. {@code 404: The requested resource was not found (code
     * 20404)}.
     */
    String error() {
      return status
          + ": "
          + body.path("message").asText("no message")
          + (body.has("code") ? " (code " + body.path("code").asText() + ")" : "");
    }
  }

  private final TwilioSettings settings;
  private final HttpClient http;
  private final String authorization;

  TwilioRest(TwilioSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    String pair = settings.accountSid() + ":" + settings.authToken();
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** POSTs {@code form} to {@code /2010-04-01/Accounts/{AccountSid}/<resource>}. */
  Answer post(String resource, Map<String, String> form) throws IOException, InterruptedException {
    String base = settings.baseUrl().toString().replaceAll("/+$", "");
    URI uri = URI.create(base + "/2010-04-01/Accounts/" + settings.accountSid() + "/" + resource);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Authorization", authorization)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      body = null;
    }
    return new Answer(response.statusCode(), body == null ? JSON.createObjectNode() : body);
  }

  private static String encode(Map<String, String> form) {
    StringJoiner out = new StringJoiner("&");
    form.forEach(
        (k, v) ->
            out.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }
}
