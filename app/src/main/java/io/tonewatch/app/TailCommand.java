package io.tonewatch.app;

import io.tonewatch.app.tail.AlertTail;
import io.tonewatch.events.Topics;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tonewatch tail}: prints live alert events from Kafka. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Prints alert events from the Kafka topic "
          + Topics.ALERTS
          + " as they arrive:"
          + " readable lines by default, the published JSON with --format jsonl. With --topic "
          + Topics.NOTIFICATIONS
          + " it prints the escalation ladder's notifications instead.",
      "Reads every partition without joining a consumer group. Runs until interrupted,"
          + " --count events were printed, or --duration ends."
    })
final class TailCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text or jsonl (default: ${DEFAULT-VALUE}).")
  String format = "text";

  @Option(names = "--topic", paramLabel = "TOPIC", description = "Default: ${DEFAULT-VALUE}.")
  String topic = Topics.ALERTS;

  @Option(names = "--from-beginning", description = "Print what the topic holds, then go on.")
  boolean fromBeginning;

  @Option(names = "--count", paramLabel = "N", description = "Stop after N events.")
  long count;

  @Override
  public Integer call() throws InterruptedException {
    AlertTail.Format how;
    try {
      how = AlertTail.Format.parse(format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--format must be text or jsonl");
    }
    if (count < 0) {
      throw new ParameterException(spec.commandLine(), "--count must be > 0");
    }
    long durationMillis = kafka.durationMillis();
    String servers = kafka.bootstrapServers("127.0.0.1:9092");
    PrintWriter out = spec.commandLine().getOut();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMillis);
    Thread hook =
        new Thread(
            () -> {
              stop.set(true);
              awaitQuietly(done);
            },
            "tonewatch-tail-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (AlertTail tail =
        new AlertTail(
            servers,
            topic,
            fromBeginning,
            how,
            line -> {
              out.println(line);
              out.flush();
            },
            spec.commandLine().getErr())) {
      tail.run(
          count,
          () -> stop.get() || (durationMillis > 0 && System.nanoTime() - deadlineNanos >= 0));
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it waits for this to end
      }
    }
    return 0;
  }

  private static void awaitQuietly(CountDownLatch done) {
    try {
      done.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
