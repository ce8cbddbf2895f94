package io.tonewatch.alerting.actions.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how webhooks go. {@link #toString} leaves the secret out.
 *
 * @param maxAttempts tries of one webhook before it is dead-lettered
 * @param backoff the wait before the second try, doubled for each later one up to {@code
 *     maxBackoff}
 * @param queueCapacity webhooks waiting (first tries and retries) at once; more are dropped
 * @param deadLetterCapacity dead letters kept; the oldest is forgotten first
 * @param timeout the longest wait for one try's answer
 */
public record WebhookSettings(
    URI url,
    byte[] secret,
    int maxAttempts,
    Duration backoff,
    Duration maxBackoff,
    int queueCapacity,
    int deadLetterCapacity,
    Duration timeout) {

  public WebhookSettings {
    Objects.requireNonNull(url, "url");
    secret = secret.clone();
    if (maxAttempts < 1 || queueCapacity < 1 || deadLetterCapacity < 1) {
      throw new IllegalArgumentException("attempts and capacities must be at least 1");
    }
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  @Override
  public String toString() {
    return "WebhookSettings[" + url + ", " + maxAttempts + " attempts]";
  }
}
