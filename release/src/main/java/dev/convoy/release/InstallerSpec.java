package dev.convoy.release;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which installer backend installs the release, and its parameters. The release format carries them signed; their
 * meaning belongs to the backend ({@code archive}, {@code script}, {@code deb} ...).
 *
 * @param type backend name, {@code [a-z][a-z0-9-]{0,31}}
 * @param parameters backend parameters: keys {@code [A-Za-z0-9._-]{1,64}}, values up to 4096 characters without
 *     control characters other than tab, CR and LF; at most 64; iterated in key order
 */
public record InstallerSpec(String type, Map<String, String> parameters) {
  /** Most parameters. */
  public static final int MAX_PARAMETERS = 64;
  /** Longest parameter value. */
  public static final int MAX_VALUE_LENGTH = 4096;
  static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  static final String KEY_RULE = "[A-Za-z0-9._-]{1,64}";

  /** @throws IllegalArgumentException naming the field that is wrong */
  public InstallerSpec {
    Text.matches("installer.type", type, TYPE, "[a-z][a-z0-9-]{0,31}, e.g. archive, script or deb");
    parameters = checkedMap("installer.parameters", parameters, MAX_PARAMETERS, InstallerSpec::checkValue);
  }

  /** An installer of {@code type} without parameters. */
  public static InstallerSpec of(String type) {
    return new InstallerSpec(type, Map.of());
  }

  private static void checkValue(String field, String value) {
    Text.required(field, value);
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException(field + ": " + value.length() + " characters (expected: at most "
          + MAX_VALUE_LENGTH + ")");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        throw new IllegalArgumentException(field + ": control character 0x" + Integer.toHexString(c)
            + " (expected: text; tab, CR and LF allowed)");
      }
    }
  }

  /** A key-order copy of {@code map} with every key and value checked. */
  static Map<String, String> checkedMap(String field, Map<String, String> map, int max, ValueCheck check) {
    Text.required(field, map);
    if (map.size() > max) {
      throw new IllegalArgumentException(field + ": " + map.size() + " entries (expected: at most " + max + ")");
    }
    TreeMap<String, String> copy = new TreeMap<>();
    map.forEach((key, value) -> {
      Text.matches(field + " key", key, KEY, KEY_RULE);
      check.check(field + "." + key, value);
      copy.put(key, value);
    });
    return Collections.unmodifiableMap(copy);
  }

  @FunctionalInterface
  interface ValueCheck {
    void check(String field, String value);
  }
}
