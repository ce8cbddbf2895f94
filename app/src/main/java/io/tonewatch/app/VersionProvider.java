package io.tonewatch.app;

import io.tonewatch.processor.engine.CallAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Tells the build version (filtered into a resource by Maven) and the engine version. */
final class VersionProvider implements IVersionProvider {

  private static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"tonewatch " + buildVersion(), "engine " + CallAnalyzer.ENGINE_VERSION};
  }

  static String buildVersion() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // An unreadable resource only costs the version string.
    }
    return properties.getProperty("version", "unknown");
  }
}
