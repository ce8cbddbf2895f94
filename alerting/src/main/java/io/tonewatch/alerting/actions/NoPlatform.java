package io.tonewatch.alerting.actions;

/** The platform of a deployment that configured none: every action fails, saying so. */
public final class NoPlatform implements CallPlatform {
  @Override
  public String name() {
    return "none";
  }

  @Override
  public PlatformResult perform(PlatformCommand command) {
    return PlatformResult.failed("no call platform is configured (alerting.platform=none)");
  }
}
