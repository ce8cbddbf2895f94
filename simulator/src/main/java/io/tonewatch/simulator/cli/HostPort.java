package io.tonewatch.simulator.cli;

/**
 * A {@code HOST:PORT} option value; an IPv6 host may be bracketed ({@code [::1]:4000}).
 *
 * @param host the host without brackets
 * @param port 1 to 65535
 */
public record HostPort(String host, int port) {

  /**
   * Parses {@code text}, given as {@code option}.
   *
   * @throws IllegalArgumentException with one sentence naming the option and the value
   */
  public static HostPort parse(String option, String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(option + " must be HOST:PORT, was '" + text + "'");
    }
    String host = text.substring(0, colon);
    String port = text.substring(colon + 1);
    int value;
    try {
      value = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be HOST:PORT, was '" + text + "'", e);
    }
    if (value < 1 || value > 0xFFFF) {
      throw new IllegalArgumentException(option + " port must be 1 to 65535, was " + port);
    }
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    return new HostPort(bracketed ? host.substring(1, host.length() - 1) : host, value);
  }
}
