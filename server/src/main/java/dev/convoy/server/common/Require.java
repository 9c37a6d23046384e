package dev.convoy.server.common;

import dev.convoy.server.error.ConvoyException;
import java.util.regex.Pattern;

/**
 * Field checks that fail with {@code INVALID_ARGUMENT} and a message naming the field, the value and what was
 * expected, e.g. {@code "uses: 0 (expected: >= 1)"}. Stateless and thread-safe.
 */
public final class Require {
  private static final int SHOWN_VALUE_CHARS = 80;

  private Require() {}

  /** {@code value} fully matches {@code pattern}; {@code expected} describes it for people. */
  public static String matches(String field, String value, Pattern pattern, String expected) {
    if (value == null || value.isEmpty()) {
      throw ConvoyException.invalidArgument(field + ": empty (expected: " + expected + ")");
    }
    if (!pattern.matcher(value).matches()) {
      throw ConvoyException.invalidArgument(field + ": '" + shown(value) + "' (expected: " + expected + ")");
    }
    return value;
  }

  /** {@code min <= value <= max}. */
  public static long inRange(String field, long value, long min, long max) {
    if (value < min) {
      throw ConvoyException.invalidArgument(field + ": " + value + " (expected: >= " + min + ")");
    }
    if (value > max) {
      throw ConvoyException.invalidArgument(field + ": " + value + " (expected: <= " + max + ")");
    }
    return value;
  }

  /** A non-empty value of at most {@code maxChars} characters, without control characters. */
  public static String text(String field, String value, int maxChars) {
    if (value == null || value.isBlank()) {
      throw ConvoyException.invalidArgument(field + ": empty (expected: text of at most " + maxChars + " characters)");
    }
    return optionalText(field, value, maxChars);
  }

  /** Like {@link #text} but empty is allowed (and returned as ""). */
  public static String optionalText(String field, String value, int maxChars) {
    String v = value == null ? "" : value;
    if (v.length() > maxChars) {
      throw ConvoyException.invalidArgument(
          field + ": " + v.length() + " characters (expected: at most " + maxChars + ")");
    }
    if (v.chars().anyMatch(Character::isISOControl)) {
      throw ConvoyException.invalidArgument(field + ": contains control characters (expected: printable text)");
    }
    return v;
  }

  /** The last {@code maxChars} characters of {@code value} (logs are most useful at their end). */
  public static String tail(String value, int maxChars) {
    if (value == null) {
      return "";
    }
    return value.length() <= maxChars ? value : value.substring(value.length() - maxChars);
  }

  /** The first {@code maxChars} characters of {@code value}. */
  public static String head(String value, int maxChars) {
    if (value == null) {
      return "";
    }
    return value.length() <= maxChars ? value : value.substring(0, maxChars);
  }

  /** A value as it may be echoed in an error message: bounded, control characters replaced. */
  public static String shown(String value) {
    String v = value.length() > SHOWN_VALUE_CHARS ? value.substring(0, SHOWN_VALUE_CHARS) + "..." : value;
    return v.replaceAll("\\p{Cntrl}", "?");
  }
}
