package io.tonewatch.events.callers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a caller's number into what may be kept: {@link #hash} (HMAC-SHA256 with the deployment's
 * secret over the number normalised to {@code +} and its digits, so {@code +49 30 1234-5678} and
 * {@code +4930 12345678} agree) and {@link #mask} ({@code ******5678}). Ingest and alerting use the
 * same secret, so the alerting service recognises a caller without ever seeing the number. Without
 * a secret no hash is made. Immutable and thread-safe.
 */
public final class CallerNumbers {
  /** The metadata key a platform registers the caller's number under; never published. */
  public static final String CALLER = "caller";

  public static final String CALLER_HASH = "callerHash";
  public static final String CALLER_MASKED = "callerMasked";

  private static final int SHOWN_DIGITS = 4;

  private final byte[] secret;

  private CallerNumbers(byte[] secret) {
    this.secret = secret;
  }

  /** Hashes with {@code secret}; an empty secret makes no hash. */
  public static CallerNumbers withSecret(String secret) {
    return new CallerNumbers(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code +} and the digits of {@code raw}, or empty when it has none. */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    StringBuilder digits = new StringBuilder("+");
    raw.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
    return digits.length() > 1 ? Optional.of(digits.toString()) : Optional.empty();
  }

  /** The lowercase hex keyed hash of the normalised number, if there is a secret and digits. */
  public Optional<String> hash(String raw) {
    if (secret.length == 0) {
      return Optional.empty();
    }
    return normalise(raw).map(this::hmac);
  }

  /** Asterisks and the last four digits, e.g. {@code ******5678}; all asterisks when shorter. */
  public static String mask(String raw) {
    String digits = normalise(raw).map(n -> n.substring(1)).orElse("");
    int shown = digits.length() > SHOWN_DIGITS ? SHOWN_DIGITS : 0;
    return "******" + digits.substring(digits.length() - shown);
  }

  /**
   * {@code metadata} with {@value #CALLER} replaced by {@value #CALLER_HASH} (when there is a
   * secret) and {@value #CALLER_MASKED}; a caller-supplied hash or mask is not trusted and goes.
   */
  public Map<String, String> protect(Map<String, String> metadata) {
    if (!metadata.containsKey(CALLER)
        && !metadata.containsKey(CALLER_HASH)
        && !metadata.containsKey(CALLER_MASKED)) {
      return metadata;
    }
    Map<String, String> safe = new LinkedHashMap<>(metadata);
    safe.remove(CALLER_HASH);
    safe.remove(CALLER_MASKED);
    String raw = safe.remove(CALLER);
    if (raw != null && normalise(raw).isPresent()) {
      hash(raw).ifPresent(h -> safe.put(CALLER_HASH, h));
      safe.put(CALLER_MASKED, mask(raw));
    }
    return safe;
  }

  private String hmac(String normalised) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "CallerNumbers[" + (secret.length == 0 ? "no secret" : "keyed") + "]";
  }
}
