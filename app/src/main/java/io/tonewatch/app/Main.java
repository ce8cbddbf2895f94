package io.tonewatch.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point of the {@code tonewatch} jar: exit 0 on success, 1 on failure, 2 on bad usage. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Optional<String> badLogFormat = LogFormat.problem(System.getenv());
    if (badLogFormat.isPresent()) {
      err.println(badLogFormat.get());
      System.exit(2);
    }
    System.exit(execute(out, err, args));
  }

  /**
   * Runs one command line with the given streams, as {@code main} does, and returns its exit code.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = newCommandLine();
    cli.setOut(out);
    cli.setErr(err);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The command tree with tonewatch's one-sentence error handling installed. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new TonewatchCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    CliErrors errors = new CliErrors(System.getenv());
    cli.setExecutionExceptionHandler(errors);
    cli.setParameterExceptionHandler(errors);
    return cli;
  }
}
