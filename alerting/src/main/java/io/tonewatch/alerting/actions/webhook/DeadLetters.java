package io.tonewatch.alerting.actions.webhook;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The webhooks given up, newest last, at most {@code capacity} of them: for an operator to inspect
 * or re-send (the body is the exact JSON sent). Thread-safe.
 */
public final class DeadLetters {
  /** One webhook given up: its idempotency key, type, body, tries and last reason. */
  public record DeadLetter(
      String id, String eventType, String body, int attempts, String reason, Instant at) {}

  private final int capacity;
  private final ArrayDeque<DeadLetter> letters = new ArrayDeque<>(); // guarded by this

  public DeadLetters(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(DeadLetter letter) {
    if (letters.size() == capacity) {
      letters.removeFirst();
    }
    letters.addLast(letter);
  }

  public synchronized List<DeadLetter> list() {
    return List.copyOf(letters);
  }
}
