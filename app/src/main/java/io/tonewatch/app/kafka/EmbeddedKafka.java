package io.tonewatch.app.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka in this JVM for the all-in-one {@code tonewatch run} and {@code tonewatch
 * ingest} without {@code --kafka}: one KRaft process that is both broker and controller (node 1, a
 * static voter), listening on 127.0.0.1 only, with the tonewatch topics created. Storage is
 * formatted first (as {@code kafka-storage format} does); internal topics use replication 1; the
 * log cleaner's dedupe buffer is 2 MiB instead of 128 MiB of heap. Kafka's {@code Exit} procedures
 * are replaced for the life of the JVM so that a broker failure logs and throws instead of exiting
 * the process. Thread-safety: start and close from one thread; {@link #bootstrapServers} from any.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;
  private static final String HOST = "127.0.0.1";
  private static final AtomicBoolean exitGuarded = new AtomicBoolean();

  private final KafkaRaftServer server;
  private final Path dataDir;
  private final boolean deleteOnClose;
  private final String bootstrapServers;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafka(
      KafkaRaftServer server, Path dataDir, boolean deleteOnClose, String bootstrapServers) {
    this.server = server;
    this.dataDir = dataDir;
    this.deleteOnClose = deleteOnClose;
    this.bootstrapServers = bootstrapServers;
  }

  /** Formats storage, starts the broker and creates the tonewatch topics; returns when ready. */
  public static EmbeddedKafka start(EmbeddedKafkaSettings settings) {
    guardExit();
    long startNanos = System.nanoTime();
    Path dir = dataDir(settings);
    KafkaRaftServer server = null;
    try {
      int port = settings.port() != 0 ? settings.port() : freePort(-1);
      int controllerPort =
          settings.controllerPort() != 0 ? settings.controllerPort() : freePort(port);
      Properties properties =
          BrokerProperties.of(NODE_ID, HOST, port, controllerPort, dir, settings);
      format(dir);
      long formattedNanos = System.nanoTime();
      server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
      server.startup();
      long startedNanos = System.nanoTime();
      String bootstrap = HOST + ":" + port;
      TonewatchTopics.create(bootstrap, settings);
      log.info(
          "embedded Kafka on {} ready in {} ms (format {} ms, start {} ms, topics {} ms), data in {}",
          bootstrap,
          millisSince(startNanos),
          TimeUnit.NANOSECONDS.toMillis(formattedNanos - startNanos),
          TimeUnit.NANOSECONDS.toMillis(startedNanos - formattedNanos),
          millisSince(startedNanos),
          dir);
      return new EmbeddedKafka(server, dir, settings.deleteOnClose(), bootstrap);
    } catch (Exception | ExceptionInInitializerError e) {
      if (server != null) {
        stop(server);
      }
      if (settings.deleteOnClose()) {
        DataDirectory.delete(dir);
      }
      throw new EmbeddedKafkaException("the embedded Kafka broker did not start: " + e, e);
    }
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  /** Where clients connect: {@code 127.0.0.1:PORT}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The broker's data directory (deleted by {@link #close} when configured so). */
  public Path dataDir() {
    return dataDir;
  }

  /** Stops the broker and controller, then deletes the data directory if it should. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stop(server);
    if (deleteOnClose) {
      DataDirectory.delete(dataDir);
    }
  }

  private static void stop(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      log.warn("embedded Kafka did not shut down cleanly: {}", e.toString());
    }
  }

  private static Path dataDir(EmbeddedKafkaSettings settings) {
    try {
      if (settings.dataDir() == null) {
        return Files.createTempDirectory("tonewatch-kafka-");
      }
      return Files.createDirectories(settings.dataDir());
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "kafka.embedded.data-dir=" + settings.dataDir() + " cannot be created: " + e, e);
    }
  }

  /** Formats an empty directory for this node; a directory formatted before is kept as it is. */
  private static void format(Path dir) throws Exception {
    if (Files.exists(dir.resolve("meta.properties"))) {
      return;
    }
    PrintStream quiet =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    new Formatter()
        .setPrintStream(quiet)
        .setNodeId(NODE_ID)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(dir.toString()))
        .setMetadataLogDirectory(dir.toString())
        .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setUnstableFeatureVersionsEnabled(false)
        .setHasDynamicQuorum(false)
        .setIgnoreFormatted(false)
        .run();
  }

  private static int freePort(int not) throws IOException {
    for (int attempt = 0; attempt < 10; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
        if (socket.getLocalPort() != not) {
          return socket.getLocalPort();
        }
      }
    }
    throw new IOException("no free port on " + HOST);
  }

  /** Kafka calls Exit.exit/halt on fatal errors: log and throw in that thread instead. */
  private static void guardExit() {
    if (exitGuarded.compareAndSet(false, true)) {
      Exit.Procedure refuse =
          (status, message) -> {
            log.error("Kafka asked to end the JVM ({}, {}): refused", status, message);
            throw new EmbeddedKafkaException("Kafka asked to end the JVM: " + message, null);
          };
      Exit.setExitProcedure(refuse);
      Exit.setHaltProcedure(refuse);
    }
  }
}
