package io.tonewatch.alerting.console;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tonewatch.alerting.config.ConsoleConfig;
import io.tonewatch.alerting.view.ConsoleView;
import io.tonewatch.alerting.view.Role;
import io.tonewatch.alerting.view.Viewer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console over HTTP: sign-in and sign-out, the pages and their assets from the jar, and the
 * JSON API ({@link ConsoleApi}). Every response carries a strict Content-Security-Policy (scripts
 * and styles from this origin only, nothing inline), every API call needs a session, and every POST
 * a same-origin request (and, but for sign-in, the session's CSRF token).
 */
public final class ConsoleServer implements AutoCloseable {
  static final String COOKIE = "tw_session";
  static final String VIEWER = "tonewatch.viewer";
  static final String SESSION = "tonewatch.session";
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  private final ConsoleConfig config;
  private final Users users;
  private final Sessions sessions;
  private final SignInThrottle throttle;
  private final ChangeFeed feed;
  private final Javalin app;

  private ConsoleServer(
      ConsoleConfig config,
      Users users,
      ConsoleView view,
      Clock clock,
      Function<String, Optional<String>> hintForNumber) {
    this.config = config;
    this.users = users;
    this.sessions = new Sessions(config.sessionTtl(), clock);
    this.throttle = new SignInThrottle(config.signInFailures(), clock);
    this.feed = new ChangeFeed(view);
    this.app = Javalin.create(c -> c.showJavalinBanner = false);
    app.before(this::headersAndSession);
    app.get("/", ctx -> ctx.redirect("/console"));
    app.get("/login", ctx -> page(ctx, "login.html"));
    app.post("/login", this::signIn);
    app.post("/logout", this::signOut);
    app.get("/console", ctx -> signedInPage(ctx, "console.html"));
    app.get("/agent", ctx -> signedInPage(ctx, "agent.html"));
    app.get("/static/{file}", this::asset);
    new ConsoleApi(view, feed, config.agentCoaching()).install(app);
    if (hintForNumber != null && !config.routingToken().isEmpty()) {
      new RoutingHintApi(config.routingToken(), hintForNumber).install(app);
    }
  }

  /**
   * Starts the console on {@code bindAddress}:{@code port} (0: any free port).
   *
   * @throws UncheckedIOException naming the setting when the port cannot be had
   */
  public static ConsoleServer start(
      ConsoleConfig config, ConsoleView view, String bindAddress, int port, Clock clock) {
    return start(config, view, bindAddress, port, clock, null);
  }

  /**
   * As above, with {@code POST /v1/routing-hints} answered by {@code hintForNumber} (a raw number
   * to a repeat-caller note) when {@code alerting.console.routing-token} is set.
   */
  public static ConsoleServer start(
      ConsoleConfig config,
      ConsoleView view,
      String bindAddress,
      int port,
      Clock clock,
      Function<String, Optional<String>> hintForNumber) {
    Users users = config.usersFile() == null ? Users.none() : Users.load(config.usersFile());
    if (users.size() == 0) {
      LOG.warn("console: no users (alerting.console.users-file): nobody can sign in");
    }
    ConsoleServer server = new ConsoleServer(config, users, view, clock, hintForNumber);
    try {
      server.app.start(bindAddress, port);
    } catch (RuntimeException e) {
      server.close();
      throw new UncheckedIOException(
          new IOException(
              "cannot listen on " + bindAddress + ":" + port + " (alerting.console.http-port)", e));
    }
    return server;
  }

  public int port() {
    return app.port();
  }

  private void headersAndSession(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    // Not no-referrer: with it the browser sends "Origin: null" and same-origin checks fail.
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
    sessions
        .find(ctx.cookie(COOKIE))
        .ifPresent(
            s -> {
              ctx.attribute(SESSION, s);
              ctx.attribute(VIEWER, s.viewer());
            });
    // /v1/ is for machines, authenticated by a bearer token rather than a cookie.
    if (ctx.method().name().equals("POST") && !ctx.path().startsWith("/v1/") && !sameOrigin(ctx)) {
      ctx.status(HttpStatus.FORBIDDEN).result("cross-site request refused");
      ctx.skipRemainingHandlers();
    }
  }

  /** A POST must come from a page of this origin: the browser's Origin (or Referer) says so. */
  private static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      origin = ctx.header("Referer");
    }
    if (origin == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String host = ctx.header("Host");
      return uri.getAuthority() != null && uri.getAuthority().equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void signIn(Context ctx) {
    String name = Optional.ofNullable(ctx.formParam("user")).orElse("").strip();
    char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
    Duration wait = throttle.waitFor(name);
    if (!wait.isZero()) {
      long seconds = Math.max(1, wait.toSeconds());
      ctx.status(HttpStatus.TOO_MANY_REQUESTS);
      ctx.header("Retry-After", Long.toString(seconds));
      ctx.contentType("text/html; charset=utf-8")
          .result("<p>Too many failed sign-ins. Try again in " + seconds + " s.</p>");
      return;
    }
    Optional<Viewer> viewer = name.isEmpty() ? Optional.empty() : users.check(name, password);
    Arrays.fill(password, '\0');
    if (viewer.isEmpty()) {
      throttle.failed(name);
      LOG.info("console: a sign-in failed");
      ctx.redirect("/login?failed=1", HttpStatus.SEE_OTHER);
      return;
    }
    throttle.succeeded(name);
    Sessions.Session session = sessions.open(viewer.get());
    ctx.header(
        "Set-Cookie",
        COOKIE
            + "="
            + session.id()
            + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
            + config.sessionTtl().toSeconds()
            + (config.secureCookies() ? "; Secure" : ""));
    LOG.info("console: {} signed in", session.viewer().user());
    boolean agent = session.viewer().role() == Role.AGENT;
    ctx.redirect(agent ? "/agent" : "/console", HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx) {
    Sessions.Session session = ctx.attribute(SESSION);
    if (session != null && session.csrfToken().equals(ctx.formParam("csrf"))) {
      sessions.close(session.id());
    }
    ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  private void signedInPage(Context ctx, String name) {
    if (ctx.attribute(VIEWER) == null) {
      ctx.redirect("/login", HttpStatus.SEE_OTHER);
      return;
    }
    page(ctx, name);
  }

  private void page(Context ctx, String name) {
    ctx.contentType("text/html; charset=utf-8").result(resource(name));
  }

  private void asset(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.matches("[a-z-]+\\.(js|css)")) {
      ctx.status(HttpStatus.NOT_FOUND);
      return;
    }
    byte[] body = resource(file);
    if (body == null) {
      ctx.status(HttpStatus.NOT_FOUND);
      return;
    }
    String type = file.endsWith(".js") ? "text/javascript" : "text/css";
    ctx.contentType(type + "; charset=utf-8").result(body);
  }

  private static byte[] resource(String name) {
    try (InputStream in = ConsoleServer.class.getResourceAsStream("web/" + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    feed.close();
    app.stop();
  }
}
