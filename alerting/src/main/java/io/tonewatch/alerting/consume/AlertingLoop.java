package io.tonewatch.alerting.consume;

import io.tonewatch.alerting.NotificationListener;
import io.tonewatch.alerting.audit.KafkaRecorder;
import io.tonewatch.alerting.audit.RecordingException;
import io.tonewatch.alerting.board.Board;
import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.alerting.escalation.Due;
import io.tonewatch.alerting.escalation.Ladder;
import io.tonewatch.alerting.metrics.AlertingMetrics;
import io.tonewatch.events.Action;
import io.tonewatch.events.Notification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's one thread: rebuilds the ladder from the topics, then polls, folds records in and
 * sends what is due. A notification is recorded on its topic (and acknowledged by the broker)
 * before listeners hear of it and before the ladder counts it as sent; one that could not be
 * recorded stays due and is tried on the next turn. The ladder, the consumer and the router are
 * owned by this thread.
 */
public final class AlertingLoop {
  private static final Logger LOG = LoggerFactory.getLogger(AlertingLoop.class);
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * How often the ladder is walked when only leg summaries came in. Its steps are seconds apart,
   * while summaries arrive a thousand a second at 500 calls and would have every call's ladder
   * walked on each of hundreds of polls a second; an alert, an action or a call record still has it
   * walked at once.
   */
  private static final Duration EVALUATE_EVERY = Duration.ofMillis(100);

  private final AlertingConfig config;
  private final Consumer<byte[], byte[]> consumer;
  private final KafkaRecorder recorder;
  private final Ladder ladder;
  private final Board board;
  private final RecordRouter router;
  private final AlertingMetrics metrics;
  private final NotificationListener listener;
  private final Clock clock;
  private ReplayStart replay;
  private volatile boolean ready;
  private Instant nextEvaluation = Instant.MIN;

  public AlertingLoop(
      AlertingConfig config,
      Consumer<byte[], byte[]> consumer,
      KafkaRecorder recorder,
      Board board,
      AlertingMetrics metrics,
      NotificationListener listener,
      Clock clock) {
    this.config = config;
    this.consumer = consumer;
    this.recorder = recorder;
    this.ladder = new Ladder(config.policy(), config.maxCalls());
    this.board = board;
    this.router = new RecordRouter(config, ladder, board, metrics);
    this.metrics = metrics;
    this.listener = listener;
    this.clock = clock;
  }

  /** True once the state has been rebuilt and the loop is live. */
  public boolean ready() {
    return ready;
  }

  /**
   * One turn: assign (first), poll, fold in, and once caught up send what is due. Kafka errors are
   * the caller's to sort.
   */
  public void turn() {
    if (replay == null) {
      Instant from = clock.instant().minus(Duration.ofHours(config.replayHours()));
      replay = ReplayStart.assign(consumer, config.topics(), from);
      if (replay == null) {
        return;
      }
      LOG.info("alerting: rebuilding from {} partitions since {}", replay.partitions(), from);
    }
    boolean changed = false;
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
      router.route(record, ready);
      changed |= !record.topic().equals(config.featuresTopic());
    }
    if (!ready && replay.caughtUp()) {
      ready = true;
      changed = true;
      metrics.ready(true);
      LOG.info(
          "alerting: state rebuilt, {} calls with {} open alerts",
          ladder.calls(),
          ladder.openAlerts());
    }
    Instant now = clock.instant();
    if (!changed && now.isBefore(nextEvaluation)) {
      return;
    }
    nextEvaluation = now.plus(EVALUATE_EVERY);
    if (ready) {
      act(now);
    }
    metrics.state(ladder.openAlerts(), ladder.calls());
  }

  private void act(Instant now) {
    Due due = ladder.evaluate(now);
    for (Notification notification : due.notifications()) {
      if (!recorded(() -> recorder.record(notification))) {
        metrics.notification(notification.step(), "failed");
        return;
      }
      ladder.onNotification(notification);
      board.onNotification(notification);
      metrics.notification(notification.step(), "sent");
      tell(notification);
    }
    for (Action resolution : due.resolutions()) {
      if (!recorded(() -> recorder.record(resolution))) {
        return;
      }
      ladder.onAction(resolution);
      board.onAction(resolution);
    }
  }

  /** Runs one write; false (logged) when the broker did not take it, so it stays due. */
  private boolean recorded(Runnable write) {
    try {
      write.run();
      return true;
    } catch (RecordingException e) {
      LOG.warn("alerting: {}; tried again on the next turn", e.getMessage());
      return false;
    }
  }

  private void tell(Notification notification) {
    try {
      listener.onNotification(notification);
    } catch (RuntimeException e) {
      LOG.warn("alerting: a listener failed on {}", notification.notificationId(), e);
    }
  }
}
