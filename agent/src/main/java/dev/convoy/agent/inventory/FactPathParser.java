package dev.convoy.agent.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the path part of the query language: {@code path = (NAME | subscript) { "." NAME | subscript }},
 * {@code subscript = "[" (STRING | INTEGER) "]"}; the first NAME must not be a keyword; {@code [*]} is refused (a
 * fact has one concrete path). Not thread-safe: one instance per text.
 */
final class FactPathParser {
  private final String text;
  private int pos;

  FactPathParser(String text) {
    this.text = text;
  }

  /** @throws IllegalArgumentException at the first error, with its 1-based column */
  List<Object> segments() {
    List<Object> segments = new ArrayList<>();
    if (peek() == '[') {
      segments.add(subscript());
    } else {
      String name = name();
      if (FactPath.isKeyword(name)) {
        throw error(1, "keyword '" + name + "' cannot start a path (expected: [\"" + name + "\"])");
      }
      segments.add(name);
    }
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '.') {
        pos++;
        segments.add(name());
      } else if (c == '[') {
        segments.add(subscript());
      } else {
        throw error(pos + 1, "'" + c + "' (expected: '.', '[' or the end of the path)");
      }
    }
    return segments;
  }

  private String name() {
    int start = pos;
    if (pos < text.length() && isNameStart(text.charAt(pos))) {
      pos++;
      while (pos < text.length() && isNamePart(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }
    throw error(start + 1, found() + " (expected: a name [A-Za-z_][A-Za-z0-9_-]*)");
  }

  private Object subscript() {
    pos++; // '['
    Object segment;
    if (peek() == '"') {
      segment = string();
    } else if (peek() >= '0' && peek() <= '9') {
      segment = integer();
    } else {
      throw error(pos + 1, found() + " (expected: a quoted key or a list position)");
    }
    if (peek() != ']') {
      throw error(pos + 1, found() + " (expected: ']')");
    }
    pos++;
    return segment;
  }

  private Integer integer() {
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
      pos++;
    }
    String digits = text.substring(start, pos);
    if (digits.length() > 9) {
      throw error(start + 1, "list position " + digits + " (expected: 0 to " + FactPath.MAX_INDEX + ")");
    }
    return Integer.parseInt(digits);
  }

  private String string() {
    int start = pos++;
    StringBuilder value = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return value.toString();
      }
      value.append(c == '\\' ? escape() : c);
    }
    throw error(start + 1, "unterminated string (expected: a closing '\"')");
  }

  private char escape() {
    if (pos >= text.length()) {
      throw error(pos, "'\\' at the end (expected: an escape)");
    }
    char kind = text.charAt(pos++);
    return switch (kind) {
      case '"' -> '"';
      case '\\' -> '\\';
      case '/' -> '/';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicode();
      default -> throw error(pos - 1, "invalid escape '\\" + kind + "' (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
    };
  }

  private char unicode() {
    if (pos + 4 > text.length()) {
      throw error(pos - 1, "invalid escape (expected: \\u and 4 hex digits)");
    }
    String hex = text.substring(pos, pos + 4);
    try {
      pos += 4;
      return (char) Integer.parseInt(hex, 16);
    } catch (NumberFormatException e) {
      throw error(pos - 5, "invalid escape '\\u" + hex + "' (expected: \\u and 4 hex digits)");
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private String found() {
    return pos < text.length() ? "'" + text.charAt(pos) + "'" : "end of path";
  }

  private IllegalArgumentException error(int column, String message) {
    return new IllegalArgumentException("path '" + text + "' at column " + column + ": " + message);
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-';
  }
}
