package io.tonewatch.evaluation.pitch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Praat's pitch track of one file, from a script that prints {@code "t f0"} per frame (0 when
 * unvoiced), such as the project's reference {@code f0frames.praat}.
 */
final class PraatPitch {
  static final double FLOOR_HZ = 75;
  static final double CEILING_HZ = 600;

  private final String executable;
  private final Path script;

  PraatPitch(String executable, Path script) {
    this.executable = executable;
    this.script = script.toAbsolutePath();
  }

  /** Frame times in seconds in [0][i] and F0 in Hz in [1][i], in time order. */
  double[][] track(Path wav) throws IOException, InterruptedException {
    // Praat resolves relative paths against the script's directory, so pass absolute ones.
    ProcessBuilder builder =
        new ProcessBuilder(
            executable,
            "--run",
            script.toString(),
            wav.toAbsolutePath().toString(),
            Double.toString(FLOOR_HZ),
            Double.toString(CEILING_HZ));
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process process = builder.start();
    List<double[]> frames = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length == 2) {
          frames.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || frames.isEmpty()) {
      throw new IOException("Praat failed on " + wav + " (exit code " + exit + ")");
    }
    double[][] track = new double[2][frames.size()];
    for (int i = 0; i < frames.size(); i++) {
      track[0][i] = frames.get(i)[0];
      track[1][i] = frames.get(i)[1];
    }
    return track;
  }
}
