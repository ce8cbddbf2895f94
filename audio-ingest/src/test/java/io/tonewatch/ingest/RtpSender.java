package io.tonewatch.ingest;

import io.tonewatch.media.codec.G711;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * One RTP stream from a real UDP socket (RFC 3550 section 5.1 header, no CSRC, no extension): PCMU,
 * PCMA or L16 packets of 20 ms built from PCM the test generates. Owned by the test thread.
 */
final class RtpSender implements AutoCloseable {
  static final int PCMU = 0;
  static final int L16_STEREO = 97;

  private final DatagramSocket socket;
  private final InetAddress host;
  private final int port;
  private final long ssrc;
  private int sequence;
  private long timestamp;

  RtpSender(InetAddress host, int port, long ssrc, int firstSequence, long firstTimestamp)
      throws IOException {
    this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    this.host = host;
    this.port = port;
    this.ssrc = ssrc;
    this.sequence = firstSequence;
    this.timestamp = firstTimestamp;
  }

  /** Sends {@code pcm[offset..offset+160)} as one PCMU packet. */
  void sendPcmu(short[] pcm, int offset) throws IOException {
    byte[] payload = new byte[160];
    for (int i = 0; i < 160; i++) {
      payload[i] = G711.linearToUlaw(pcm[offset + i]);
    }
    send(PCMU, payload, 160);
  }

  /**
   * Sends {@code pcm[offset..offset+160)} as the PCMU packet {@code skip} places further on, in
   * sequence and timestamp, than the next one: the skipped places are a gap the receiver sees.
   */
  void sendPcmuAfterGap(short[] pcm, int offset, int skip) throws IOException {
    sequence = (sequence + skip) & 0xFFFF;
    timestamp = (timestamp + 160L * skip) & 0xFFFFFFFFL;
    sendPcmu(pcm, offset);
  }

  /** Sends 160 stereo samples, left from {@code left}, right from {@code right}, as L16. */
  void sendL16Stereo(short[] left, short[] right, int offset) throws IOException {
    ByteBuffer payload = ByteBuffer.allocate(640); // network byte order, interleaved
    for (int i = 0; i < 160; i++) {
      payload.putShort(left[offset + i]).putShort(right[offset + i]);
    }
    send(L16_STEREO, payload.array(), 160);
  }

  /** Sends a packet with {@code payloadType} and advances sequence and timestamp. */
  void send(int payloadType, byte[] payload, int samples) throws IOException {
    sendRaw(packet(payloadType, sequence, timestamp, ssrc, payload));
    sequence = (sequence + 1) & 0xFFFF;
    timestamp = (timestamp + samples) & 0xFFFFFFFFL;
  }

  void sendRaw(byte[] datagram) throws IOException {
    socket.send(new DatagramPacket(datagram, datagram.length, host, port));
  }

  static byte[] packet(int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {
    return ByteBuffer.allocate(12 + payload.length)
        .put((byte) 0x80)
        .put((byte) payloadType)
        .putShort((short) sequence)
        .putInt((int) timestamp)
        .putInt((int) ssrc)
        .put(payload)
        .array();
  }

  int sequence() {
    return sequence;
  }

  long timestamp() {
    return timestamp;
  }

  @Override
  public void close() {
    socket.close();
  }
}
