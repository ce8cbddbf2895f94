package io.tonewatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Short, human reasons for I/O failures; the JDK's messages are often just a path. */
final class IoMessages {

  private IoMessages() {}

  /** The reason alone, e.g. {@code no such file}, for {@code "cannot read X: " + reason}. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "I/O error" : CliErrors.sentence(message);
  }

  /** A whole sentence for an I/O failure that no command wrapped, naming the file when known. */
  static String describe(Throwable e) {
    IOException io =
        e instanceof UncheckedIOException u ? u.getCause() : e instanceof IOException i ? i : null;
    if (io == null) {
      return CliErrors.sentence(e.getMessage());
    }
    if (io instanceof FileSystemException fs && fs.getFile() != null) {
      return reason(io) + ": " + fs.getFile();
    }
    return reason(io);
  }
}
