package io.tonewatch.evaluation.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times aubio's FFT-based YIN ({@code aubiopitch -p yinfft -H 80 -B 512}) on a WAV file, the
 * reference for what pitch alone costs. The child's CPU time comes from bash's {@code time}: the
 * JDK cannot tell a finished process's CPU time.
 */
public final class AubioBench {

  public static final String COMMAND = "aubiopitch -p yinfft -H 80 -B 512";
  private static final Pattern USER_PLUS_SYS =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\+(\\d+(?:\\.\\d+)?)");
  private static final long TIMEOUT_MINUTES = 60;

  private AubioBench() {}

  /** True when both bash and aubiopitch are on the PATH. */
  public static boolean available() {
    return onPath("aubiopitch") && onPath("bash");
  }

  /** CPU seconds (user + system) aubiopitch spent on {@code wav}. */
  public static double cpuSeconds(Path wav) throws IOException, InterruptedException {
    Path log = Files.createTempFile("tonewatch-aubio-", ".log");
    try {
      Process process =
          new ProcessBuilder(
                  "bash",
                  "-c",
                  "TIMEFORMAT=%U+%S; time aubiopitch -i \"$1\" -p yinfft -H 80 -B 512 > /dev/null",
                  "bash",
                  wav.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("aubiopitch took longer than " + TIMEOUT_MINUTES + " minutes");
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException("aubiopitch exited with status " + process.exitValue());
      }
      return parseTime(output);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** The last {@code USER+SYS} seconds pair bash printed. */
  static double parseTime(String output) throws IOException {
    Matcher m = USER_PLUS_SYS.matcher(output);
    double seconds = Double.NaN;
    while (m.find()) {
      seconds = Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
    }
    if (Double.isNaN(seconds)) {
      throw new IOException("could not read aubiopitch's CPU time");
    }
    return seconds;
  }

  private static boolean onPath(String program) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
