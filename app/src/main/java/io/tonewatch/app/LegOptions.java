package io.tonewatch.app;

import io.tonewatch.media.call.LegLayout;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options that say which channel carries which leg. */
final class LegOptions {

  @Option(
      names = "--swap-legs",
      description = "Stereo: channel 1 is the agent and channel 2 the customer.")
  boolean swap;

  @Option(
      names = "--legs",
      paramLabel = "LEG[,LEG]",
      description =
          "Legs by channel, e.g. agent,customer; or agent for a mono recording of the agent.")
  String legs;

  /** The layout asked for, or null for the standard one of the file's channel count. */
  LegLayout layout(CommandSpec spec) {
    if (swap && legs != null) {
      throw new ParameterException(
          spec.commandLine(), "use either --swap-legs or --legs, not both");
    }
    if (swap) {
      return LegLayout.standard(2).swapped();
    }
    if (legs == null) {
      return null;
    }
    try {
      return LegLayout.parse(legs);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "invalid --legs '" + legs + "': " + e.getMessage(), e, null, legs);
    }
  }
}
