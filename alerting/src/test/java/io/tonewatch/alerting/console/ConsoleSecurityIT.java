package io.tonewatch.alerting.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.alerting.actions.NoPlatform;
import io.tonewatch.alerting.view.HistoryFilter;
import io.tonewatch.alerting.view.Role;
import io.tonewatch.alerting.view.Viewer;
import io.tonewatch.events.Severity;
import io.tonewatch.testing.Await;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's defences over real HTTP: nothing without a session, a supervisor of team north
 * neither sees nor acts on team south's call on any endpoint, a forged cross-site action is
 * refused, password guessing is slowed, and a raw phone number never reaches a reply.
 */
class ConsoleSecurityIT {
  private static final String RAW_NUMBER = "+4915112345678";
  private static final Viewer ADMIN = new Viewer("root", Role.ADMIN, Set.of(), null);

  @TempDir Path dir;
  private ConsoleFixture fixture;
  private String southAlert;

  @BeforeEach
  void start() throws Exception {
    fixture = new ConsoleFixture(dir, new NoPlatform());
    fixture.call(
        "north-1",
        Map.of(
            "team", "north", "agentId", "a-1", "caller", RAW_NUMBER, "callerMasked", "******5678"));
    fixture.call("south-1", Map.of("team", "south", "agentId", "b-1"));
    fixture.alert("north-1", Severity.RAISED);
    southAlert = fixture.alert("south-1", Severity.SHOUTING);
    Await.until(
        "both alerts on the board", () -> fixture.service.view().openAlerts(ADMIN).size() == 2);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(fixture.base() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(
      HttpClient http, String path, String type, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fixture.base() + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> signIn(HttpClient http, String user, String password)
      throws Exception {
    return post(
        http,
        "/login",
        "application/x-www-form-urlencoded",
        "user=" + user + "&password=" + password,
        Map.of("Origin", fixture.base()));
  }

  private String csrf(HttpClient http) throws Exception {
    Matcher m = Pattern.compile("\"csrf\":\"([^\"]+)\"").matcher(get(http, "/api/me").body());
    assertTrue(m.find());
    return m.group(1);
  }

  private String action(String callId, String alertId) {
    return "{\"type\":\"acknowledge\",\"callId\":\""
        + callId
        + "\",\"alertId\":\""
        + alertId
        + "\"}";
  }

  @Test
  void nothingWithoutASession() throws Exception {
    HttpClient http = client();
    for (String path :
        List.of(
            "/api/me",
            "/api/calls",
            "/api/alerts",
            "/api/history",
            "/api/reports/north-1",
            "/api/events")) {
      assertEquals(401, get(http, path).statusCode(), path);
    }
    assertEquals(303, get(http, "/console").statusCode());
    assertEquals("/login", get(http, "/console").headers().firstValue("Location").orElse(""));
    HttpResponse<String> act =
        post(
            http,
            "/api/actions",
            "application/json",
            action("north-1", "x"),
            Map.of("Origin", fixture.base()));
    assertEquals(401, act.statusCode());
  }

  @Test
  void aSupervisorOfNorthNeitherSeesNorActsOnSouth() throws Exception {
    HttpClient http = client();
    assertEquals(303, signIn(http, "sam", "pw-sam").statusCode());
    for (String path :
        List.of(
            "/api/calls",
            "/api/alerts",
            "/api/history",
            "/api/history?callId=south-1",
            "/api/history?team=south")) {
      HttpResponse<String> r = get(http, path);
      assertEquals(200, r.statusCode(), path);
      assertFalse(r.body().contains("south-1"), path + ": " + r.body());
    }
    assertTrue(get(http, "/api/calls").body().contains("north-1"));
    assertEquals(404, get(http, "/api/reports/south-1").statusCode());
    HttpResponse<String> act =
        post(
            http,
            "/api/actions",
            "application/json",
            action("south-1", southAlert),
            Map.of("Origin", fixture.base(), "X-CSRF-Token", csrf(http)));
    assertEquals(403, act.statusCode(), act.body());
    assertTrue(
        fixture
            .service
            .view()
            .history(ADMIN, new HistoryFilter("south-1", null, "acknowledged", null, null, 10))
            .isEmpty(),
        "nothing recorded for the refused action");
  }

  @Test
  void aForgedCrossSiteActionIsRefused() throws Exception {
    HttpClient http = client();
    signIn(http, "sam", "pw-sam");
    String token = csrf(http);
    String alertId = "north-1:raised_voice:customer:1";
    Map<String, Map<String, String>> forged =
        Map.of(
            "no token", Map.of("Origin", fixture.base()),
            "wrong token", Map.of("Origin", fixture.base(), "X-CSRF-Token", "guess"),
            "another origin", Map.of("Origin", "http://evil.example", "X-CSRF-Token", token),
            "no origin", Map.of("X-CSRF-Token", token));
    forged.forEach(
        (what, headers) -> {
          try {
            HttpResponse<String> r =
                post(http, "/api/actions", "application/json", action("north-1", alertId), headers);
            assertEquals(403, r.statusCode(), what);
          } catch (Exception e) {
            throw new AssertionError(what, e);
          }
        });
    HttpResponse<String> real =
        post(
            http,
            "/api/actions",
            "application/json",
            action("north-1", alertId),
            Map.of("Origin", fixture.base(), "X-CSRF-Token", token));
    assertEquals(200, real.statusCode(), "the same action from the page goes through");
  }

  @Test
  void guessingPasswordsIsSlowed() throws Exception {
    HttpClient http = client();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = signIn(http, "sam", "guess-" + i);
      assertEquals("/login?failed=1", r.headers().firstValue("Location").orElse(""));
    }
    HttpResponse<String> right = signIn(http, "sam", "pw-sam");
    assertEquals(429, right.statusCode(), "even the right password waits after 3 failures");
    assertTrue(right.headers().firstValue("Retry-After").isPresent());
    assertEquals(401, get(http, "/api/me").statusCode());
    assertEquals(303, signIn(client(), "bo", "pw-bo").statusCode(), "other users are not slowed");
  }

  @Test
  void theCallersNumberNeverReachesAReply() throws Exception {
    HttpClient http = client();
    signIn(http, "sam", "pw-sam");
    String digits = RAW_NUMBER.substring(1);
    for (String path : List.of("/api/calls", "/api/alerts", "/api/history", "/console")) {
      String body = get(http, path).body();
      assertFalse(body.contains(digits), path);
    }
    assertTrue(get(http, "/api/calls").body().contains("******5678"));
  }

  @Test
  void everyPageForbidsInlineScript() throws Exception {
    HttpResponse<String> login = get(client(), "/login");
    String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    assertFalse(login.body().contains("<script>"), "no inline script in the page");
  }
}
