package io.tonewatch.ingest.peers;

import io.tonewatch.events.audio.AudioFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test call's audio: 3 s of a voice-like signal (a gliding 140-220 Hz fundamental with
 * harmonics to 3.4 kHz and a syllable-rate envelope), a whole number of 20 ms frames.
 */
final class SourceAudio {
  static final int FRAMES = 150;

  private SourceAudio() {}

  static short[] samples() {
    int n = FRAMES * AudioFrame.SAMPLES;
    short[] out = new short[n];
    double phase = 0;
    for (int i = 0; i < n; i++) {
      double t = i / (double) AudioFrame.SAMPLE_RATE_HZ;
      double f0Hz = 180 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
      phase += 2 * Math.PI * f0Hz / AudioFrame.SAMPLE_RATE_HZ;
      double v = 0;
      for (int h = 1; h * f0Hz < 3400; h++) {
        v += Math.sin(h * phase) / h;
      }
      double envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
      out[i] = (short) Math.round(6000 * envelope * v);
    }
    return out;
  }

  /** Writes {@link #samples()} as a 16-bit mono 8 kHz PCM WAV file. */
  static void writeWav(Path file) throws IOException {
    short[] samples = samples();
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(36 + 2 * samples.length);
    b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) 1).putShort((short) 1).putInt(AudioFrame.SAMPLE_RATE_HZ);
    b.putInt(2 * AudioFrame.SAMPLE_RATE_HZ).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2 * samples.length);
    for (short s : samples) {
      b.putShort(s);
    }
    Files.write(file, b.array());
  }
}
