package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tonewatch.events.Leg;
import io.tonewatch.events.Topics;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.events.audio.AudioMessage;
import io.tonewatch.events.audio.AudioMessageCodec;
import io.tonewatch.events.audio.CallEnded;
import io.tonewatch.events.audio.CallStarted;
import io.tonewatch.events.audio.EndReason;
import io.tonewatch.media.wav.PcmAudio;
import io.tonewatch.media.wav.WavWriter;
import io.tonewatch.testing.Await;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tonewatch ingest} from the shaded jar, as a user starts it (embedded Kafka, no flags but
 * ports), fed by {@code tonewatch simulate} over RTP and WebSocket, read back from its broker by a
 * real consumer, and its {@code /metrics} scraped; then stopped with SIGTERM.
 */
class IngestJarIT {
  private static final Pattern CONTROL =
      Pattern.compile("control API http://127\\.0\\.0\\.1:(\\d+)/");
  private static final Pattern KAFKA = Pattern.compile("Kafka (\\S+) \\(embedded\\)");
  private static final int SECONDS = 2;

  @TempDir Path dir;
  private Process ingest;

  @AfterEach
  void stop() throws InterruptedException {
    if (ingest != null && ingest.isAlive()) {
      ingest.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void simulatedCallsReachTheEmbeddedBrokerAndMetricsCountThem() throws Exception {
    assumeTrue(Files.isRegularFile(JarIT.JAR), "the shaded jar is built at package");
    Path out = dir.resolve("ingest.out");
    ingest =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JarIT.JAR.toString(),
                "ingest",
                "--http-port",
                "0",
                "--rtp-ports",
                "45200-45299")
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("ingest.err").toFile())
            .start();
    String banner = awaitBanner(out);
    int httpPort = Integer.parseInt(find(CONTROL, banner));
    String kafka = find(KAFKA, banner);
    String base = "http://127.0.0.1:" + httpPort;

    Path wav = dir.resolve("call.wav");
    WavWriter.write(wav, twoLegs());
    simulate("--control", base, "--call-id-prefix", "rtp-", wav.toString());
    simulate(
        "--mode",
        "websocket",
        "--ws-url",
        "ws://127.0.0.1:" + httpPort + "/v1/media/twilio",
        "--call-id-prefix",
        "ws-",
        wav.toString());

    Map<String, List<AudioMessage>> calls = readCalls(kafka, List.of("rtp-1", "ws-1"));
    for (String call : List.of("rtp-1", "ws-1")) {
      List<AudioMessage> messages = calls.get(call);
      assertTrue(messages.get(0) instanceof CallStarted, call + " starts first");
      CallEnded end = (CallEnded) messages.get(messages.size() - 1);
      assertEquals(EndReason.HANGUP, end.reason());
      for (Leg leg : Leg.values()) {
        long frames =
            messages.stream().filter(m -> m instanceof AudioFrame f && f.leg() == leg).count();
        assertEquals(SECONDS * 50L, frames, call + " " + leg + ": one frame per 20 ms");
      }
    }

    String metrics = get(base + "/metrics");
    assertTrue(
        Pattern.compile(
                "tonewatch_ingest_packets_total\\{outcome=\"accepted\",source=\"rtp\"\\} 200")
            .matcher(metrics)
            .find(),
        metrics);
    assertTrue(metrics.contains("tonewatch_ingest_frames_total 400"), metrics);
    Promtool.assertMetricsClean(dir, metrics);
    try (LocalPrometheus prometheus = LocalPrometheus.scrape(dir, "ingest", httpPort)) {
      prometheus.awaitValue("up{job=\"ingest\"}", 1);
      prometheus.awaitValue("sum(tonewatch_ingest_frames_total)", 400);
    }

    ingest.destroy(); // SIGTERM: the shutdown hook closes the service, publisher and broker
    assertTrue(ingest.waitFor(60, TimeUnit.SECONDS), "ingest stops on SIGTERM");
  }

  private static PcmAudio twoLegs() {
    int n = SECONDS * 8000;
    short[] customer = new short[n];
    short[] agent = new short[n];
    for (int i = 0; i < n; i++) {
      customer[i] = (short) (6000 * Math.sin(2 * Math.PI * 200 * i / 8000.0));
      agent[i] = (short) (5000 * Math.sin(2 * Math.PI * 130 * i / 8000.0));
    }
    return new PcmAudio(8000, new short[][] {customer, agent});
  }

  private static void simulate(String... args) {
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("simulate", "--no-progress"));
    all.addAll(List.of(args));
    int code =
        Main.execute(
            new PrintWriter(new StringWriter()), new PrintWriter(err), all.toArray(String[]::new));
    assertEquals(0, code, err.toString());
  }

  private String awaitBanner(Path out) {
    return Await.value(
        "the ingest banner with the Kafka and control addresses",
        Duration.ofMinutes(2),
        () -> {
          assertTrue(ingest.isAlive(), "ingest exited: " + readOrEmpty(dir.resolve("ingest.err")));
          return readOrEmpty(out);
        },
        text -> KAFKA.matcher(text).find() && CONTROL.matcher(text).find());
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertTrue(m.find(), pattern + " in " + text);
    return m.group(1);
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body();
  }

  private static Map<String, List<AudioMessage>> readCalls(String kafka, List<String> wanted) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    Map<String, List<AudioMessage>> byCall = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(Topics.AUDIO)
          .forEach(info -> partitions.add(new TopicPartition(Topics.AUDIO, info.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Await.until(
          "the end of " + wanted + " on " + Topics.AUDIO,
          () -> {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
              for (AudioMessage message : AudioMessageCodec.decodeFrames(r.value())) {
                byCall.computeIfAbsent(message.callId(), c -> new ArrayList<>()).add(message);
              }
            }
            return ended(byCall, wanted);
          });
    }
    return byCall;
  }

  private static boolean ended(Map<String, List<AudioMessage>> byCall, List<String> wanted) {
    return wanted.stream()
        .allMatch(
            c ->
                byCall.containsKey(c)
                    && byCall.get(c).get(byCall.get(c).size() - 1) instanceof CallEnded);
  }
}
