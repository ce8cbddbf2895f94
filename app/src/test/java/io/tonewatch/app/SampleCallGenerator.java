package io.tonewatch.app;

import io.tonewatch.events.Leg;
import io.tonewatch.media.wav.PcmAudio;
import io.tonewatch.media.wav.WavReader;
import io.tonewatch.media.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Builds the bundled demo call, {@code samples/escalating-call.wav}: a stereo 8 kHz 16-bit WAV in
 * which the customer (channel 1) speaks calm turns for about 20 s, then angry ones, while the agent
 * (channel 2) answers every turn calmly and a little quieter. Turns alternate with 0.5 s gaps, and
 * both channels carry a faint noise floor, as a line does. Deterministic: the same inputs give the
 * same bytes.
 *
 * <p>Run from the repository root after a build, to regenerate the committed file:
 *
 * <pre>
 * java -cp app/target/classes:app/target/test-classes:audio-ingest/target/classes \
 *     io.tonewatch.app.SampleCallGenerator [THORSTEN_DIR [OUT.wav]]
 * </pre>
 *
 * The defaults are the fixtures in the test resources and the resource the jar bundles.
 */
public final class SampleCallGenerator {

  static final Path DEFAULT_SOURCES = Path.of("app/src/test/resources/io/tonewatch/app/thorsten");
  static final Path DEFAULT_OUT = Path.of("app/src/main/resources/samples/escalating-call.wav");
  static final int RATE_HZ = 8000;
  static final double LEAD_S = 0.5;
  static final double GAP_S = 0.5;
  static final double NOISE_RMS = 20; // about -64 dBFS: audible hiss on a quiet line
  static final long SEED = 20_240_611L;

  /** One turn: who speaks which sample, at what gain. */
  record Turn(Leg leg, String sample, double gainDb) {}

  /** Calm for four exchanges, then the customer is angry for four; the agent stays calm. */
  static final List<Turn> SCRIPT =
      List.of(
          new Turn(Leg.CUSTOMER, "neutral", 0),
          new Turn(Leg.AGENT, "neutral", -3),
          new Turn(Leg.CUSTOMER, "neutral", -1),
          new Turn(Leg.AGENT, "sleepy", -4),
          new Turn(Leg.CUSTOMER, "neutral", 0.5),
          new Turn(Leg.AGENT, "neutral", -3.5),
          new Turn(Leg.CUSTOMER, "neutral", -0.5),
          new Turn(Leg.AGENT, "sleepy", -3),
          new Turn(Leg.CUSTOMER, "angry", 0),
          new Turn(Leg.AGENT, "neutral", -3),
          new Turn(Leg.CUSTOMER, "angry", 1),
          new Turn(Leg.AGENT, "sleepy", -4),
          new Turn(Leg.CUSTOMER, "angry", -0.5),
          new Turn(Leg.AGENT, "neutral", -3.5),
          new Turn(Leg.CUSTOMER, "angry", 1.5),
          new Turn(Leg.AGENT, "sleepy", -3));

  private SampleCallGenerator() {}

  public static void main(String[] args) throws IOException {
    Path sources = args.length > 0 ? Path.of(args[0]) : DEFAULT_SOURCES;
    Path out = args.length > 1 ? Path.of(args[1]) : DEFAULT_OUT;
    PcmAudio call = generate(sources);
    WavWriter.write(out, call);
    System.out.printf(
        "wrote %s: %.2f s, %d channels%n", out, call.durationS(), call.channelCount());
  }

  /** The call, built from {@code NAME.wav} files (8 kHz mono) in {@code sources}. */
  public static PcmAudio generate(Path sources) throws IOException {
    List<short[]> clips = new ArrayList<>();
    int total = seconds(LEAD_S);
    for (Turn turn : SCRIPT) {
      PcmAudio clip = WavReader.read(sources.resolve(turn.sample() + ".wav"));
      if (clip.sampleRateHz() != RATE_HZ || clip.channelCount() != 1) {
        throw new IOException(turn.sample() + ".wav must be 8 kHz mono");
      }
      clips.add(clip.channel(0));
      total += clip.frameCount() + seconds(GAP_S);
    }
    short[] customer = new short[total];
    short[] agent = new short[total];
    int at = seconds(LEAD_S);
    for (int i = 0; i < SCRIPT.size(); i++) {
      Turn turn = SCRIPT.get(i);
      short[] clip = clips.get(i);
      short[] target = turn.leg() == Leg.CUSTOMER ? customer : agent;
      double gain = Math.pow(10, turn.gainDb() / 20);
      for (int n = 0; n < clip.length; n++) {
        target[at + n] = clamp(clip[n] * gain);
      }
      at += clip.length + seconds(GAP_S);
    }
    Random noise = new Random(SEED);
    addNoise(customer, noise);
    addNoise(agent, noise);
    return new PcmAudio(RATE_HZ, new short[][] {customer, agent});
  }

  /**
   * The call's turns as labels in the format of the shared evaluation data ({@code
   * start_s,end_s,leg,label,source}): angry turns are {@code raised}, the rest {@code calm}.
   */
  public static List<String> labels(Path sources) throws IOException {
    List<String> rows = new ArrayList<>(List.of("start_s,end_s,leg,label,source"));
    int at = seconds(LEAD_S);
    for (Turn turn : SCRIPT) {
      int length = WavReader.read(sources.resolve(turn.sample() + ".wav")).frameCount();
      rows.add(
          String.format(
              Locale.ROOT,
              "%.3f,%.3f,%s,%s,%s.wav",
              at / (double) RATE_HZ,
              (at + length) / (double) RATE_HZ,
              turn.leg().wireName(),
              turn.sample().equals("angry") ? "raised" : "calm",
              turn.sample()));
      at += length + seconds(GAP_S);
    }
    return rows;
  }

  private static void addNoise(short[] samples, Random noise) {
    for (int n = 0; n < samples.length; n++) {
      samples[n] = clamp(samples[n] + noise.nextGaussian() * NOISE_RMS);
    }
  }

  private static short clamp(double value) {
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
  }

  private static int seconds(double s) {
    return (int) Math.round(s * RATE_HZ);
  }
}
