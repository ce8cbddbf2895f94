package io.tonewatch.ingest.leg;

import io.tonewatch.ingest.rtp.RtpPacketBuilder;
import io.tonewatch.media.codec.G711;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates one source's RTP packets from a signal, then lets a test lose, copy or reorder them.
 */
final class TestStream {
  static final long PACKET_NANOS = 20_000_000L;

  /** One datagram and when it arrives. */
  record Datagram(byte[] data, long arrivalNanos, int index) {}

  private TestStream() {}

  /** A seeded random signal of {@code n} samples (white noise at -12 dBFS, clipped). */
  static short[] noise(long seed, int n) {
    Random random = new Random(seed);
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = (short) Math.max(-32768, Math.min(32767, Math.round(random.nextGaussian() * 8000)));
    }
    return s;
  }

  /** A sine of {@code hz} at {@code amplitude}, {@code n} samples at 8 kHz. */
  static short[] sine(double hz, double amplitude, int n) {
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / 8000.0));
    }
    return s;
  }

  /** L16 mono packets of {@code packetSamples}, one every packet time, from seq and ts given. */
  static List<Datagram> l16(
      short[] signal, int packetSamples, int payloadType, long ssrc, int seq0, long ts0) {
    return packets(signal, packetSamples, ssrc, seq0, ts0, payloadType, Encoding.L16);
  }

  static List<Datagram> pcmu(short[] signal, long ssrc, int seq0, long ts0) {
    return packets(signal, 160, ssrc, seq0, ts0, 0, Encoding.PCMU);
  }

  static List<Datagram> pcma(short[] signal, long ssrc, int seq0, long ts0) {
    return packets(signal, 160, ssrc, seq0, ts0, 8, Encoding.PCMA);
  }

  /** Stereo L16 (PT 97): channel 0 then 1 interleaved. */
  static List<Datagram> l16Stereo(short[] left, short[] right, long ssrc) {
    List<Datagram> out = new ArrayList<>();
    for (int p = 0; p * 160 < left.length; p++) {
      byte[] payload = new byte[160 * 4];
      for (int i = 0; i < 160; i++) {
        putBe(payload, 4 * i, left[p * 160 + i]);
        putBe(payload, 4 * i + 2, right[p * 160 + i]);
      }
      byte[] data =
          new RtpPacketBuilder()
              .payloadType(97)
              .ssrc(ssrc)
              .sequence(p)
              .timestamp(160L * p)
              .payload(payload)
              .build();
      out.add(new Datagram(data, p * PACKET_NANOS, p));
    }
    return out;
  }

  private enum Encoding {
    L16,
    PCMU,
    PCMA
  }

  private static List<Datagram> packets(
      short[] signal,
      int packetSamples,
      long ssrc,
      int seq0,
      long ts0,
      int payloadType,
      Encoding encoding) {
    List<Datagram> out = new ArrayList<>();
    long packetNanos = packetSamples * 125_000L;
    for (int p = 0; (p + 1) * packetSamples <= signal.length; p++) {
      byte[] payload = new byte[encoding == Encoding.L16 ? 2 * packetSamples : packetSamples];
      for (int i = 0; i < packetSamples; i++) {
        short sample = signal[p * packetSamples + i];
        switch (encoding) {
          case L16 -> putBe(payload, 2 * i, sample);
          case PCMU -> payload[i] = G711.linearToUlaw(sample);
          case PCMA -> payload[i] = G711.linearToAlaw(sample);
        }
      }
      byte[] data =
          new RtpPacketBuilder()
              .payloadType(payloadType)
              .ssrc(ssrc)
              .sequence(seq0 + p)
              .timestamp(ts0 + (long) packetSamples * p)
              .marker(p == 0)
              .payload(payload)
              .build();
      out.add(new Datagram(data, p * packetNanos, p));
    }
    return out;
  }

  /** The same packets, each arriving {@code offsetNanos} later. */
  static List<Datagram> shifted(List<Datagram> in, long offsetNanos) {
    return in.stream()
        .map(d -> new Datagram(d.data(), d.arrivalNanos() + offsetNanos, d.index()))
        .toList();
  }

  private static void putBe(byte[] buf, int at, short v) {
    buf[at] = (byte) (v >> 8);
    buf[at + 1] = (byte) v;
  }
}
