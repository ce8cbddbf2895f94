package io.tonewatch.evaluation.pitch;

import io.tonewatch.processor.engine.features.LegFeatureExtractor;
import io.tonewatch.processor.engine.features.LegFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Compares the engine's pitch track with Praat's on every WAV of a directory of telephonised EmoDB
 * utterances (8 kHz, 16-bit, mono; the speaker is the first two characters of the name, the emotion
 * the sixth).
 *
 * <p>Each file goes through {@link LegFeatureExtractor} exactly as in the engine (20 ms frames,
 * pitch only on speech frames), and each of its frames is matched to the Praat frame nearest in
 * time. For frames both call voiced it reports the share within 20 % of Praat and splits the rest
 * into octave-up, octave-down and other errors; it also reports how many Praat-voiced frames we
 * call voiced and how many of our voiced frames Praat calls unvoiced.
 *
 * <p>Usage: {@code PitchEval DIR [--praat EXECUTABLE] [--script f0frames.praat] [--frames
 * OUT.csv]}. The script defaults to {@code DIR/../../eval/f0frames.praat}, the layout of the shared
 * evaluation data.
 */
public final class PitchEval {
  private static final int FRAME_SAMPLES = 160;
  private static final double SAMPLE_RATE_HZ = 8000;

  /** Our frames farther than this from every Praat frame lie outside Praat's analysed span. */
  private static final double MAX_MATCH_DISTANCE_S = 0.01;

  private static final Set<String> MALE_SPEAKERS = Set.of("03", "10", "11");
  private static final Set<String> FEMALE_SPEAKERS = Set.of("08", "09");
  private static final Map<Character, String> EMOTIONS =
      Map.of(
          'W', "anger",
          'N', "neutral",
          'L', "boredom",
          'T', "sadness",
          'F', "happiness",
          'A', "fear",
          'E', "disgust");

  private PitchEval() {}

