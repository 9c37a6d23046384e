package dev.convoy.agent.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The path of one fact, rendered in the canonical form of the server's query language
 * ({@code server/.../inventory/query/package-info.java}), which the server requires of every reported path: a key
 * that is an identifier ({@code [A-Za-z_][A-Za-z0-9_-]*}) is written dotted, any other key (and a keyword in first
 * position) as a quoted subscript with {@code "} and {@code \} escaped ({@code software["g++"].version},
 * {@code filesystems["/home"].free_bytes}), a list position as {@code [0]}.
 *
 * <p>Build paths with {@link #of} and {@link #key}/{@link #index}, never by concatenating text.
 * Immutable and thread-safe.
 */
public final class FactPath {
  /** The query language's reserved words, matched case-insensitively; quoted when they come first. */
  static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "exists", "true", "false");
  /** The largest list position the query language reads. */
  static final int MAX_INDEX = 999_999_999;

  private final List<Object> segments; // String keys and Integer positions
  private final String text;
  // ends[i]: where segment i's rendering ends in text. A segment renders the same whatever follows it, so the
  // canonical text of a prefix is a prefix of text: every fact added to an inventory checks all its prefixes.
  private final int[] ends;

  private FactPath(List<Object> segments) {
    this.segments = List.copyOf(segments);
    this.ends = new int[this.segments.size()];
    this.text = render(this.segments, ends);
  }

  /** A path of keys: {@code FactPath.of("hardware", "cpu", "model")}. */
  public static FactPath of(String first, String... more) {
    List<Object> keys = new ArrayList<>();
    keys.add(requireKey(first));
    for (String key : more) {
      keys.add(requireKey(key));
    }
    return new FactPath(keys);
  }

  /** This path followed by map key {@code name} (any text). */
  public FactPath key(String name) {
    return append(requireKey(name));
  }

  /** This path followed by list position {@code position}. @throws IllegalArgumentException if out of range */
  public FactPath index(int position) {
    if (position < 0 || position > MAX_INDEX) {
      throw new IllegalArgumentException("path index: " + position + " (expected: 0 to " + MAX_INDEX + ")");
    }
    return append(position);
  }

  /** How many segments. */
  public int depth() {
    return segments.size();
  }

  /** The canonical text of the first {@code n} segments (1 ≤ n ≤ depth). */
  public String prefix(int n) {
    return n == ends.length ? text : text.substring(0, ends[n - 1]);
  }

  /**
   * Reads a path written in the query language's path syntax (keys, quoted subscripts, positions).
   *
   * @throws IllegalArgumentException naming the column and what was expected
   */
  public static FactPath parse(String text) {
    return new FactPath(new FactPathParser(text).segments());
  }

  /** Whether {@code text} is a valid path written exactly in canonical form. */
  public static boolean isCanonical(String text) {
    try {
      return parse(text).text.equals(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The canonical text. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FactPath path && path.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  /** {@code [A-Za-z_][A-Za-z0-9_-]*}, by hand: it runs for every segment of every fact collected. */
  static boolean isIdentifier(String key) {
    if (key.isEmpty() || !(isLetter(key.charAt(0)) || key.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  static boolean isKeyword(String key) {
    return KEYWORDS.contains(key.toLowerCase(Locale.ROOT));
  }

  private FactPath append(Object segment) {
    List<Object> longer = new ArrayList<>(segments);
    longer.add(segment);
    return new FactPath(longer);
  }

  private static String requireKey(String key) {
    return Objects.requireNonNull(key, "path key");
  }

  private static String render(List<Object> segments, int[] ends) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (Object segment : segments) {
      if (segment instanceof String key) {
        boolean first = out.length() == 0;
        if (isIdentifier(key) && !(first && isKeyword(key))) {
          out.append(first ? "" : ".").append(key);
        } else {
          out.append('[');
          quote(key, out);
          out.append(']');
        }
      } else {
        out.append('[').append(segment).append(']');
      }
      ends[i++] = out.length();
    }
    return out.toString();
  }

  /** As the server's {@code Syntax.quote}: the string literal its lexer reads back to exactly {@code key}. */
  private static void quote(String key, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
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
    out.append('"');
  }
}
