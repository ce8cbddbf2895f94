package io.tonewatch.events;

/** The one place that names tonewatch's Kafka topics; every record on them is keyed by call id. */
public final class Topics {
  /** Repaired 20 ms PCM frames and call start/end, binary (see {@code events.audio}). */
  public static final String AUDIO = "tonewatch.audio";

  /** Alert events, JSON {@code tonewatch.alert/v1}. */
  public static final String ALERTS = "tonewatch.alerts";

  /** Per-second leg feature summaries, JSON {@code tonewatch.features/v1} ({@link LegSummary}). */
  public static final String FEATURES = "tonewatch.features";

  /** What supervisors, agents and the alerting service did, JSON {@code tonewatch.action/v1}. */
  public static final String ACTIONS = "tonewatch.actions";

  /** The notifications the alerting service sent, JSON {@code tonewatch.notification/v1}. */
  public static final String NOTIFICATIONS = "tonewatch.notifications";

  /**
   * Calls starting and ending, with their registration metadata, JSON {@code tonewatch.call/v1}
   * ({@link CallRecord}), republished by the stream processor from the audio topic.
   */
  public static final String CALLS = "tonewatch.calls";

  private Topics() {}
}
