package dev.convoy.release;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the canonical JSON form the release format signs: exactly what RFC 8785 (JSON Canonicalization Scheme)
 * produces, for the subset of JSON the format uses. Values are {@code Map<String, ?>} (object), {@code List<?>}
 * (array), {@code String}, {@code Long} or {@code Integer} of magnitude at most 2^53 - 1, and {@code Boolean};
 * null is not a value. Object members are sorted by their keys' UTF-16 code units; no whitespace; strings escape
 * only the quote, the backslash and U+0000 to U+001F (backspace, tab, newline, form feed and carriage return by
 * their short escapes, the others as a six-character escape with four lowercase hex digits).
 * Stateless and thread-safe.
 */
final class CanonicalJson {
  /** Largest integer magnitude every JSON implementation represents exactly (2^53 − 1). */
  static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

  private CanonicalJson() {}

  /** @throws IllegalArgumentException for a value outside the subset (null, floats, lone surrogates ...) */
  static byte[] write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(StringBuilder out, Object value) {
    if (value instanceof Map<?, ?> map) {
      writeObject(out, map);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof String s) {
      quote(out, s);
    } else if (value instanceof Long || value instanceof Integer) {
      long n = ((Number) value).longValue();
      if (Math.abs(n) > MAX_SAFE_INTEGER) {
        throw new IllegalArgumentException("JSON integer " + n + " (expected: magnitude <= 2^53 - 1)");
      }
      out.append(n);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else {
      throw new IllegalArgumentException("JSON value of type " + (value == null ? "null" : value.getClass().getName())
          + " (expected: object, array, string, integer or boolean)");
    }
  }

  private static void writeObject(StringBuilder out, Map<?, ?> map) {
    List<String> keys = new ArrayList<>();
    for (Object key : map.keySet()) {
      if (!(key instanceof String s)) {
        throw new IllegalArgumentException("JSON object key " + key + " (expected: a string)");
      }
      keys.add(s);
    }
    keys.sort(null); // String order is UTF-16 code unit order, as RFC 8785 section 3.2.3 requires
    out.append('{');
    for (int i = 0; i < keys.size(); i++) {
      out.append(i == 0 ? "" : ",");
      quote(out, keys.get(i));
      out.append(':');
      write(out, map.get(keys.get(i)));
    }
    out.append('}');
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isSurrogate(c) && !isPairAt(s, i)) {
            throw new IllegalArgumentException("JSON string with a lone surrogate (expected: valid Unicode)");
          } else {
            if (Character.isHighSurrogate(c)) {
              out.append(c);
              c = s.charAt(++i);
            }
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isPairAt(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
  }
}
