package dev.convoy.server.inventory.query;

/**
 * One lexical token.
 *
 * @param type what it is
 * @param text the source text, as written
 * @param value the decoded content of a string literal; otherwise the same as {@code text}
 * @param column 1-based position of its first character
 */
record Token(Type type, String text, String value, int column) {
  enum Type {
    NAME, STRING, NUMBER,
    /** A run of number-like characters that is not a number, such as an unquoted version {@code 7.6.4}. */
    BAD_NUMBER,
    DOT, COMMA, STAR, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET,
    EQUALS, NOT_EQUALS, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, TILDE,
    END
  }

  private static final int MAX_SHOWN = 32;

  /** Whether this is the keyword {@code keyword} (lower case), written in any case. */
  boolean is(String keyword) {
    return type == Type.NAME && text.equalsIgnoreCase(keyword);
  }

  boolean isKeyword() {
    return type == Type.NAME && Syntax.isKeyword(text);
  }

  /** How an error message names this token: {@code end of query}, {@code 'and'}, {@code "debian"}, {@code 7.6}. */
  String describe() {
    return switch (type) {
      case END -> "end of query";
      case STRING, NUMBER, BAD_NUMBER -> shorten(text);
      case NAME -> is("true") || is("false") ? text : "'" + shorten(text) + "'";
      default -> "'" + shorten(text) + "'";
    };
  }

  private static String shorten(String text) {
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN - 3) + "...";
  }
}
