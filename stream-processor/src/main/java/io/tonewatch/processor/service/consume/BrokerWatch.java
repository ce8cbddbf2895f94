package io.tonewatch.processor.service.consume;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the cluster every {@link #PERIOD_MILLIS} whether it answers, because a consumer whose broker
 * is gone just polls nothing: the answer goes to the log (on each change), to a listener (the
 * processor's {@code kafka.reachable} gauge) and to readiness. Any service with an admin client can
 * use it. Thread: its own daemon thread; {@link #reachable} from any.
 */
public final class BrokerWatch implements AutoCloseable {
  static final long PERIOD_MILLIS = 2_000;
  private static final Logger log = LoggerFactory.getLogger(BrokerWatch.class);

  private final Admin admin;
  private final String bootstrapServers;
  private final String service;
  private final Consumer<Boolean> listener;
  private final Thread thread;
  private volatile boolean reachable;
  private volatile boolean closed;
  private boolean reported;

  /**
   * Starts watching; {@code service} prefixes the log lines and names the thread, {@code listener}
   * hears every answer.
   */
  public BrokerWatch(
      Admin admin, String bootstrapServers, String service, Consumer<Boolean> listener) {
    this.admin = admin;
    this.bootstrapServers = bootstrapServers;
    this.service = service;
    this.listener = listener;
    this.thread = new Thread(this::watch, "tonewatch-" + service + "-broker-watch");
    thread.setDaemon(true);
    thread.start();
  }

  public boolean reachable() {
    return reachable;
  }

  private void watch() {
    while (!closed) {
      boolean now = ask();
      if (now != reachable || !reported) {
        if (now) {
          log.info("{}: Kafka {} answers", service, bootstrapServers);
        } else {
          log.warn("{}: Kafka {} does not answer; waiting and retrying", service, bootstrapServers);
        }
        reported = true;
      }
      reachable = now;
      listener.accept(now);
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private boolean ask() {
    try {
      DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) PERIOD_MILLIS);
      return !admin
          .describeCluster(options)
          .nodes()
          .get(PERIOD_MILLIS * 2, TimeUnit.MILLISECONDS)
          .isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close(java.time.Duration.ofSeconds(2));
  }
}
