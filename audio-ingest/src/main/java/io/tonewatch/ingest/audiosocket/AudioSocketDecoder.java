package io.tonewatch.ingest.audiosocket;

import io.tonewatch.ingest.metrics.IngestMetrics;
import io.tonewatch.ingest.metrics.PacketOutcome;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Streaming decoder of the AudioSocket wire format (Asterisk's AudioSocket protocol: a 1-byte type,
 * a 2-byte big-endian payload length, the payload). Bytes arrive in chunks of any size; each
 * complete well-formed message is handed on as an {@link AudioSocketFrame}.
 *
 * <p>The length field keeps the framing even when a message is bad, so bad messages are skipped
 * rather than ending the stream: a known type with an impossible length (a UUID that is not 16
 * bytes, odd-length audio, DTMF that is not one byte) is counted {@code MALFORMED}, a payload
 * longer than {@code maxPayloadBytes} is skipped without buffering and counted {@code OVERSIZED},
 * an unknown type (including the other slin sample rates, 0x11-0x18) is counted {@code
 * UNKNOWN_PAYLOAD}. After {@link #MAX_CONSECUTIVE_BAD} bad messages in a row the stream is not
 * AudioSocket at all: {@link #failed()} turns true and the rest is ignored, so the owner can close.
 * Well-formed messages are not counted here: the owner counts what it makes of them. Never throws
 * on input. Owned by one thread (the connection's).
 */
public final class AudioSocketDecoder {
  public static final int TYPE_HANGUP = 0x00;
  public static final int TYPE_UUID = 0x01;
  public static final int TYPE_DTMF = 0x03;
  public static final int TYPE_SLIN_8K = 0x10;
  public static final int TYPE_ERROR = 0xFF;
  public static final int HEADER_BYTES = 3;
  public static final int MAX_CONSECUTIVE_BAD = 8;

  private final IngestMetrics metrics;
  private final int maxPayloadBytes;
  private final byte[] header = new byte[HEADER_BYTES];
  private final byte[] payload;
  private int headerCount;
  private int type;
  private int length;
  private int payloadCount;
  private boolean skipping;
  private int consecutiveBad;
  private boolean failed;
  private int firstType = -1;

  public AudioSocketDecoder(IngestMetrics metrics, int maxPayloadBytes) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    if (maxPayloadBytes < 16 || maxPayloadBytes > 0xFFFF) {
      throw new IllegalArgumentException(
          "maxPayloadBytes must be 16..65535, was " + maxPayloadBytes);
    }
    this.maxPayloadBytes = maxPayloadBytes;
    this.payload = new byte[maxPayloadBytes];
  }

  /** Decodes {@code count} bytes from {@code buf[offset..]}, handing each frame to {@code out}. */
  public void feed(byte[] buf, int offset, int count, Consumer<AudioSocketFrame> out) {
    Objects.checkFromIndexSize(offset, count, buf.length);
    int read = offset;
    int end = offset + count;
    while (read < end && !failed) {
      if (headerCount < HEADER_BYTES) {
        header[headerCount++] = buf[read++];
        if (headerCount == HEADER_BYTES) {
          startMessage(out);
        }
        continue;
      }
      int n = Math.min(end - read, length - payloadCount);
      if (!skipping) {
        System.arraycopy(buf, read, payload, payloadCount, n);
      }
      payloadCount += n;
      read += n;
      if (payloadCount == length) {
        finishMessage(out);
      }
    }
  }

  /**
   * The stream has ended (socket closed): a message cut short is counted {@code MALFORMED}. True
   * when nothing was pending.
   */
  public boolean endOfStream() {
    boolean clean = headerCount == 0;
    if (!clean && !failed && !skipping) {
      metrics.packet(IngestMetrics.Source.AUDIOSOCKET, PacketOutcome.MALFORMED);
    }
    headerCount = 0;
    return clean;
  }

  /** True once the stream has shown it is not AudioSocket; later input is ignored. */
  public boolean failed() {
    return failed;
  }

  /** The type byte of the stream's first message, -1 before its header is complete. */
  public int firstType() {
    return firstType;
  }

  /** True between messages: nothing of a partial message is held. */
  public boolean atBoundary() {
    return headerCount == 0;
  }

  private void startMessage(Consumer<AudioSocketFrame> out) {
    type = header[0] & 0xFF;
    length = ((header[1] & 0xFF) << 8) | (header[2] & 0xFF);
    payloadCount = 0;
    if (firstType < 0) {
      firstType = type;
    }
    skipping = length > maxPayloadBytes;
    if (skipping) {
      bad(PacketOutcome.OVERSIZED); // counted now: the rest may never come
    }
    if (length == 0) {
      finishMessage(out);
    }
  }

  private void finishMessage(Consumer<AudioSocketFrame> out) {
    headerCount = 0;
    if (skipping) {
      skipping = false;
      return;
    }
    AudioSocketFrame frame = frameOf(type, length);
    if (frame == null) {
      return;
    }
    consecutiveBad = 0;
    out.accept(frame);
  }

  /** The frame for a complete message, or null after counting why there is none. */
  private AudioSocketFrame frameOf(int type, int length) {
    switch (type) {
      case TYPE_HANGUP:
        return length == 0 ? new AudioSocketFrame.Hangup() : bad(PacketOutcome.MALFORMED);
      case TYPE_UUID:
        return length == 16 ? new AudioSocketFrame.Id(uuid()) : bad(PacketOutcome.MALFORMED);
      case TYPE_DTMF:
        return length == 1
            ? new AudioSocketFrame.Dtmf((char) (payload[0] & 0x7F))
            : bad(PacketOutcome.MALFORMED);
      case TYPE_SLIN_8K:
        return length % 2 == 0 && length > 0 ? audio(length) : bad(PacketOutcome.MALFORMED);
      case TYPE_ERROR:
        return length <= 1
            ? new AudioSocketFrame.Error(length == 0 ? -1 : payload[0] & 0xFF)
            : bad(PacketOutcome.MALFORMED);
      default:
        return bad(PacketOutcome.UNKNOWN_PAYLOAD);
    }
  }

  private AudioSocketFrame bad(PacketOutcome outcome) {
    metrics.packet(IngestMetrics.Source.AUDIOSOCKET, outcome);
    if (++consecutiveBad >= MAX_CONSECUTIVE_BAD) {
      failed = true;
    }
    return null;
  }

  private UUID uuid() {
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (payload[i] & 0xFF);
      low = (low << 8) | (payload[8 + i] & 0xFF);
    }
    return new UUID(high, low);
  }

  private AudioSocketFrame audio(int length) {
    short[] samples = new short[length / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) ((payload[2 * i] & 0xFF) | (payload[2 * i + 1] << 8));
    }
    return new AudioSocketFrame.Audio(samples);
  }
}
