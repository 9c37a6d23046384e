package dev.convoy.release;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser for the subset {@link CanonicalJson} writes: RFC 8259 text, strictly UTF-8, no null, no
 * fractions or exponents, integers within ±(2^53 − 1), no duplicate keys, no lone surrogates, nesting at most 32,
 * nothing after the value. Whitespace is accepted here; canonical form is checked by re-writing the value and
 * comparing bytes. Objects come back as insertion-ordered maps. Not thread-safe (one instance per parse).
 */
final class JsonParser {
  private static final int MAX_DEPTH = 32;

  private final String text;
  private int pos;
  private int depth;

  private JsonParser(String text) {
    this.text = text;
  }

  /** @throws IllegalArgumentException naming the character position and what was expected there */
  static Object parse(byte[] utf8) {
    JsonParser parser = new JsonParser(decode(utf8));
    Object value = parser.value();
    parser.skipWhitespace();
    if (parser.pos != parser.text.length()) {
      throw parser.error("data after the JSON value (expected: end of input)");
    }
    return value;
  }

  private static String decode(byte[] utf8) {
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("JSON: not valid UTF-8 (expected: UTF-8 text)", e);
    }
  }

  private Object value() {
    skipWhitespace();
    if (pos >= text.length()) {
      throw error("end of input (expected: a value)");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> nested(true);
      case '[' -> nested(false);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> throw error("null (expected: no nulls; optional fields are omitted)");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character " + Text.quoted(String.valueOf(c)) + " (expected: a value)");
      }
    };
  }

  private Object nested(boolean object) {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " (expected: at most " + MAX_DEPTH + ")");
    }
    Object result = object ? object() : array();
    depth--;
    return result;
  }

  private Map<String, Object> object() {
    Map<String, Object> members = new LinkedHashMap<>();
    pos++; // '{'
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return members;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      int keyAt = pos;
      String key = string();
      skipWhitespace();
      expect(':');
      if (members.put(key, value()) != null) {
        pos = keyAt;
        throw error("duplicate key " + Text.quoted(key) + " (expected: each key once)");
      }
      skipWhitespace();
      if (next() == '}') {
        return members;
      }
      back(',');
    }
  }

  private List<Object> array() {
    List<Object> items = new ArrayList<>();
    pos++; // '['
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return items;
    }
    while (true) {
      items.add(value());
      skipWhitespace();
      if (next() == ']') {
        return items;
      }
      back(',');
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        break;
      } else if (c == '\\') {
        out.append(escape());
      } else if (c < 0x20) {
        throw error("raw control character 0x" + Integer.toHexString(c) + " in a string (expected: escaped)");
      } else {
        out.append(c);
      }
    }
    String s = out.toString();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw error("lone surrogate in a string (expected: valid Unicode)");
      }
    }
    return s;
  }

  private char escape() {
    char c = next();
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        if (pos + 4 > text.length()) {
          throw error("end of input in a \\u escape (expected: 4 hex digits)");
        }
        try {
          char decoded = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
          if (text.charAt(pos) == '+' || text.charAt(pos) == '-') {
            throw new NumberFormatException();
          }
          pos += 4;
          yield decoded;
        } catch (NumberFormatException e) {
          throw error("bad \\u escape (expected: 4 hex digits)");
        }
      }
      default -> throw error("bad escape \\" + Text.quoted(String.valueOf(c)) + " (expected: one of \\\" \\\\ \\/"
          + " \\b \\f \\n \\r \\t \\uXXXX)");
    };
  }

  private Long number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int digitsAt = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    int digits = pos - digitsAt;
    if (digits == 0) {
      throw error("'-' without digits (expected: an integer)");
    }
    if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      throw error("fraction or exponent (expected: an integer)");
    }
    if (digits > 1 && text.charAt(digitsAt) == '0') {
      pos = start;
      throw error("leading zero (expected: an integer without leading zeros)");
    }
    if (digits > 16 || Math.abs(Long.parseLong(text.substring(start, pos))) > CanonicalJson.MAX_SAFE_INTEGER) {
      pos = start;
      throw error("integer out of range (expected: magnitude <= 2^53 - 1)");
    }
    return Long.parseLong(text.substring(start, pos));
  }

  private Boolean literal(String word, Boolean value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected text (expected: " + word + ")");
    }
    pos += word.length();
    return value;
  }

  private void skipWhitespace() {
    while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("end of input (expected: more JSON)");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      pos--;
      throw error("expected '" + c + "'");
    }
  }

  /** The character just read must have been {@code c}. */
  private void back(char c) {
    if (text.charAt(pos - 1) != c) {
      pos--;
      throw error("expected '" + c + "' or the end of the " + (c == ',' ? "object or array" : "value"));
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("JSON at character " + pos + ": " + message);
  }
}
