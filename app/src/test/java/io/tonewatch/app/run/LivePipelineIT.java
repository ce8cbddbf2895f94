package io.tonewatch.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.app.Main;
import io.tonewatch.app.ingest.IngestSettings;
import io.tonewatch.app.process.ProcessSettings;
import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.Leg;
import io.tonewatch.events.Topics;
import io.tonewatch.simulator.control.ControlApiClient;
import io.tonewatch.testing.Await;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole live path in one JVM with the real in-process broker: the bundled two-leg call over RTP
 * from {@code simulate} and, at the same time, from two real ffmpeg senders (one per leg), into
 * ingest, through Kafka to the stream-processor; its alert events on {@code tonewatch.alerts} must
 * be the ones {@code analyze} gives for the same WAV: same alert ids, kinds, legs and states, media
 * times within 100 ms (the legs of a live call start a packet or two apart).
 */
class LivePipelineIT {
  private static final long MEDIA_TOLERANCE_MS = 100;

  @TempDir Path dir;

  @Test
  void liveAlertsFromSimulateAndFfmpegMatchAnalyze() throws Exception {
    Path wav = dir.resolve("escalating-call.wav");
    try (InputStream in = Main.class.getResourceAsStream("/samples/escalating-call.wav")) {
      Files.copy(in, wav);
    }
    Map<String, String> settings =
        Map.of(
            "ingest.http-port", "0",
            "ingest.rtp-port-min", "46400",
            "ingest.rtp-port-max", "46499",
            "process.http-port", "0");
    try (AllInOne all =
        AllInOne.start(
            IngestSettings.resolve(null, Map.of(), settings),
            ProcessSettings.resolve(null, Map.of(), settings),
            null,
            null)) {
      String control = "http://127.0.0.1:" + all.ingest().service().httpPort();
      CompletableFuture<Integer> simulated =
          CompletableFuture.supplyAsync(
              () ->
                  Main.execute(
                      new PrintWriter(new StringWriter()),
                      new PrintWriter(new StringWriter()),
                      "simulate",
                      "--no-progress",
                      "--control",
                      control,
                      "--call-id-prefix",
                      "sim-",
                      wav.toString()));
      playWithFfmpeg(control, "ff-1", wav);
      assertEquals(0, simulated.get(2, TimeUnit.MINUTES), "simulate");

      for (String callId : List.of("sim-1", "ff-1")) {
        List<AlertEvent> expected = analyze(wav, callId);
        assertFalse(expected.isEmpty(), "the sample raises alerts offline");
        List<AlertEvent> live =
            Await.value(
                callId + "'s alerts",
                Duration.ofSeconds(60),
                () -> alerts(all.bootstrapServers(), callId),
                events -> events.size() >= expected.size());
        assertMatches(expected, live, callId);
      }
    }
  }

  /** Opens the call on the control API, sends each leg with its own ffmpeg, then ends the call. */
  private void playWithFfmpeg(String control, String callId, Path wav) throws Exception {
    ControlApiClient api =
        new ControlApiClient(URI.create(control), null, ControlApiClient.newHttpClient());
    Map<Leg, InetSocketAddress> ports =
        api.open(1, callId, List.of(Leg.CUSTOMER, Leg.AGENT)).get(30, TimeUnit.SECONDS);
    List<Process> senders = new ArrayList<>();
    for (Leg leg : List.of(Leg.CUSTOMER, Leg.AGENT)) {
      String channel = leg == Leg.CUSTOMER ? "c0" : "c1";
      senders.add(
          new ProcessBuilder(
                  "ffmpeg",
                  "-hide_banner",
                  "-loglevel",
                  "error",
                  "-nostdin",
                  "-i",
                  wav.toString(),
                  "-af",
                  "pan=mono|c0=" + channel + ",asetnsamples=n=160,arealtime",
                  "-ar",
                  "8000",
                  "-c:a",
                  "pcm_mulaw",
                  "-f",
                  "rtp",
                  "-payload_type",
                  "0",
                  "rtp://127.0.0.1:" + ports.get(leg).getPort())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("ffmpeg-" + leg.wireName() + ".log").toFile())
              .start());
    }
    for (Process sender : senders) {
      assertTrue(sender.waitFor(2, TimeUnit.MINUTES), "ffmpeg did not finish");
      assertEquals(0, sender.exitValue(), Files.readString(dir.resolve("ffmpeg-customer.log")));
    }
    api.close(callId).get(30, TimeUnit.SECONDS);
  }

  private static List<AlertEvent> analyze(Path wav, String callId) {
    StringWriter out = new StringWriter();
    int code =
        Main.execute(
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            "analyze",
            wav.toString(),
            "--format",
            "jsonl",
            "--call-id",
            callId);
    assertEquals(0, code);
    return out.toString().lines().filter(l -> !l.isBlank()).map(AlertEventJson::fromJson).toList();
  }

  private static List<AlertEvent> alerts(String kafka, String callId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<AlertEvent> events = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> all = new ArrayList<>();
      consumer
          .partitionsFor(Topics.ALERTS)
          .forEach(i -> all.add(new TopicPartition(i.topic(), i.partition())));
      consumer.assign(all);
      consumer.seekToBeginning(all);
      Map<TopicPartition, Long> ends = consumer.endOffsets(all);
      while (all.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                r -> {
                  AlertEvent e =
                      AlertEventJson.fromJson(new String(r.value(), StandardCharsets.UTF_8));
                  if (e.callId().equals(callId)) {
                    events.add(e);
                  }
                });
      }
    }
    return events;
  }

  private static void assertMatches(
      List<AlertEvent> expected, List<AlertEvent> live, String callId) {
    String both = callId + "\n offline: " + expected + "\n live:    " + live;
    assertEquals(expected.size(), live.size(), both);
    for (int i = 0; i < expected.size(); i++) {
      AlertEvent e = expected.get(i);
      AlertEvent l = live.get(i);
      assertEquals(e.alertId(), l.alertId(), both);
      assertEquals(e.kind(), l.kind(), both);
      assertEquals(e.leg(), l.leg(), both);
      assertEquals(e.state(), l.state(), both);
      assertTrue(Math.abs(e.mediaTimeMs() - l.mediaTimeMs()) <= MEDIA_TOLERANCE_MS, both);
    }
  }
}
