package io.tonewatch.processor.engine.learn;

import io.tonewatch.events.AlertEvent;
import io.tonewatch.events.AlertEventJson;
import io.tonewatch.events.Leg;
import io.tonewatch.processor.engine.CallAnalyzer;
import io.tonewatch.processor.engine.DetectorSettings;
import io.tonewatch.processor.engine.FeatureFrame;
import io.tonewatch.processor.engine.FeatureListener;
import io.tonewatch.processor.engine.WallClock;
import io.tonewatch.processor.engine.detect.RaisedVoiceRule;
import io.tonewatch.processor.engine.score.ModelInput;
import io.tonewatch.processor.engine.score.ScoreModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The cross-validation driver's view of the engine ({@code eval/crossval.py}, {@code
 * eval/fit-score.py}): analyses every {@code NAME.wav} of a directory of labelled calls with a
 * given score model and writes {@code OUT/NAME.jsonl}, the alert events {@code score.py} reads.
 * With {@code --dump} it also writes {@code OUT/NAME.inputs.csv}: per voiced decision frame, the
 * learned score's inputs, which is what the model is fitted on. A tool, not a test.
 *
 * <pre>FoldAnalysis (--model FILE | --rule) [--dump] CALLS_DIR OUT_DIR</pre>
 */
public final class FoldAnalysis {
  private FoldAnalysis() {}

  public static void main(String[] args) throws IOException {
    DetectorSettings settings = new DetectorSettings(true, RaisedVoiceRule.defaults(), null);
    boolean dump = false;
    List<String> dirs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--model" -> settings = settings.withScoreModel(read(Path.of(args[++i])));
        case "--rule" -> settings = settings.withScoreModel(null);
        case "--dump" -> dump = true;
        default -> dirs.add(args[i]);
      }
    }
    if (dirs.size() != 2) {
      throw new IllegalArgumentException(
          "usage: FoldAnalysis (--model FILE | --rule) [--dump] CALLS_DIR OUT_DIR");
    }
    Path calls = Path.of(dirs.get(0));
    Path out = Files.createDirectories(Path.of(dirs.get(1)));
    try (Stream<Path> files = Files.list(calls)) {
      for (Path wav : files.filter(FoldAnalysis::isLabelledCall).sorted().toList()) {
        String name = wav.getFileName().toString().replaceFirst("\\.wav$", "");
        analyse(name, WavPcm.read(wav), settings, out, dump);
      }
    }
  }

  private static boolean isLabelledCall(Path p) {
    String f = p.getFileName().toString();
    return f.endsWith(".wav") && Files.exists(p.resolveSibling(f.replaceFirst("\\.wav$", ".csv")));
  }

  private static ScoreModel read(Path file) throws IOException {
    return ScoreModel.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  private static void analyse(
      String name, short[][] legs, DetectorSettings settings, Path out, boolean dump)
      throws IOException {
    List<AlertEvent> events = new ArrayList<>();
    StringBuilder inputs = new StringBuilder(header());
    FeatureListener features = dump ? (leg, frame) -> row(inputs, leg, frame) : null;
    CallAnalyzer analyzer =
        new CallAnalyzer(
            name, settings, WallClock.anchoredAt(Instant.EPOCH), events::add, features);
    int frames = legs[0].length / CallAnalyzer.FRAME_SAMPLES;
    for (int f = 0; f < frames; f++) {
      int offset = f * CallAnalyzer.FRAME_SAMPLES;
      analyzer.onFrame(Leg.CUSTOMER, legs[0], offset, false);
      if (legs.length > 1) {
        analyzer.onFrame(Leg.AGENT, legs[1], offset, false);
      }
    }
    analyzer.finish();
    try (Writer w = Files.newBufferedWriter(out.resolve(name + ".jsonl"), StandardCharsets.UTF_8)) {
      for (AlertEvent event : events) {
        w.write(AlertEventJson.toJson(event));
        w.write('\n');
      }
    }
    if (dump) {
      Files.writeString(out.resolve(name + ".inputs.csv"), inputs, StandardCharsets.UTF_8);
    }
  }

  private static String header() {
    StringBuilder h = new StringBuilder("leg,time_s,raised");
    for (ModelInput input : ModelInput.values()) {
      h.append(',').append(input.key());
    }
    return h.append('\n').toString();
  }

  /** Frames with evidence only: the score is not computed on the others. */
  private static void row(StringBuilder sb, Leg leg, FeatureFrame frame) {
    double[] in = frame.modelInputs();
    if (!frame.speech() || frame.f0Hz() <= 0 || allZero(in)) {
      return;
    }
    sb.append(leg.name().toLowerCase(Locale.ROOT))
        .append(',')
        .append(String.format(Locale.ROOT, "%.2f", frame.timeS()))
        .append(',')
        .append(frame.raised() ? 1 : 0);
    for (double v : in) {
      sb.append(',').append(String.format(Locale.ROOT, "%.3f", v));
    }
    sb.append('\n');
  }

  private static boolean allZero(double[] values) {
    for (double v : values) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }
}
