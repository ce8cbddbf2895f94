package io.tonewatch.alerting.actions;

import io.tonewatch.alerting.metrics.AdapterMetrics;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs every request to a platform by kind and outcome, and turns an adapter's
 * unexpected exception into a failed result, so {@link CallPlatform#perform} never throws.
 */
public final class MeteredPlatform implements CallPlatform {
  private static final Logger LOG = LoggerFactory.getLogger(MeteredPlatform.class);

  private final CallPlatform platform;
  private final AdapterMetrics metrics;

  public MeteredPlatform(CallPlatform platform, AdapterMetrics metrics) {
    this.platform = platform;
    this.metrics = metrics;
  }

  @Override
  public String name() {
    return platform.name();
  }

  @Override
  public PlatformResult perform(PlatformCommand command) {
    String kind = command.kind().name().toLowerCase(Locale.ROOT);
    PlatformResult result;
    try {
      result = platform.perform(command);
    } catch (RuntimeException e) {
      metrics.error(name(), "protocol");
      LOG.warn("{}: {} of call {} failed unexpectedly", name(), kind, command.callId(), e);
      result = PlatformResult.failed(name() + " failed: " + e.getClass().getSimpleName());
    }
    metrics.request(name(), kind, result.started() ? "started" : "failed");
    LOG.info(
        "{}: {} of call {} for {}: {} ({})",
        name(),
        kind,
        command.callId(),
        command.supervisor(),
        result.started() ? "started" : "failed",
        result.detail());
    return result;
  }

  @Override
  public void close() {
    platform.close();
  }
}
