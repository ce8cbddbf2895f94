package io.tonewatch.alerting.console;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt password hashes (BouncyCastle), as the users file holds them: {@code $2y$12$...}. */
public final class PasswordHash {
  /** The cost of new hashes: 2^12 rounds, about a quarter of a second here. */
  public static final int COST = 12;

  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new hash of {@code password} with a random salt. */
  public static String hash(char[] password, int cost) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password, salt, cost);
  }

  /** True when {@code password} matches {@code hash}; false for a malformed hash too. */
  public static boolean matches(String hash, char[] password) {
    try {
      return OpenBSDBCrypt.checkPassword(hash, password);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** True when {@code hash} looks like a bcrypt hash this class can check. */
  static boolean wellFormed(String hash) {
    return hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  }
}
