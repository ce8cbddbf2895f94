package io.tonewatch.alerting.actions.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code sha256=} and the lowercase hex HMAC-SHA256, keyed by the shared
 * secret, of the {@code X-Tonewatch-Timestamp} value (Unix seconds), a dot, and the raw body. The
 * timestamp is signed so a receiver can refuse old replays.
 */
public final class WebhookSignature {
  public static final String HEADER = "X-Tonewatch-Signature";
  public static final String TIMESTAMP_HEADER = "X-Tonewatch-Timestamp";

  private WebhookSignature() {}

  public static String sign(byte[] secret, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
