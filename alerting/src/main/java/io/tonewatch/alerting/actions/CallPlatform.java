package io.tonewatch.alerting.actions;

/**
 * One call platform the service can ask to put a supervisor on a call or move the call. An
 * implementation never throws for a platform that refuses or is down: it says so in the result.
 */
public interface CallPlatform extends AutoCloseable {

  /** A short name for logs, metrics and the audit trail, e.g. {@code ami}. */
  String name();

  /** Asks the platform to do {@code command}; blocks at most the adapter's configured timeout. */
  PlatformResult perform(PlatformCommand command);

  @Override
  default void close() {}
}
