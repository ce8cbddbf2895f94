package io.tonewatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.AlertKind;
import io.tonewatch.events.AlertState;
import io.tonewatch.events.Leg;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} reads a recording block by block: the bundled two-leg call repeated for almost
 * two hours (a file four times the heap given) analyses to its end in a child JVM with 32 MB of
 * heap.
 */
class LongRecordingIT {
  private static final int COPIES = 160;
  private static final int HEADER_BYTES = 44;
  private static final String HEAP = "-Xmx32m";

  @TempDir Path dir;

  @Test
  void aRecordingFourTimesTheHeapIsAnalysedToItsEnd() throws Exception {
    assumeTrue(
        Files.isRegularFile(JarIT.JAR), "the shaded jar is built at package, before this test");
    byte[] sample;
    try (InputStream in = getClass().getResourceAsStream(DemoCommand.SAMPLE_RESOURCE)) {
      sample = in.readAllBytes();
    }
    assertEquals("data", new String(sample, 36, 4, StandardCharsets.US_ASCII));
    Path wav = dir.resolve("long.wav");
    long dataBytes = writeRepeated(sample, wav);
    assertTrue(dataBytes > 4L * 32 * 1024 * 1024, "the file must be several times the heap");

    Path out = dir.resolve("events.jsonl");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-jar",
                JarIT.JAR.toString(),
                "analyze",
                "--format",
                "jsonl",
                wav.toString())
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertTrue(child.waitFor(10, TimeUnit.MINUTES), "analyze did not finish");
    assertEquals(0, child.exitValue(), Files.readString(dir.resolve("err.txt")));

    List<AlertEvent> events =
        Files.readAllLines(out).stream().map(AlertEventJson::fromJson).toList();
    long customerEpisodes =
        events.stream()
            .filter(e -> e.kind() == AlertKind.RAISED_VOICE && e.leg() == Leg.CUSTOMER)
            .filter(e -> e.state() == AlertState.OPENED)
            .count();
    assertEquals(COPIES, customerEpisodes, "one escalation per copy of the call");
    long copyMs = (sample.length - HEADER_BYTES) / 4 * 1000L / 8000;
    long lastMs = events.get(events.size() - 1).mediaTimeMs();
    assertTrue(lastMs > (COPIES - 1) * copyMs, "the last copy was analysed: " + lastMs + " ms");
  }

  /** The sample's 44-byte header with the data size of {@link #COPIES} copies, then the copies. */
  private static long writeRepeated(byte[] sample, Path wav) throws Exception {
    long dataBytes = (long) (sample.length - HEADER_BYTES) * COPIES;
    byte[] head = Arrays.copyOf(sample, HEADER_BYTES);
    ByteBuffer sizes = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    sizes.putInt(4, (int) (36 + dataBytes)); // RIFF size
    sizes.putInt(40, (int) dataBytes); // data size
    try (OutputStream file = Files.newOutputStream(wav)) {
      file.write(head);
      for (int i = 0; i < COPIES; i++) {
        file.write(sample, HEADER_BYTES, sample.length - HEADER_BYTES);
      }
    }
    return dataBytes;
  }
}
