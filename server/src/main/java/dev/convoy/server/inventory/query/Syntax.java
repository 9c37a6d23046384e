package dev.convoy.server.inventory.query;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Lexical rules shared by the lexer and by the canonical rendering, so that the two can never disagree. */
final class Syntax {
  /** Reserved words, matched case-insensitively. A path may not start with one unless it is quoted. */
  static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "exists", "true", "false");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private Syntax() {}

  static boolean isKeyword(String word) {
    return KEYWORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  static boolean isIdentifier(String text) {
    return IDENTIFIER.matcher(text).matches();
  }

  static boolean isIdentifierStart(char c) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c) || c == '-';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A decimal number as the query language writes it: optional minus, digits, optional fraction; no exponent. */
  static boolean isNumber(String text) {
    return NUMBER.matcher(text).matches();
  }

  /** {@code value} as a double-quoted string literal that the lexer reads back to exactly {@code value}. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
