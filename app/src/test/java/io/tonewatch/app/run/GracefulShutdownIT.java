package io.tonewatch.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tonewatch.app.Main;
import io.tonewatch.app.ingest.IngestSettings;
import io.tonewatch.app.kafka.EmbeddedKafka;
import io.tonewatch.app.kafka.EmbeddedKafkaSettings;
import io.tonewatch.app.process.ProcessSettings;
import io.tonewatch.events.Topics;
import io.tonewatch.testing.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Stopping {@code run}'s parts commits the processor's offsets: with periodic commits out of the
 * way (every ten minutes), a call played through ingest and analysed to its end is committed by the
 * close alone, to the end of every audio partition, on the real in-process broker.
 */
class GracefulShutdownIT {
  private static final Pattern HANGUPS =
      Pattern.compile("tonewatch_process_calls_ended_total\\{reason=\"hangup\"} (\\d+)");
  private static final Map<String, String> SETTINGS =
      Map.of(
          "ingest.http-port", "0",
          "process.http-port", "0",
          "process.commit-interval-ms", "600000",
          "ingest.rtp-port-min", "46800",
          "ingest.rtp-port-max", "46809");

  @Test
  void closeCommitsTheProcessorsOffsetsToTheEndOfWhatItAnalysed() throws Exception {
    try (EmbeddedKafka broker = EmbeddedKafka.start(EmbeddedKafkaSettings.defaults());
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      AllInOne all =
          AllInOne.start(
              IngestSettings.resolve(null, Map.of(), SETTINGS),
              ProcessSettings.resolve(null, Map.of(), SETTINGS),
              broker.bootstrapServers(),
              null);
      String metrics = "http://127.0.0.1:" + all.process().httpPort() + "/metrics";
      try {
        Await.until("the processor in its group", () -> all.process().health().ready());
        int simulated =
            Main.execute(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                "simulate",
                "--no-progress",
                "--control",
                "http://127.0.0.1:" + all.ingest().service().httpPort(),
                "--call-id-prefix",
                "stop-",
                "--duration",
                "2s");
        assertEquals(0, simulated);
        Await.until("the call analysed to its hangup", () -> hangups(metrics) >= 1);
        Map<TopicPartition, Long> ends = endOffsets(admin);
        assertTrue(ends.values().stream().mapToLong(Long::longValue).sum() > 0, ends.toString());
        assertTrue(
            !committed(admin).equals(ends), "nothing committed the end before the close: " + ends);
      } finally {
        all.close();
      }
      assertEquals(endOffsets(admin), committed(admin), "committed at close, up to the end");
    }
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin
        .describeTopics(List.of(Topics.AUDIO))
        .allTopicNames()
        .get()
        .get(Topics.AUDIO)
        .partitions()
        .forEach(
            p -> latest.put(new TopicPartition(Topics.AUDIO, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get()
        .forEach(
            (tp, info) -> {
              if (info.offset() > 0) {
                ends.put(tp, info.offset());
              }
            });
    return ends;
  }

  private static Map<TopicPartition, Long> committed(Admin admin) throws Exception {
    Map<TopicPartition, Long> committed = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets("tonewatch-process").partitionsToOffsetAndMetadata().get();
    offsets.forEach(
        (tp, offset) -> {
          if (offset != null && offset.offset() > 0 && tp.topic().equals(Topics.AUDIO)) {
            committed.put(tp, offset.offset());
          }
        });
    return committed;
  }

  private static long hangups(String url) {
    try {
      String body =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = HANGUPS.matcher(body);
      return m.find() ? Long.parseLong(m.group(1)) : 0;
    } catch (Exception notYet) {
      return 0;
    }
  }
}
