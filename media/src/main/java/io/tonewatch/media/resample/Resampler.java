package io.tonewatch.media.resample;

/**
 * Band-limited sample-rate conversion by a Kaiser-windowed sinc, evaluated as a polyphase filter.
 *
 * <p>The filter passes up to 85 % of the lower of the two Nyquist frequencies and rejects by 80 dB
 * from that Nyquist frequency up, so taking 16, 44.1 or 48 kHz speech to 8 kHz folds nothing back
 * into the telephone band (300-3400 Hz passes). Output sample {@code n} sits at input time {@code n
 * * fromHz / toHz}. For the reduced ratio {@code up/down} there are {@code up} distinct filter
 * phases; they are tabulated once, so each output sample costs one dot product (about 130 taps from
 * 16 kHz, 370 from 44.1 kHz). Ratios needing more than 4096 phases (rates with no large common
 * factor) round the phase to the nearest 1/4096 of an input sample, a timing error of under 0.00013
 * samples. Samples beyond either end count as silence. See J. O. Smith, "Digital Audio Resampling
 * Home Page", CCRMA, and Kaiser's window design formulas in Oppenheim and Schafer, Discrete-Time
 * Signal Processing, section 7.5.3.
 */
public final class Resampler {

  private Resampler() {}

  /**
   * Resamples 16-bit audio from {@code fromHz} to {@code toHz}, returning {@code round(in.length *
   * toHz / fromHz)} samples clamped to 16 bits; equal rates return a copy.
   */
  public static short[] resample(short[] in, int fromHz, int toHz) {
    if (fromHz <= 0 || toHz <= 0) {
      throw new IllegalArgumentException(
          "sample rates must be positive, were fromHz=" + fromHz + " toHz=" + toHz);
    }
    if (fromHz == toHz) {
      return in.clone();
    }
    long outLength = StreamingResampler.outputCount(in.length, fromHz, toHz);
    if (outLength > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          in.length + " samples at " + fromHz + " Hz make too many at " + toHz + " Hz");
    }
    short[] out = new short[(int) outLength];
    int[] filled = {0};
    StreamingResampler.SampleSink sink =
        (samples, offset, count) -> {
          System.arraycopy(samples, offset, out, filled[0], count);
          filled[0] += count;
        };
    StreamingResampler resampler = new StreamingResampler(fromHz, toHz);
    resampler.accept(in, 0, in.length, sink);
    resampler.finish(sink);
    return out;
  }
}
