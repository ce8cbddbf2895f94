package io.tonewatch.alerting.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /v1/routing-hints} for the call platform at call start: {@code {"number":"+49..."}}
 * with {@code Authorization: Bearer <alerting.console.routing-token>} answers whether this caller
 * escalated recently and how. The number is hashed and forgotten, never stored or logged; the body,
 * not the URL, carries it so that no access log holds it.
 */
final class RoutingHintApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] token;
  private final Function<String, Optional<String>> hintForNumber;

  RoutingHintApi(String token, Function<String, Optional<String>> hintForNumber) {
    this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.hintForNumber = hintForNumber;
  }

  void install(Javalin app) {
    app.post("/v1/routing-hints", this::hint);
  }

  private void hint(Context ctx) {
    String given = Optional.ofNullable(ctx.header("Authorization")).orElse("");
    if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "wrong or missing bearer token"));
      return;
    }
    String number;
    try {
      JsonNode body = JSON.readTree(ctx.body());
      number = body.path("number").asText("");
    } catch (java.io.IOException e) {
      number = "";
    }
    if (number.isBlank()) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "expected {\"number\": \"...\"}"));
      return;
    }
    Optional<String> hint = hintForNumber.apply(number);
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("repeatCaller", hint.isPresent());
    hint.ifPresent(h -> reply.put("hint", h));
    ctx.json(reply);
  }
}
