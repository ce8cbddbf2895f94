package io.tonewatch.simulator;

/** A simulation that cannot go on: the target refused or vanished. The message is one sentence. */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimulationException(String message) {
    super(message);
  }

  public SimulationException(String message, Throwable cause) {
    super(message, cause);
  }
}
