package io.tonewatch.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code tonewatch} command: only dispatches to its subcommands. */
@Command(
    name = "tonewatch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Detects raised voices in telephone call audio.",
    subcommands = {DemoCommand.class, AnalyzeCommand.class, EvalCommand.class, BenchCommand.class})
final class TonewatchCommand implements Runnable {

  /** Read by {@link CliErrors} from the parse result; declared here so every command accepts it. */
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of failures (or set TONEWATCH_DEBUG=1).")
  boolean debug;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
