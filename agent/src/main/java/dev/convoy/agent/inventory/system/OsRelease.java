package dev.convoy.agent.inventory.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OS identification from an {@code os-release(5)} file: {@code KEY=value} lines, values optionally in single
 * or double quotes (with {@code \"}, {@code \\}, {@code \$} and {@code \`} escapes inside double quotes), comments
 * and blank lines ignored. OSHI does not expose {@code ID_LIKE}, hence this small parser.
 *
 * <p>Immutable and thread-safe.
 */
public final class OsRelease {
  /** The standard location ({@code /usr/lib/os-release} is the fallback the standard names). */
  public static final Path DEFAULT_FILE = Path.of("/etc/os-release");
  static final Path FALLBACK_FILE = Path.of("/usr/lib/os-release");

  private final Map<String, String> values;

  private OsRelease(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Reads {@code file}; a missing or unreadable file gives an empty OsRelease (never throws). */
  public static OsRelease read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new OsRelease(Map.of());
    }
  }

  /** {@link #DEFAULT_FILE}, else {@code /usr/lib/os-release}. */
  public static OsRelease system() {
    return read(Files.isReadable(DEFAULT_FILE) ? DEFAULT_FILE : FALLBACK_FILE);
  }

  /** Parses the content of an os-release file. */
  public static OsRelease parse(String content) {
    Map<String, String> values = new HashMap<>();
    content.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
      int equals = line.indexOf('=');
      if (equals > 0) {
        values.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
      }
    });
    return new OsRelease(values);
  }

  /** The value of {@code key}, if set and not blank. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  /** {@code ID}, e.g. {@code debian}; the standard's default is {@code linux}. */
  public String id() {
    return get("ID").orElse("linux");
  }

  /** The first word of {@code ID_LIKE}, else {@link #id()}: {@code debian} for Debian and Ubuntu. */
  public String family() {
    return get("ID_LIKE").flatMap(like -> Arrays.stream(like.strip().split("\\s+")).findFirst()).orElse(id());
  }

  /** {@code PRETTY_NAME}, else {@code NAME}, else {@code Linux} (the standard's defaults). */
  public String prettyName() {
    return get("PRETTY_NAME").or(() -> get("NAME")).orElse("Linux");
  }

  /** {@code VERSION_ID}, e.g. {@code 12}. */
  public Optional<String> versionId() {
    return get("VERSION_ID");
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      return value.substring(1, value.length() - 1);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      StringBuilder out = new StringBuilder();
      String inner = value.substring(1, value.length() - 1);
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c == '\\' && i + 1 < inner.length() && "\"\\$`".indexOf(inner.charAt(i + 1)) >= 0) {
          c = inner.charAt(++i);
        }
        out.append(c);
      }
      return out.toString();
    }
    return value;
  }
}
