package dev.convoy.server.inventory.query;

/**
 * Splits a query into tokens on demand, so that the parser reports the leftmost error whichever kind it is.
 * Whitespace separates tokens and is otherwise ignored; columns count UTF-16 characters from 1.
 */
final class Lexer {
  private final String text;
  private int position;

  Lexer(String text) {
    this.text = text;
  }

  /**
   * The next token; {@link Token.Type#END} at the end, forever.
   *
   * @throws QuerySyntaxException for a character no token starts with, or a malformed string literal
   */
  Token next() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
    if (position == text.length()) {
      return new Token(Token.Type.END, "", "", position + 1);
    }
    char c = text.charAt(position);
    if (c == '"') {
      return string();
    }
    if (Syntax.isDigit(c) || (c == '-' && position + 1 < text.length() && Syntax.isDigit(text.charAt(position + 1)))) {
      return number();
    }
    if (Syntax.isIdentifierStart(c)) {
      return name();
    }
    return symbol(c);
  }

  private Token symbol(char c) {
    String two = text.substring(position, Math.min(position + 2, text.length()));
    Token.Type type = switch (two) {
      case "!=" -> Token.Type.NOT_EQUALS;
      case "<=" -> Token.Type.LESS_OR_EQUAL;
      case ">=" -> Token.Type.GREATER_OR_EQUAL;
      default -> null;
    };
    if (type != null) {
      return advance(type, 2);
    }
    type = switch (c) {
      case '.' -> Token.Type.DOT;
      case ',' -> Token.Type.COMMA;
      case '*' -> Token.Type.STAR;
      case '(' -> Token.Type.LEFT_PAREN;
      case ')' -> Token.Type.RIGHT_PAREN;
      case '[' -> Token.Type.LEFT_BRACKET;
      case ']' -> Token.Type.RIGHT_BRACKET;
      case '=' -> Token.Type.EQUALS;
      case '<' -> Token.Type.LESS;
      case '>' -> Token.Type.GREATER;
      case '~' -> Token.Type.TILDE;
      default -> throw unexpected(c);
    };
    return advance(type, 1);
  }

  private QuerySyntaxException unexpected(char c) {
    String hint = switch (c) {
      case '\'' -> " (strings use double quotes)";
      case '!' -> " (use '!=' or 'not')";
      case '&' -> " (use 'and')";
      case '|' -> " (use 'or')";
      default -> "";
    };
    String shown = c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    return new QuerySyntaxException(text, position + 1, "unexpected character '" + shown + "'" + hint);
  }

  private Token advance(Token.Type type, int length) {
    int start = position;
    position += length;
    String source = text.substring(start, position);
    return new Token(type, source, source, start + 1);
  }

  /**
   * Digits with whatever version-like characters follow, so that {@code 7.6.4} is one (bad) token, not three; a dot
   * belongs to it only before a digit, so that {@code 7zip.version} stops at {@code 7zip}.
   */
  private Token number() {
    int start = position;
    position++;
    while (position < text.length() && (Syntax.isIdentifierPart(text.charAt(position))
        || "+~:".indexOf(text.charAt(position)) >= 0 || (text.charAt(position) == '.'
        && position + 1 < text.length() && Syntax.isDigit(text.charAt(position + 1))))) {
      position++;
    }
    String source = text.substring(start, position);
    Token.Type type = Syntax.isNumber(source) ? Token.Type.NUMBER : Token.Type.BAD_NUMBER;
    return new Token(type, source, source, start + 1);
  }

  private Token name() {
    int start = position;
    while (position < text.length() && Syntax.isIdentifierPart(text.charAt(position))) {
      position++;
    }
    String source = text.substring(start, position);
    return new Token(Token.Type.NAME, source, source, start + 1);
  }

  private Token string() {
    int start = position;
    StringBuilder value = new StringBuilder();
    position++;
    while (position < text.length() && text.charAt(position) != '"') {
      char c = text.charAt(position);
      if (c == '\\') {
        value.append(escape(start));
      } else {
        value.append(c);
        position++;
      }
    }
    if (position == text.length()) {
      throw new QuerySyntaxException(text, start + 1, "unterminated string (expected a closing '\"')");
    }
    position++;
    return new Token(Token.Type.STRING, text.substring(start, position), value.toString(), start + 1);
  }

  /** Decodes the escape at {@code position} (a backslash) and moves past it. */
  private char escape(int stringStart) {
    int start = position;
    if (position + 1 == text.length()) {
      throw new QuerySyntaxException(text, stringStart + 1, "unterminated string (expected a closing '\"')");
    }
    char kind = text.charAt(position + 1);
    position += 2;
    switch (kind) {
      case '"', '\\', '/':
        return kind;
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'u':
        return unicodeEscape(start);
      default:
        throw new QuerySyntaxException(text, start + 1, "invalid escape '\\" + kind + "' in string (expected one"
            + " of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
    }
  }

  private char unicodeEscape(int start) {
    String hex = text.substring(position, Math.min(position + 4, text.length()));
    if (!hex.matches("[0-9A-Fa-f]{4}")) {
      throw new QuerySyntaxException(text, start + 1, "invalid escape '\\u" + hex + "' in string (expected"
          + " \\u and 4 hex digits)");
    }
    position += 4;
    return (char) Integer.parseInt(hex, 16);
  }
}
