package dev.convoy.cli.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the canonical path notation into {@link FactPath} segments. One use per instance; not thread-safe. */
final class FactPathReader {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "exists", "true", "false");
  private static final Pattern HEX4 = Pattern.compile("[0-9A-Fa-f]{4}");

  private final String text;
  private int at;

  FactPathReader(String text) {
    this.text = text;
  }

  /** The query language's reserved words, which a path can only start with when quoted. */
  static boolean isKeyword(String name) {
    return KEYWORDS.contains(name.toLowerCase(Locale.ROOT));
  }

  static boolean isIdentifier(String name) {
    return IDENTIFIER.matcher(name).matches();
  }

  /** {@code value} as a double-quoted string the reader reads back to exactly {@code value}. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    value.chars().forEach(c -> out.append(switch (c) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString((char) c);
    }));
    return out.append('"').toString();
  }

  Optional<List<FactPath.Segment>> read() {
    List<FactPath.Segment> segments = new ArrayList<>();
    while (at < text.length()) {
      char c = text.charAt(at);
      FactPath.Segment next;
      if (c == '[') {
        next = subscript();
      } else if (c == '.' && !segments.isEmpty()) {
        at++;
        next = name();
      } else {
        next = segments.isEmpty() ? name() : null;
      }
      if (next == null) {
        return Optional.empty();
      }
      segments.add(next);
    }
    return segments.isEmpty() ? Optional.empty() : Optional.of(segments);
  }

  private FactPath.Segment name() {
    int start = at;
    while (at < text.length() && isNamePart(text.charAt(at))) {
      at++;
    }
    String name = text.substring(start, at);
    return isIdentifier(name) ? new FactPath.Key(name) : null;
  }

  private static boolean isNamePart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  private FactPath.Segment subscript() {
    at++; // '['
    FactPath.Segment inside;
    if (at < text.length() && text.charAt(at) == '"') {
      String key = string();
      inside = key == null ? null : new FactPath.Key(key);
    } else if (at < text.length() && text.charAt(at) == '*') {
      at++;
      inside = new FactPath.Any();
    } else {
      inside = index();
    }
    if (inside == null || at >= text.length() || text.charAt(at) != ']') {
      return null;
    }
    at++;
    return inside;
  }

  private FactPath.Segment index() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9' && at - start < 9) {
      at++;
    }
    return at == start ? null : new FactPath.Index(Integer.parseInt(text.substring(start, at)));
  }

  private String string() {
    StringBuilder value = new StringBuilder();
    at++; // opening quote
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return value.toString();
      }
      if (c != '\\') {
        value.append(c);
      } else if (!escape(value)) {
        return null;
      }
    }
    return null; // unterminated
  }

  private boolean escape(StringBuilder value) {
    if (at >= text.length()) {
      return false;
    }
    char c = text.charAt(at++);
    switch (c) {
      case '"', '\\', '/' -> value.append(c);
      case 'b' -> value.append('\b');
      case 'f' -> value.append('\f');
      case 'n' -> value.append('\n');
      case 'r' -> value.append('\r');
      case 't' -> value.append('\t');
      case 'u' -> {
        if (at + 4 > text.length() || !HEX4.matcher(text.substring(at, at + 4)).matches()) {
          return false;
        }
        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
        at += 4;
      }
      default -> {
        return false;
      }
    }
    return true;
  }
}
