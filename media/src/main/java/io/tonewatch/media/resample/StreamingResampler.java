package io.tonewatch.media.resample;

/**
 * {@link Resampler}'s filter applied to audio that arrives in blocks of any size: the output is the
 * same, sample for sample, as resampling the whole signal at once, and memory stays at one filter
 * length of input whatever the signal's length.
 *
 * <p>Output sample {@code n} is written as soon as the input it weighs has arrived; {@link #finish}
 * writes the rest, treating samples past the end as silence, up to {@code round(inputCount * toHz /
 * fromHz)} samples in all. Not thread-safe: one thread feeds it.
 */
public final class StreamingResampler {

  /** Receives resampled samples; the array is reused after the call returns. */
  @FunctionalInterface
  public interface SampleSink {
    void onSamples(short[] samples, int offset, int count);
  }

  private static final int MAX_PHASES = 4096;
  private static final int OUT_BLOCK = 1024;

  private final int fromHz;
  private final int toHz;
  private final long up;
  private final long down;
  private final Kernel kernel;
  private final short[] window;
  private final short[] outBlock = new short[OUT_BLOCK];

  /** Absolute index of {@code window[0]} in the input. */
  private long windowStart;

  private int windowLength;
  private long inputCount;
  private long nextOutput;

  public StreamingResampler(int fromHz, int toHz) {
    if (fromHz <= 0 || toHz <= 0) {
      throw new IllegalArgumentException(
          "sample rates must be positive, were fromHz=" + fromHz + " toHz=" + toHz);
    }
    this.fromHz = fromHz;
    this.toHz = toHz;
    int common = gcd(fromHz, toHz);
    this.up = toHz / common;
    this.down = fromHz / common;
    this.kernel = Kernel.design(fromHz, toHz, (int) Math.min(up, MAX_PHASES));
    this.window = new short[kernel.width + 8 * OUT_BLOCK];
  }

  /** How many samples {@code inputCount} input samples make in all. */
  public static long outputCount(long inputCount, int fromHz, int toHz) {
    return (inputCount * toHz + fromHz / 2) / fromHz;
  }

  /** Takes {@code count} input samples and writes every output sample they complete. */
  public void accept(short[] in, int offset, int count, SampleSink sink) {
    while (count > 0) {
      dropConsumedInput();
      int taken = Math.min(count, window.length - windowLength);
      System.arraycopy(in, offset, window, windowLength, taken);
      windowLength += taken;
      inputCount += taken;
      offset += taken;
      count -= taken;
      emit(sink, false);
    }
  }

  /** Ends the input: writes the remaining output samples. */
  public void finish(SampleSink sink) {
    emit(sink, true);
  }

  private void emit(SampleSink sink, boolean atEnd) {
    long limit = atEnd ? outputCount(inputCount, fromHz, toHz) : Long.MAX_VALUE;
    int width = kernel.width;
    int phases = kernel.phases;
    double[] taps = kernel.taps;
    int pending = 0;
    while (nextOutput < limit) {
      long position = nextOutput * down; // in units of 1/up input samples
      long whole = position / up;
      long fraction = position % up;
      int phase;
      if (phases == up) {
        phase = (int) fraction;
      } else {
        phase = (int) ((fraction * phases + up / 2) / up);
        if (phase == phases) {
          phase = 0;
          whole++;
        }
      }
      long first = whole - kernel.halfWidth + 1;
      if (!atEnd && first + width > inputCount) {
        break; // its last tap has not arrived yet
      }
      int tap = phase * width;
      double sum = 0;
      if (first >= 0 && first + width <= inputCount) {
        int at = (int) (first - windowStart);
        for (int k = 0; k < width; k++) {
          sum += taps[tap + k] * window[at + k];
        }
      } else {
        // Near either end: the taps that fall outside the input see silence.
        int from = (int) Math.max(0, -first);
        int to = (int) Math.min(width, inputCount - first);
        int at = (int) (first - windowStart);
        for (int k = from; k < to; k++) {
          sum += taps[tap + k] * window[at + k];
        }
      }
      outBlock[pending++] =
          (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
      if (pending == OUT_BLOCK) {
        sink.onSamples(outBlock, 0, pending);
        pending = 0;
      }
      nextOutput++;
    }
    if (pending > 0) {
      sink.onSamples(outBlock, 0, pending);
    }
  }

  /** Shifts out the input no future output sample weighs. */
  private void dropConsumedInput() {
    long oldestNeeded = (nextOutput * down) / up - kernel.halfWidth;
    int drop = (int) Math.max(0, Math.min(windowLength, oldestNeeded - windowStart));
    if (drop > 0) {
      System.arraycopy(window, drop, window, 0, windowLength - drop);
      windowLength -= drop;
      windowStart += drop;
    }
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int r = a % b;
      a = b;
      b = r;
    }
    return a;
  }
}
