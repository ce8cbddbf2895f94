package io.tonewatch.alerting.consume;

import io.tonewatch.alerting.board.Board;
import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.alerting.escalation.Ladder;
import io.tonewatch.alerting.metrics.AlertingMetrics;
import io.tonewatch.events.Action;
import io.tonewatch.events.ActionJson;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.CallRecordJson;
import io.tonewatch.events.LegSummary;
import io.tonewatch.events.LegSummaryJson;
import io.tonewatch.events.Notification;
import io.tonewatch.events.NotificationJson;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one record by its topic and folds it into the ladder and the board; a record that does
 * not decode is counted, logged (rate-limited) and skipped. Counts alerts and actions only once
 * live, so a restart does not count the replayed history again. Owned by the loop thread.
 */
final class RecordRouter {
  private static final Logger LOG = LoggerFactory.getLogger(RecordRouter.class);

  private final AlertingConfig config;
  private final Ladder ladder;
  private final Board board;
  private final AlertingMetrics metrics;
  private final SkipLog skipLog = new SkipLog(LOG);

  RecordRouter(AlertingConfig config, Ladder ladder, Board board, AlertingMetrics metrics) {
    this.config = config;
    this.ladder = ladder;
    this.board = board;
    this.metrics = metrics;
  }

  void route(ConsumerRecord<byte[], byte[]> record, boolean live) {
    String topic = record.topic();
    if (record.value() == null) {
      skip(record, "no value");
      return;
    }
    String json = new String(record.value(), StandardCharsets.UTF_8);
    try {
      if (topic.equals(config.alertsTopic())) {
        AlertEvent event = AlertEventJson.fromJson(json);
        ladder.onAlert(event);
        board.onAlert(event);
        if (live) {
          metrics.alertReceived(event.kind());
        }
      } else if (topic.equals(config.featuresTopic())) {
        LegSummary summary = LegSummaryJson.fromJson(json);
        ladder.onSummary(summary);
        board.onSummary(summary);
      } else if (topic.equals(config.actionsTopic())) {
        Action action = ActionJson.fromJson(json);
        ladder
            .onAction(action)
            .filter(d -> live && !Action.SYSTEM.equals(action.actor()))
            .ifPresent(metrics::acknowledged);
        board.onAction(action);
        if (live) {
          metrics.action(action.type());
        }
      } else if (topic.equals(config.notificationsTopic())) {
        Notification notification = NotificationJson.fromJson(json);
        ladder.onNotification(notification);
        board.onNotification(notification);
      } else if (topic.equals(config.callsTopic())) {
        board.onCall(CallRecordJson.fromJson(json));
      }
    } catch (IllegalArgumentException e) {
      skip(record, e.getMessage());
    }
  }

  private void skip(ConsumerRecord<byte[], byte[]> record, String why) {
    metrics.skipped(record.topic());
    skipLog.skipped(record.topic(), record.partition(), record.offset(), why);
  }
}
