package io.tonewatch.ingest.rtp;

/**
 * A reusable view of an RFC 4733 §2.3 telephone-event payload (a DTMF digit or line event):
 *
 * <pre>
 * |     event     |E|R| volume    |          duration             |
 * </pre>
 *
 * Event codes 0-15 are DTMF 0-9, *, #, A-D (§3.2); volume is in -dBm0 (0..63); duration in
 * timestamp units since the event began. Mutable, owned by the stream's receive thread.
 */
public final class TelephoneEvent {
  /** One event block. */
  public static final int BYTES = 4;

  private int event;
  private boolean end;
  private int volume;
  private int duration;

  /** Parses the first event block of a payload; false when it is shorter than 4 bytes. */
  public boolean parse(byte[] buf, int offset, int length) {
    if (buf == null || offset < 0 || length < BYTES || offset > buf.length - length) {
      return false;
    }
    event = buf[offset] & 0xFF;
    int flags = buf[offset + 1] & 0xFF;
    end = (flags & 0x80) != 0;
    volume = flags & 0x3F;
    duration = RtpPacket.readU16(buf, offset + 2);
    return true;
  }

  public int event() {
    return event;
  }

  /** The E bit: this packet ends the event. */
  public boolean end() {
    return end;
  }

  /** Power level in -dBm0, 0..63. */
  public int volume() {
    return volume;
  }

  /** Duration so far in timestamp units, 0..65535. */
  public int duration() {
    return duration;
  }
}
