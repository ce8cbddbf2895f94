package io.tonewatch.app;

import io.tonewatch.alerting.console.PasswordHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The console sign-in of {@code run --demo} when no users file is configured: one admin, {@code
 * demo}, with a fresh random password printed once, in a users file deleted when the JVM exits.
 */
final class DemoSignIn {
  static final String USER = "demo";
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final int DEMO_COST = 10;

  private final Path usersFile;
  private final String password;

  private DemoSignIn(Path usersFile, String password) {
    this.usersFile = usersFile;
    this.password = password;
  }

  static DemoSignIn create() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String hash = PasswordHash.hash(password.toString().toCharArray(), DEMO_COST);
    try {
      Path file = Files.createTempFile("tonewatch-demo-users", ".txt");
      file.toFile().deleteOnExit();
      Files.writeString(
          file,
          "# the demo's one user, made by run --demo\n" + USER + ":admin:::" + hash + "\n",
          StandardCharsets.UTF_8);
      return new DemoSignIn(file, password.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo's users file", e);
    }
  }

  Path usersFile() {
    return usersFile;
  }

  String password() {
    return password;
  }
}
