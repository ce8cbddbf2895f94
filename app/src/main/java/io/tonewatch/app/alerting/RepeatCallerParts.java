package io.tonewatch.app.alerting;

import io.tonewatch.alerting.config.IntegrationSettings;
import io.tonewatch.alerting.repeat.Escalation;
import io.tonewatch.alerting.repeat.Hint;
import io.tonewatch.alerting.repeat.KafkaCallerLog;
import io.tonewatch.alerting.repeat.RepeatCallerSetup;
import io.tonewatch.alerting.repeat.RepeatCallers;
import io.tonewatch.alerting.repeat.RoutingHints;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The repeat-caller index of one alerting runtime, when {@code alerting.callers.secret} is set:
 * read back from its topic at start, fed by the escalations, asked by the console and the
 * routing-hint endpoint.
 */
final class RepeatCallerParts implements AutoCloseable {
  private final KafkaCallerLog log;
  private final RoutingHints hints;

  private RepeatCallerParts(KafkaCallerLog log, RoutingHints hints) {
    this.log = log;
    this.hints = hints;
  }

  static Optional<RepeatCallerParts> open(
      IntegrationSettings settings, String bootstrapServers, Clock clock) {
    if (!RepeatCallerSetup.enabled(settings)) {
      return Optional.empty();
    }
    RepeatCallers index = RepeatCallerSetup.index(settings, clock);
    try {
      KafkaCallerLog log =
          KafkaCallerLog.open(
              bootstrapServers,
              RepeatCallerSetup.topic(settings),
              index,
              RepeatCallerSetup.retention(settings));
      return Optional.of(
          new RepeatCallerParts(
              log, new RoutingHints(RepeatCallerSetup.callerNumbers(settings), index)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the repeat callers", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the repeat callers' topic: " + e, e);
    }
  }

  void record(Escalation escalation) {
    log.record(escalation);
  }

  Optional<String> noteForHash(String callerHash) {
    return hints.forHash(callerHash).map(Hint::text);
  }

  Optional<String> noteForNumber(String rawNumber) {
    return hints.forNumber(rawNumber).map(Hint::text);
  }

  @Override
  public void close() {
    log.close();
  }
}
