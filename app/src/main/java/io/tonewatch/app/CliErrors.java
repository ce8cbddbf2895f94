package io.tonewatch.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one sentence on stderr: users of a CLI need the cause, not a stack trace.
 * Stack traces appear only with {@code --debug} or {@code TONEWATCH_DEBUG=1}.
 */
final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

  static final String DEBUG_ENV = "TONEWATCH_DEBUG";

  private final boolean debugFromEnv;

  CliErrors(Map<String, String> env) {
    String value = env.get(DEBUG_ENV);
    this.debugFromEnv = value != null && !value.isBlank() && !"0".equals(value.trim());
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": " + sentence(ex.getMessage()) + " (see '" + name + " --help')");
    if (debugFromEnv || mentionsDebug(args)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    boolean debug = debugFromEnv || debugRequested(parsed);
    if (ex instanceof CliFailure) {
      err.println(name + ": " + sentence(ex.getMessage()));
    } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      err.println(name + ": " + IoMessages.describe(ex));
    } else {
      // Anything else is a bug: still one sentence, with a hint how to see more.
      err.println(
          name
              + " failed: "
              + sentence(describe(ex))
              + (debug ? "" : " (run with --debug for details)"));
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return cmd.getCommandSpec().exitCodeOnExecutionException();
  }

  private static String describe(Throwable ex) {
    String message = ex.getMessage();
    return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
  }

  /** One line, without a trailing full stop doubled up or line breaks from nested messages. */
  static String sentence(String message) {
    String line =
        message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }

  private static boolean debugRequested(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsDebug(String[] args) {
    for (String arg : args) {
      if ("--debug".equals(arg)) {
        return true;
      }
    }
    return false;
  }
}
