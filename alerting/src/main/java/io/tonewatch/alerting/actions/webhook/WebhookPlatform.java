package io.tonewatch.alerting.actions.webhook;

import io.tonewatch.alerting.actions.CallPlatform;
import io.tonewatch.alerting.actions.PlatformCommand;
import io.tonewatch.alerting.actions.PlatformResult;
import io.tonewatch.alerting.metrics.AdapterMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call platform behind a webhook receiver: each action is a webhook of type {@code
 * platform.whisper}, {@code platform.barge} or {@code platform.transfer} whose payload holds the
 * call id, the supervisor, the target and the call's metadata; the action has started when the
 * receiver answered 2xx within the timeout (retries included).
 */
public final class WebhookPlatform implements CallPlatform {
  private final WebhookSender sender;
  private final AdapterMetrics metrics;
  private final Duration timeout;

  public WebhookPlatform(WebhookSender sender, AdapterMetrics metrics, Duration timeout) {
    this.sender = sender;
    this.metrics = metrics;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public PlatformResult perform(PlatformCommand command) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("callId", command.callId());
    payload.put("supervisor", command.supervisor());
    payload.put("target", command.target());
    payload.put("callMetadata", command.callMetadata());
    String type = "platform." + command.kind().name().toLowerCase(Locale.ROOT);
    try {
      if (sender.submit(type, payload).get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return PlatformResult.started("the webhook receiver accepted " + type);
      }
      metrics.error(name(), "refused");
      return PlatformResult.failed("the webhook receiver did not accept " + type);
    } catch (TimeoutException e) {
      metrics.error(name(), "timeout");
      return PlatformResult.failed("the webhook receiver did not answer in time; retries go on");
    } catch (ExecutionException e) {
      metrics.error(name(), "protocol");
      return PlatformResult.failed("the webhook failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PlatformResult.failed("interrupted while waiting for the webhook receiver");
    }
  }
}
