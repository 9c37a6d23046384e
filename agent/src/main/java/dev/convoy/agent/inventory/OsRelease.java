package dev.convoy.agent.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The OS identification from an {@code os-release(5)} file ({@code /etc/os-release}), with the JVM's view as
 * fallback where the file is missing or silent.
 *
 * @param prettyName {@code PRETTY_NAME}, e.g. {@code Debian GNU/Linux 12 (bookworm)}
 * @param version {@code VERSION_ID}, e.g. {@code 12}
 */
public record OsRelease(String prettyName, String version) {
  /** The standard location. */
  public static final Path DEFAULT_FILE = Path.of("/etc/os-release");

  /** Reads {@code file}; never throws (a missing or unreadable file falls back to {@code os.name}/{@code os.version}). */
  public static OsRelease read(Path file) {
    Map<String, String> values = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int equals = line.indexOf('=');
        if (equals > 0 && !line.startsWith("#")) {
          values.put(line.substring(0, equals).trim(), unquote(line.substring(equals + 1).trim()));
        }
      }
    } catch (IOException e) {
      // Not every system has os-release; the JVM's properties are the fallback.
    }
    String name = values.getOrDefault("PRETTY_NAME", values.getOrDefault("NAME", System.getProperty("os.name")));
    String version = values.getOrDefault("VERSION_ID", System.getProperty("os.version"));
    return new OsRelease(name, version);
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
        || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return value;
  }
}
