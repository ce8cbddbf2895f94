package io.tonewatch.ingest.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Command lines of the real RTP peers, and a bounded way to run one. */
final class RealSenders {
  private static final long TIMEOUT_SECONDS = 30;

  /** A sender still waiting for the port it sends to. */
  @FunctionalInterface
  interface Command {
    List<String> to(int port) throws Exception;
  }

  private RealSenders() {}

  /** ffmpeg paced at real time in 20 ms packets (DESIGN.md §5: plain -re sends bursts). */
  static List<String> ffmpeg(Path wav, String codec, int payloadType, int port) {
    return ffmpeg(wav, codec, payloadType, port, null, null);
  }

  static List<String> ffmpeg(
      Path wav, String codec, int payloadType, int port, Long ssrc, Integer firstSequence) {
    List<String> command = new ArrayList<>();
    command.addAll(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin"));
    command.addAll(List.of("-i", wav.toString(), "-af", "asetnsamples=n=160,arealtime"));
    command.addAll(List.of("-ac", "1", "-ar", "8000", "-c:a", codec, "-f", "rtp"));
    command.addAll(List.of("-payload_type", Integer.toString(payloadType)));
    if (ssrc != null) {
      command.addAll(List.of("-ssrc", Long.toString(ssrc)));
    }
    if (firstSequence != null) {
      command.addAll(List.of("-seq", Integer.toString(firstSequence)));
    }
    command.add("rtp://127.0.0.1:" + port);
    return command;
  }

  /** GStreamer's own payloader, 20 ms per packet, paced by udpsink's clock sync. */
  static List<String> gstreamerPcmu(Path wav, int port) {
    return List.of(
        "gst-launch-1.0",
        "-q",
        "filesrc",
        "location=" + wav,
        "!",
        "wavparse",
        "!",
        "audioconvert",
        "!",
        "audio/x-raw,rate=8000,channels=1",
        "!",
        "mulawenc",
        "!",
        "rtppcmupay",
        "min-ptime=20000000",
        "max-ptime=20000000",
        "!",
        "udpsink",
        "host=127.0.0.1",
        "port=" + port);
  }

  /** Runs {@code command} to its end (bounded), failing the test if it fails. */
  static void run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(ended, command.get(0) + " did not end within " + TIMEOUT_SECONDS + " s");
    assertEquals(0, process.exitValue(), command.get(0) + " failed: " + output);
  }
}
