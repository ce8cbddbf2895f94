package io.tonewatch.media.call;

import io.tonewatch.events.Leg;
import io.tonewatch.events.audio.AudioFrame;
import io.tonewatch.media.resample.StreamingResampler;
import io.tonewatch.media.wav.WavStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A recorded call read frame by frame: each leg's next 20 ms at 8 kHz, the last frame padded with
 * silence. Reads and resamples the WAV in blocks, so memory does not grow with the recording's
 * length; the samples are those {@link CallAudioLoader} gives for the whole file. Not thread-safe:
 * one thread reads it.
 */
public final class CallStream implements Closeable {

  private static final int FRAME = AudioFrame.SAMPLES;
  private static final int BLOCK_FRAMES = 4096;

  private final String name;
  private final WavStream wav;
  private final LegLayout layout;
  private final short[][] block;
  private final SampleQueue[] queues;
  private final StreamingResampler[] resamplers;
  private final StreamingResampler.SampleSink[] sinks;
  private final Map<Leg, short[]> frames = new EnumMap<>(Leg.class);
  private boolean inputEnded;
  private long sampleCount;

  private CallStream(String name, WavStream wav, LegLayout layout, Consumer<String> notices)
      throws CallAudioException {
    int channels = wav.channelCount();
    this.name = name;
    this.wav = wav;
    this.layout = CallAudioLoader.legsFor(name, channels, layout);
    this.block = new short[channels][BLOCK_FRAMES];
    this.queues = new SampleQueue[channels];
    this.resamplers = new StreamingResampler[channels];
    this.sinks = new StreamingResampler.SampleSink[channels];
    int rateHz = wav.sampleRateHz();
    CallAudioLoader.noteResampling(rateHz, notices);
    for (int c = 0; c < channels; c++) {
      SampleQueue queue = new SampleQueue();
      queues[c] = queue;
      sinks[c] = queue::add;
      if (rateHz != AudioFrame.SAMPLE_RATE_HZ) {
        resamplers[c] = new StreamingResampler(rateHz, AudioFrame.SAMPLE_RATE_HZ);
      }
      frames.put(this.layout.legOfChannel(c), new short[FRAME]);
    }
  }

  /** Opens {@code file}; {@code layout} null means the standard one of its channel count. */
  public static CallStream open(Path file, LegLayout layout, Consumer<String> notices)
      throws IOException {
    WavStream wav = WavStream.open(file);
    try {
      return new CallStream(String.valueOf(file.getFileName()), wav, layout, notices);
    } catch (IOException | RuntimeException e) {
      wav.close();
      throw e;
    }
  }

  /** As {@link #open(Path, LegLayout, Consumer)} for a stream, named {@code name} in reports. */
  public static CallStream open(
      InputStream in, String name, LegLayout layout, Consumer<String> notices) throws IOException {
    return new CallStream(name, WavStream.open(in, name), layout, notices);
  }

  /** The legs in the order a live call delivers each frame: customer first. */
  public Set<Leg> legs() {
    return frames.keySet();
  }

  /**
   * Reads the next frame of every leg into {@link #frame}; false once the recording has no samples
   * left.
   */
  public boolean next() throws IOException {
    while (queues[0].size() < FRAME && !inputEnded) {
      readBlock();
    }
    int got = 0;
    for (int c = 0; c < queues.length; c++) {
      short[] frame = frames.get(layout.legOfChannel(c));
      got = queues[c].take(frame, FRAME);
      Arrays.fill(frame, got, FRAME, (short) 0);
    }
    sampleCount += got;
    return got > 0;
  }

  /** The current frame of {@code leg}, overwritten by the next call to {@link #next}. */
  public short[] frame(Leg leg) {
    return frames.get(leg);
  }

  /** The recording so far; complete once {@link #next} has returned false. */
  public CallInfo info() {
    return new CallInfo(name, wav.sampleRateHz(), layout, sampleCount);
  }

  @Override
  public void close() throws IOException {
    wav.close();
  }

  private void readBlock() throws IOException {
    int got = wav.read(block, 0, BLOCK_FRAMES);
    inputEnded = got == 0;
    for (int c = 0; c < queues.length; c++) {
      if (resamplers[c] == null) {
        queues[c].add(block[c], 0, got);
      } else if (inputEnded) {
        resamplers[c].finish(sinks[c]);
      } else {
        resamplers[c].accept(block[c], 0, got, sinks[c]);
      }
    }
  }
}
