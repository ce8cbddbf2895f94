package io.tonewatch.ingest.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * RTP payload type (0-127) to {@link PayloadFormat}: the static assignments of RFC 3551 §6 (0 PCMU,
 * 8 PCMA, 9 G722) plus dynamic defaults 96 = L16/8000/1, 97 = L16/8000/2, 101 = telephone-event.
 * Dynamic types (96-127) can be set freely; a type below 96 only through {@link #withOverride}, so
 * that no typo silently replaces a static assignment. Types 72-76 are refused: with RTCP on the
 * same port they would read as RTCP packet types 200-204 (RFC 5761 §4). Immutable.
 */
public final class PayloadMap {
  public static final int MIN_DYNAMIC = 96;
  public static final int MAX_PAYLOAD_TYPE = 127;

  private static final PayloadMap DEFAULTS =
      new PayloadMap(new PayloadFormat[MAX_PAYLOAD_TYPE + 1])
          .put(0, PayloadFormat.PCMU)
          .put(8, PayloadFormat.PCMA)
          .put(9, PayloadFormat.G722)
          .put(96, PayloadFormat.L16_MONO)
          .put(97, PayloadFormat.L16_STEREO)
          .put(101, PayloadFormat.TELEPHONE_EVENT);

  private final PayloadFormat[] formats;

  private PayloadMap(PayloadFormat[] formats) {
    this.formats = formats;
  }

  /** The static assignments and the dynamic defaults. */
  public static PayloadMap defaults() {
    return DEFAULTS;
  }

  /** The format of {@code payloadType}, or null when this map does not carry it. */
  public PayloadFormat format(int payloadType) {
    return payloadType >= 0 && payloadType <= MAX_PAYLOAD_TYPE ? formats[payloadType] : null;
  }

  /** A copy with dynamic {@code payloadType} (96-127) carrying {@code format}. */
  public PayloadMap withDynamic(int payloadType, PayloadFormat format) {
    if (payloadType < MIN_DYNAMIC || payloadType > MAX_PAYLOAD_TYPE) {
      throw new IllegalArgumentException(
          "payload type "
              + payloadType
              + " is not dynamic (96-127); use withOverride to reassign a static one");
    }
    return copy().put(payloadType, format);
  }

  /** A copy with {@code payloadType} (0-127, not 72-76) explicitly reassigned to {@code format}. */
  public PayloadMap withOverride(int payloadType, PayloadFormat format) {
    return copy().put(payloadType, format);
  }

  /** A copy without {@code payloadType}: its packets count as unknown payload. */
  public PayloadMap without(int payloadType) {
    checkRange(payloadType);
    PayloadMap copy = copy();
    copy.formats[payloadType] = null;
    return copy;
  }

  /** A copy with the three dynamic defaults (96, 97, 101) moved to the given dynamic types. */
  public PayloadMap withDynamicTypes(int l16Mono, int l16Stereo, int telephoneEvent) {
    return without(96)
        .without(97)
        .without(101)
        .withDynamic(l16Mono, PayloadFormat.L16_MONO)
        .withDynamic(l16Stereo, PayloadFormat.L16_STEREO)
        .withDynamic(telephoneEvent, PayloadFormat.TELEPHONE_EVENT);
  }

  private PayloadMap copy() {
    return new PayloadMap(formats.clone());
  }

  private PayloadMap put(int payloadType, PayloadFormat format) {
    checkRange(payloadType);
    if (payloadType >= 72 && payloadType <= 76) {
      throw new IllegalArgumentException(
          "payload type " + payloadType + " collides with RTCP packet types 200-204 (RFC 5761 §4)");
    }
    formats[payloadType] = Objects.requireNonNull(format, "format");
    return this;
  }

  private static void checkRange(int payloadType) {
    if (payloadType < 0 || payloadType > MAX_PAYLOAD_TYPE) {
      throw new IllegalArgumentException("payload type must be 0-127, was " + payloadType);
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("PayloadMap{");
    for (int pt = 0; pt <= MAX_PAYLOAD_TYPE; pt++) {
      if (formats[pt] != null) {
        text.append(text.length() > 11 ? ", " : "").append(pt).append('=').append(formats[pt]);
      }
    }
    return text.append('}').toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PayloadMap map && Arrays.equals(formats, map.formats);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(formats);
  }
}
