package dev.convoy.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version, from the build ({@code version.properties}, filtered by Maven). */
public final class AgentVersion {
  private static final String VERSION = load();

  private AgentVersion() {}

  /** e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from unfiltered sources. */
  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = AgentVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
