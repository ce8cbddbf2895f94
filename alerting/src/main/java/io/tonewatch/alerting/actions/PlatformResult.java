package io.tonewatch.alerting.actions;

/**
 * What the platform answered.
 *
 * @param started true when the platform accepted and began the action
 * @param detail the platform's answer or the reason it failed, in words, never a secret
 */
public record PlatformResult(boolean started, String detail) {

  public static PlatformResult started(String detail) {
    return new PlatformResult(true, detail);
  }

  public static PlatformResult failed(String detail) {
    return new PlatformResult(false, detail);
  }
}
