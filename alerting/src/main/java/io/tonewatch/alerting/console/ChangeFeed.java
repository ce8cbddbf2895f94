package io.tonewatch.alerting.console;

import io.javalin.http.sse.SseClient;
import io.tonewatch.alerting.view.ConsoleView;
import io.tonewatch.alerting.view.ViewChange;
import io.tonewatch.alerting.view.Viewer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes changes to open pages as server-sent events: each change marks the pages whose viewer
 * covers the call, and every {@link #FLUSH_MILLIS} ms each marked page gets one {@code change}
 * event naming what changed ({@code call}, {@code meter}, {@code alert}, {@code history}), so a
 * page refetches at most five times a second however busy the calls are. Thread-safe.
 */
final class ChangeFeed implements AutoCloseable {
  static final long FLUSH_MILLIS = 200;
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

  private final Map<SseClient, Viewer> clients = new ConcurrentHashMap<>();
  private final Map<SseClient, Set<String>> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "console-feed");
            t.setDaemon(true);
            return t;
          });
  private final AutoCloseable subscription;

  ChangeFeed(ConsoleView view) {
    this.subscription = view.subscribe(this::changed);
    flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  void open(SseClient client, Viewer viewer) {
    clients.put(client, viewer);
    client.onClose(
        () -> {
          clients.remove(client);
          pending.remove(client);
        });
    client.sendEvent("hello", "{\"user\":\"" + viewer.user() + "\"}");
  }

  int pages() {
    return clients.size();
  }

  private void changed(ViewChange change) {
    clients.forEach(
        (client, viewer) -> {
          if (viewer.covers(change.team())) {
            pending.computeIfAbsent(client, c -> ConcurrentHashMap.newKeySet()).add(change.topic());
          }
        });
  }

  private void flush() {
    for (SseClient client : pending.keySet()) {
      Set<String> topics = pending.remove(client);
      if (topics == null || topics.isEmpty()) {
        continue;
      }
      try {
        client.sendEvent("change", "{\"topics\":[\"" + String.join("\",\"", topics) + "\"]}");
      } catch (RuntimeException e) {
        LOG.debug("console: a page went away", e);
        clients.remove(client);
      }
    }
  }

  @Override
  public void close() {
    flusher.shutdownNow();
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.debug("console: closing the subscription", e);
    }
    clients.keySet().forEach(SseClient::close);
  }
}
