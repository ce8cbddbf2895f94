package io.tonewatch.app;

import java.util.concurrent.Callable;
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
    subcommands = {
      DemoCommand.class,
      AnalyzeCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      IngestBenchCommand.class,
      IngestCommand.class,
      SimulateCommand.class,
      ProcessCommand.class,
      AlertingCommand.class,
      RunCommand.class,
      TailCommand.class
    })
final class TonewatchCommand implements Callable<Integer> {

  /** Read by {@link CliErrors} from the parse result; declared here so every command accepts it. */
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of failures (or set TONEWATCH_DEBUG=1).")
  boolean debug;

  @Spec CommandSpec spec;

  /** Without a command there is nothing to do: that is bad usage, so the usage goes to stderr. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return spec.exitCodeOnInvalidInput();
  }
}
