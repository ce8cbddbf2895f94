package io.tonewatch.alerting;

import io.micrometer.core.instrument.MeterRegistry;
import io.tonewatch.alerting.actions.CallPlatform;
import io.tonewatch.alerting.actions.NoPlatform;
import io.tonewatch.alerting.audit.KafkaRecorder;
import io.tonewatch.alerting.board.ActionDesk;
import io.tonewatch.alerting.board.Board;
import io.tonewatch.alerting.board.BoardView;
import io.tonewatch.alerting.board.IncidentReports;
import io.tonewatch.alerting.config.AlertingConfig;
import io.tonewatch.alerting.consume.AlertingLoop;
import io.tonewatch.alerting.metrics.AlertingMetrics;
import io.tonewatch.alerting.view.ConsoleView;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting service: one thread that creates the topics it needs, rebuilds the escalation ladder
 * from them and then runs it live. Errors in two tiers: bad credentials or permissions stop the
 * service ({@link #failure()} says why); anything else is retried with backoff (100 ms doubling to
 * 5 s). One instance per deployment: it reads every partition.
 */
public final class AlertingService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertingService.class);
  private static final long BACKOFF_MAX_MILLIS = 5_000;

  private final AlertingConfig config;
  private final AlertingClients clients;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaRecorder recorder;
  private final AlertingLoop loop;
  private final Board board;
  private final ConsoleView view;
  private final CallPlatform platform;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile String failure;

  private AlertingService(
      AlertingConfig config,
      String bootstrapServers,
      Map<String, String> clientProperties,
      Clock clock,
      MeterRegistry registry,
      NotificationListener listener,
      CallPlatform platform,
      Function<String, Optional<String>> repeatNotes) {
    this.config = config;
    this.platform = platform;
    this.clients = new AlertingClients(config, bootstrapServers, Map.copyOf(clientProperties));
    this.consumer = new KafkaConsumer<>(clients.consumer());
    this.recorder =
        new KafkaRecorder(
            clients.producer(),
            config.actionsTopic(),
            config.notificationsTopic(),
            Duration.ofSeconds(15));
    this.board = new Board(config.maxCalls(), clock, repeatNotes);
    this.view =
        new BoardView(
            board,
            new IncidentReports(config.reportFromStep()),
            new ActionDesk(board, recorder::record, platform, config.transferTarget(), clock));
    this.loop =
        new AlertingLoop(
            config, consumer, recorder, board, new AlertingMetrics(registry), listener, clock);
    this.thread = new Thread(this::run, "alerting-loop");
  }

  /** Starts the service with no call platform and no repeat-caller notes. */
  public static AlertingService start(
      AlertingConfig config,
      String bootstrapServers,
      Clock clock,
      MeterRegistry registry,
      NotificationListener listener) {
    return start(config, bootstrapServers, Map.of(), clock, registry, listener);
  }

  /**
   * Starts the service as above; {@code clientProperties} (e.g. {@code security.protocol}) go to
   * every Kafka client for each key the service does not set itself.
   */
  public static AlertingService start(
      AlertingConfig config,
      String bootstrapServers,
      Map<String, String> clientProperties,
      Clock clock,
      MeterRegistry registry,
      NotificationListener listener) {
    return start(
        config,
        bootstrapServers,
        clientProperties,
        clock,
        registry,
        listener,
        new NoPlatform(),
        callerHash -> Optional.empty());
  }

  /**
   * Starts the service; it becomes {@link #ready()} once its state is rebuilt.
   *
   * @param platform where whisper, barge and transfer go; closed with the service
   * @param repeatNotes from a caller's keyed hash to a note that they escalated recently
   */
  public static AlertingService start(
      AlertingConfig config,
      String bootstrapServers,
      Map<String, String> clientProperties,
      Clock clock,
      MeterRegistry registry,
      NotificationListener listener,
      CallPlatform platform,
      Function<String, Optional<String>> repeatNotes) {
    AlertingService service =
        new AlertingService(
            config,
            bootstrapServers,
            clientProperties,
            clock,
            registry,
            listener,
            platform,
            repeatNotes);
    service.thread.start();
    return service;
  }

  public boolean ready() {
    return loop.ready();
  }

  /** The console's read model, for the service's other listeners (reports, repeat callers). */
  public Board board() {
    return board;
  }

  /** What the console reads and asks of the service. */
  public ConsoleView view() {
    return view;
  }

  /** Why the service stopped on its own, if it did. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  private void run() {
    long backoffMillis = 100;
    boolean topicsReady = false;
    while (running) {
      try {
        if (!topicsReady) {
          TopicSetup.ensure(clients.admin(), config.topics());
          topicsReady = true;
        }
        loop.turn();
        backoffMillis = 100;
      } catch (WakeupException e) {
        break;
      } catch (AuthenticationException | AuthorizationException e) {
        failure = "Kafka refused the alerting service: " + e.getMessage();
        LOG.error("alerting: {}", failure);
        break;
      } catch (KafkaException | ExecutionException | TimeoutException e) {
        LOG.warn("alerting: {}; retrying in {} ms", e.toString(), backoffMillis);
        if (!pause(backoffMillis)) {
          break;
        }
        backoffMillis = Math.min(BACKOFF_MAX_MILLIS, backoffMillis * 2);
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException e) {
        failure = "the alerting loop failed: " + e;
        LOG.error("alerting: {}", failure, e);
        break;
      }
    }
    consumer.close(Duration.ofSeconds(2));
  }

  private boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return running;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /** Stops the loop and closes the clients; the state lives on in the topics. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join();
    recorder.close();
    platform.close();
  }
}
