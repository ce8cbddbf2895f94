package io.tonewatch.ingest.testing;

import io.tonewatch.ingest.metrics.PacketOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The malformed-input corpus under {@code src/test/resources/io/tonewatch/ingest/corpus/}: one
 * directory per front-end ({@code rtp/} one datagram per file, {@code twilio/} one text message per
 * file, {@code audiosocket/} one TCP stream per file), plus the few large entries generated here
 * rather than committed. A file is named {@code <outcome>--<what is wrong>.<ext>}: the prefix is
 * the {@link PacketOutcome} tag the input must be counted under ({@code garbage--} for random
 * streams whose outcome is not fixed). See the README.md there for how each was made.
 */
public final class MalformedCorpus {
  /** Classpath directory of the corpus. */
  public static final String ROOT = "/io/tonewatch/ingest/corpus/";

  /** One corpus input. {@code expected} is null for {@code garbage--} entries. */
  public record Entry(String name, PacketOutcome expected, byte[] bytes) {
    @Override
    public String toString() {
      return name + " (" + bytes.length + " bytes)";
    }
  }

  private MalformedCorpus() {}

  /**
   * RTP datagrams: the files plus a datagram as large as UDP over IPv4 carries (65,507 bytes, a
   * valid PCMU header), which any sane {@code ingest.max-datagram-bytes} counts OVERSIZED.
   */
  public static List<Entry> rtp() {
    List<Entry> entries = files("rtp");
    byte[] huge = new byte[65_507];
    huge[0] = (byte) 0x80; // V=2, PT 0 (PCMU)
    huge[3] = 1;
    entries.add(
        new Entry("oversized--max-udp-datagram-65507-bytes", PacketOutcome.OVERSIZED, huge));
    return entries;
  }

  /**
   * Twilio text messages (UTF-8): the files plus a 70,000-char message and a 16,001-byte payload.
   */
  public static List<Entry> twilio() {
    List<Entry> entries = files("twilio");
    String longMessage = "{\"event\":\"mark\",\"mark\":{\"name\":\"" + "m".repeat(70_000) + "\"}}";
    entries.add(
        new Entry(
            "oversized--message-70000-chars",
            PacketOutcome.OVERSIZED,
            longMessage.getBytes(StandardCharsets.UTF_8)));
    String bigPayload =
        "{\"event\":\"media\",\"media\":{\"track\":\"inbound\",\"chunk\":\"1\",\"timestamp\":\"0\","
            + "\"payload\":\""
            + Base64.getEncoder().encodeToString(new byte[16_001])
            + "\"}}";
    entries.add(
        new Entry(
            "oversized--payload-16001-bytes",
            PacketOutcome.OVERSIZED,
            bigPayload.getBytes(StandardCharsets.UTF_8)));
    return entries;
  }

  /** AudioSocket streams: the files plus one 60,000-byte audio message. */
  public static List<Entry> audioSocket() {
    List<Entry> entries = files("audiosocket");
    byte[] big = new byte[3 + 60_000];
    big[0] = 0x10;
    big[1] = (byte) (60_000 >>> 8);
    big[2] = (byte) (60_000 & 0xFF);
    entries.add(new Entry("oversized--audio-60000-bytes", PacketOutcome.OVERSIZED, big));
    return entries;
  }

  private static List<Entry> files(String dir) {
    URL url = MalformedCorpus.class.getResource(ROOT + dir + "/");
    if (url == null) {
      throw new IllegalStateException("corpus directory missing from the classpath: " + dir);
    }
    try (Stream<Path> paths = Files.list(Path.of(url.toURI()))) {
      List<Entry> entries = new ArrayList<>();
      for (Path path : paths.sorted(Comparator.comparing(Path::toString)).toList()) {
        String name = path.getFileName().toString();
        entries.add(new Entry(name, outcome(name), Files.readAllBytes(path)));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PacketOutcome outcome(String name) {
    int cut = name.indexOf("--");
    if (cut < 0) {
      throw new IllegalStateException("corpus file not named <outcome>--<what>: " + name);
    }
    String prefix = name.substring(0, cut);
    return prefix.equals("garbage") ? null : PacketOutcome.valueOf(prefix.toUpperCase(Locale.ROOT));
  }
}
