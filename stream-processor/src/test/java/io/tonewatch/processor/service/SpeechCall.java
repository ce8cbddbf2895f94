package io.tonewatch.processor.service;

import io.tonewatch.processor.engine.CallAnalyzer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A two-leg call of real speech from the engine's CC0 Thorsten-Voice fixtures: the customer speaks
 * four calm turns, then four angry ones; the agent answers calmly between them. Both legs have the
 * same length, a whole number of 20 ms frames.
 */
final class SpeechCall {
  private static final String FIXTURES = "/io/tonewatch/processor/engine/thorsten/";
  private static final int GAP = 4_000; // 0.5 s

  final short[] customer;
  final short[] agent;

  private SpeechCall(short[] customer, short[] agent) {
    this.customer = customer;
    this.agent = agent;
  }

  static SpeechCall escalating() {
    String[] customerTurns = {
      "neutral", "sleepy", "neutral", "sleepy", "angry", "angry", "angry", "angry"
    };
    String[] agentTurns = {"sleepy", "neutral"};
    int total = 0;
    short[][] customerParts = new short[customerTurns.length][];
    short[][] agentParts = new short[customerTurns.length][];
    for (int i = 0; i < customerTurns.length; i++) {
      customerParts[i] = load(customerTurns[i]);
      agentParts[i] = load(agentTurns[i % 2]);
      total += customerParts[i].length + agentParts[i].length + 2 * GAP;
    }
    total -= total % CallAnalyzer.FRAME_SAMPLES;
    short[] customer = new short[total];
    short[] agent = new short[total];
    int at = 0;
    for (int i = 0; i < customerTurns.length && at < total; i++) {
      at = copy(customerParts[i], customer, at) + GAP;
      at = copy(agentParts[i], agent, at) + GAP;
    }
    return new SpeechCall(customer, agent);
  }

  int frames() {
    return customer.length / CallAnalyzer.FRAME_SAMPLES;
  }

  private static int copy(short[] from, short[] to, int at) {
    int n = Math.min(from.length, to.length - at);
    System.arraycopy(from, 0, to, at, Math.max(0, n));
    return at + from.length;
  }

  private static short[] load(String name) {
    try (InputStream raw = SpeechCall.class.getResourceAsStream(FIXTURES + name + ".wav");
        AudioInputStream audio = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
      byte[] bytes = audio.readAllBytes();
      ByteBuffer buffer =
          ByteBuffer.wrap(bytes)
              .order(
                  audio.getFormat().isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      short[] samples = new short[bytes.length / 2];
      buffer.asShortBuffer().get(samples);
      return samples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnsupportedAudioFileException e) {
      throw new IllegalStateException(name, e);
    }
  }
}
