package dev.convoy.release;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Validation helpers shared by the manifest records: each failure is an {@link IllegalArgumentException} whose
 * message names the field, the value (control characters escaped, long values cut) and what was expected.
 * Stateless and thread-safe.
 */
final class Text {
  static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final int SHOWN_LIMIT = 80;

  private Text() {}

  static String matches(String field, String value, Pattern pattern, String expected) {
    required(field, value);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + ": " + quoted(value) + " (expected: " + expected + ")");
    }
    return value;
  }

  /** A non-empty string of at most {@code maxChars} characters without control characters. */
  static String plain(String field, String value, int maxChars) {
    required(field, value);
    if (value.isEmpty() || value.length() > maxChars) {
      throw new IllegalArgumentException(field + ": " + value.length() + " characters (expected: 1 to " + maxChars
          + ")");
    }
    int bad = firstControl(value);
    if (bad >= 0) {
      throw new IllegalArgumentException(field + ": control character 0x" + Integer.toHexString(bad) + " in "
          + quoted(value) + " (expected: printable text)");
    }
    return value;
  }

  static String sha256(String field, String value) {
    return matches(field, value, SHA256_HEX, "64 lowercase hex digits");
  }

  static long range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + ": " + value + " (expected: " + min + " to " + max + ")");
    }
    return value;
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": missing (expected: a value)");
    }
    return value;
  }

  static int utf8Length(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The first control character (C0 or DEL), or -1. */
  static int firstControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return c;
      }
    }
    return -1;
  }

  /** The value in single quotes, control characters escaped so hostile text cannot forge log lines, cut at 80. */
  static String quoted(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("'");
    String cut = value.length() > SHOWN_LIMIT ? value.substring(0, SHOWN_LIMIT) : value;
    cut.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append(value.length() > SHOWN_LIMIT ? "...'" : "'").toString();
  }
}
