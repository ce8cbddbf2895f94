package io.tonewatch.alerting.console;

import io.tonewatch.alerting.BoundedMap;
import io.tonewatch.alerting.view.Viewer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Signed-in sessions, in memory: a random id (the cookie) to the viewer, its CSRF token and when it
 * ends. At most {@link #MAX_SESSIONS}; the oldest goes first. Thread-safe.
 */
final class Sessions {
  static final int MAX_SESSIONS = 10_000;

  /** One session. */
  record Session(String id, Viewer viewer, String csrfToken, Instant expiresAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Session> byId = new BoundedMap<>(MAX_SESSIONS);

  Sessions(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  synchronized Session open(Viewer viewer) {
    Session session = new Session(token(), viewer, token(), clock.instant().plus(ttl));
    byId.put(session.id(), session);
    return session;
  }

  synchronized Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = byId.get(id);
    if (session != null && !clock.instant().isBefore(session.expiresAt())) {
      byId.remove(id);
      return Optional.empty();
    }
    return Optional.ofNullable(session);
  }

  synchronized void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  Duration ttl() {
    return ttl;
  }

  private static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
