package io.tonewatch.ingest.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The control API's token check (RFC 6750 section 2.1: {@code Authorization: Bearer <token>}). Both
 * sides are hashed before a constant-time compare, so neither the content nor the length of the
 * token leaks through timing. Immutable.
 */
public final class BearerToken {
  private static final String SCHEME = "Bearer ";

  private final byte[] expectedDigest; // null when no token is configured

  /** {@code token} empty or null: every request passes. */
  public BearerToken(String token) {
    this.expectedDigest = token == null || token.isEmpty() ? null : sha256(token);
  }

  /** True when no token is configured. */
  public boolean open() {
    return expectedDigest == null;
  }

  /** True when {@code authorizationHeader} carries the token, or none is configured. */
  public boolean acceptsHeader(String authorizationHeader) {
    if (expectedDigest == null) {
      return true;
    }
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    return acceptsToken(authorizationHeader.substring(SCHEME.length()).strip());
  }

  /** True when {@code token} is the configured one, or none is configured. */
  public boolean acceptsToken(String token) {
    if (expectedDigest == null) {
      return true;
    }
    return token != null && MessageDigest.isEqual(expectedDigest, sha256(token));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