  public static void main(String[] args) throws Exception {
    Path dir = null;
    String praat = "praat";
    Path script = null;
    Path framesCsv = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--praat" -> praat = value(args, ++i);
        case "--script" -> script = Path.of(value(args, ++i));
        case "--frames" -> framesCsv = Path.of(value(args, ++i));
        default -> {
          if (args[i].startsWith("-") || dir != null) {
            usage("unknown argument " + args[i]);
          }
          dir = Path.of(args[i]);
        }
      }
    }
    if (dir == null || !Files.isDirectory(dir)) {
      usage(dir == null ? "no directory given" : "not a directory: " + dir);
    }
    if (script == null) {
      script = dir.toAbsolutePath().resolve("../../eval/f0frames.praat").normalize();
    }
    if (!Files.isReadable(script)) {
      usage("cannot read the Praat script " + script + " (give it with --script)");
    }
    System.exit(run(dir, new PraatPitch(praat, script), framesCsv, System.out));
  }

  private static int run(Path dir, PraatPitch praat, Path framesCsv, PrintStream out)
      throws IOException, InterruptedException {
    List<Path> wavs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.getFileName().toString().endsWith(".wav")).sorted().forEach(wavs::add);
    }
    if (wavs.isEmpty()) {
      out.println("no .wav files in " + dir);
      return 2;
    }
    Map<String, AgreementTally> bySpeaker = new TreeMap<>();
    Map<String, AgreementTally> byEmotion = new TreeMap<>();
    PrintWriter frames =
        framesCsv == null ? null : new PrintWriter(Files.newBufferedWriter(framesCsv));
    if (frames != null) {
      frames.println("file,time_s,ours_hz,praat_hz");
    }
    for (Path wav : wavs) {
      String name = wav.getFileName().toString();
      AgreementTally file = new AgreementTally();
      file.addFile();
      compare(wav, praat, file, frames);
      bySpeaker.computeIfAbsent(name.substring(0, 2), k -> new AgreementTally()).addAll(file);
      String emotion = name.length() > 5 ? EMOTIONS.get(name.charAt(5)) : null;
      if (emotion != null) {
        byEmotion.computeIfAbsent(emotion, k -> new AgreementTally()).addAll(file);
      }
    }
    if (frames != null) {
      frames.close();
    }
    report(dir, bySpeaker, byEmotion, out);
    return 0;
  }

  private static void compare(Path wav, PraatPitch praat, AgreementTally tally, PrintWriter frames)
      throws IOException, InterruptedException {
    short[] samples = readMono16(wav);
    double[][] reference = praat.track(wav);
    double[] praatTimes = reference[0];
    double[] praatF0 = reference[1];
    LegFeatureExtractor extractor = new LegFeatureExtractor(SAMPLE_RATE_HZ);
    int nearest = 0;
    for (int offset = 0; offset + FRAME_SAMPLES <= samples.length; offset += FRAME_SAMPLES) {
      LegFeatures features = extractor.accept(samples, offset, FRAME_SAMPLES, false);
      double t = features.timeS;
      while (nearest + 1 < praatTimes.length
          && Math.abs(praatTimes[nearest + 1] - t) <= Math.abs(praatTimes[nearest] - t)) {
        nearest++;
      }
      if (Math.abs(praatTimes[nearest] - t) > MAX_MATCH_DISTANCE_S) {
        continue;
      }
      tally.add(features.f0Hz, praatF0[nearest]);
      if (frames != null) {
        frames.printf(
            Locale.ROOT,
            "%s,%.3f,%.2f,%.2f%n",
            wav.getFileName(),
            t,
            features.f0Hz,
            praatF0[nearest]);
      }
    }
  }

  private static void report(
      Path dir,
      Map<String, AgreementTally> bySpeaker,
      Map<String, AgreementTally> byEmotion,
      PrintStream out) {
    AgreementTally male = new AgreementTally();
    AgreementTally female = new AgreementTally();
    AgreementTally overall = new AgreementTally();
    out.printf(
        Locale.ROOT,
        "Pitch vs Praat (ac, %.0f-%.0f Hz) on %s; agreement within %.0f %% on frames both call"
            + " voiced%n",
        PraatPitch.FLOOR_HZ,
        PraatPitch.CEILING_HZ,
        dir.getFileName(),
        100 * AgreementTally.TOLERANCE);
    out.println(AgreementTally.header());
    for (Map.Entry<String, AgreementTally> e : bySpeaker.entrySet()) {
      String speaker = e.getKey();
      String sex =
          MALE_SPEAKERS.contains(speaker) ? "m" : FEMALE_SPEAKERS.contains(speaker) ? "f" : "?";
      out.println(e.getValue().row("speaker " + speaker + sex));
      if (sex.equals("m")) {
        male.addAll(e.getValue());
      } else if (sex.equals("f")) {
        female.addAll(e.getValue());
      }
      overall.addAll(e.getValue());
    }
    out.println(male.row("male"));
    out.println(female.row("female"));
    out.println(overall.row("overall"));
    out.println();
    out.println(AgreementTally.header());
    for (Map.Entry<String, AgreementTally> e : byEmotion.entrySet()) {
      out.println(e.getValue().row(e.getKey()));
    }
    out.println();
    out.println(
        "both = frames both call voiced; oct-up/oct-dn = ours within 20 % of twice/half Praat's"
            + " F0; praatV>us = share of Praat-voiced frames we call voiced; usV>praU = share of"
            + " our voiced frames Praat calls unvoiced.");
  }

  /** Reads a 16-bit mono PCM WAV; the engine's 8 kHz rate is required, not resampled. */
  static short[] readMono16(Path wav) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat format = in.getFormat();
      if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
          || format.getSampleSizeInBits() != 16
          || format.getChannels() != 1
          || format.getSampleRate() != SAMPLE_RATE_HZ) {
        throw new IOException(wav + " is not 8 kHz 16-bit mono PCM: " + format);
      }
      byte[] bytes = in.readAllBytes();
      short[] samples = new short[bytes.length / 2];
      boolean bigEndian = format.isBigEndian();
      for (int i = 0; i < samples.length; i++) {
        int hi = bytes[2 * i + (bigEndian ? 0 : 1)];
        int lo = bytes[2 * i + (bigEndian ? 1 : 0)] & 0xff;
        samples[i] = (short) ((hi << 8) | lo);
      }
      return samples;
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(wav + " is not a WAV file this JDK reads", e);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println("PitchEval: " + problem);
    System.err.println(
        "usage: PitchEval DIR [--praat EXECUTABLE] [--script f0frames.praat] [--frames OUT.csv]");
    System.exit(2);
  }
}
