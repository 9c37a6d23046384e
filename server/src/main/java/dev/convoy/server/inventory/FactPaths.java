package dev.convoy.server.inventory;

import dev.convoy.server.inventory.query.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fact paths as the registry needs them: parsed, their index key, and what a query path needs loaded. Most reported
 * paths are plain dotted identifiers ({@code software.vim.version}); those take a fast route that gives exactly what
 * {@link Path#parse} would, without the lexer. Stateless and thread-safe.
 */
final class FactPaths {
  private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");
  /** The query language's keywords: a first key spelled like one is written quoted, so it takes the slow route. */
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "exists", "true", "false");
  // (every keyword is 2 to 6 characters long: isPlainDotted relies on it)

  private FactPaths() {}

  /** Exactly what {@link #DOTTED} matches. */
  static boolean dotted(String path) {
    boolean segmentStart = true;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (segmentStart) {
        if (!letter) {
          return false;
        }
        segmentStart = false;
      } else if (c == '.') {
        segmentStart = true;
      } else if (!letter && !(c >= '0' && c <= '9') && c != '-') {
        return false;
      }
    }
    return !segmentStart;
  }

  /** The reference definition {@link #dotted} implements (kept for its test). */
  static boolean dottedByRegex(String path) {
    return DOTTED.matcher(path).matches();
  }

  /**
   * Parses a path.
   *
   * @throws dev.convoy.server.inventory.query.QuerySyntaxException if it is not a path
   */
  static Path parse(String path) {
    if (isPlainDotted(path)) {
      String[] keys = path.split("\\.");
      List<Path.Segment> segments = new ArrayList<>(keys.length);
      for (String key : keys) {
        segments.add(new Path.Key(key));
      }
      return new Path(segments);
    }
    return Path.parse(path);
  }

  /** The index key of a concrete canonical path: itself when it has no subscript, else without list positions. */
  static String indexKey(String path) {
    return path.indexOf('[') < 0 ? path : parse(path).indexKey().orElse("");
  }

  /**
   * Where a query path's values live, as an index key whose subtree holds them all: the path's own index key, or,
   * for a path with {@code [*]}, the keys before the first {@code [*]} ({@code software[*].source} → {@code
   * software}); empty for a path that starts with {@code [*]} or a position (the whole inventory).
   */
  static String anchor(Path path) {
    List<Path.Segment> keys = new ArrayList<>();
    for (Path.Segment segment : path.segments()) {
      if (segment instanceof Path.Wildcard) {
        break;
      }
      if (segment instanceof Path.Key) {
        keys.add(segment);
      } else if (keys.isEmpty()) {
        return "";
      }
    }
    return keys.isEmpty() ? "" : new Path(keys).toString();
  }

  /** Whether {@code key} is {@code ancestor} or lies below it (subtree semantics of index keys). */
  static boolean isUnder(String key, String ancestor) {
    if (ancestor.isEmpty()) {
      return true;
    }
    if (!key.startsWith(ancestor)) {
      return false;
    }
    if (key.length() == ancestor.length()) {
      return true;
    }
    char next = key.charAt(ancestor.length());
    return next == '.' || next == '[';
  }

  /**
   * Whether the fact at the concrete path {@code leaf} is among what {@code field} (a query path, maybe with
   * {@code [*]}) selects: {@code field} leads to it or to a map or list above it, a key in {@code field} passing over
   * list positions in {@code leaf} as queries do.
   */
  static boolean covers(Path field, Path leaf) {
    List<Path.Segment> mine = field.segments();
    List<Path.Segment> theirs = leaf.segments();
    int i = 0;
    int j = 0;
    while (i < mine.size() && j < theirs.size()) {
      if (mine.get(i) instanceof Path.Key && theirs.get(j) instanceof Path.Index) {
        j++;
      } else if (mine.get(i) instanceof Path.Wildcard || mine.get(i).equals(theirs.get(j))) {
        i++;
        j++;
      } else {
        return false;
      }
    }
    return i == mine.size();
  }

  /**
   * Whether {@code path} is plain dotted identifiers ({@link #DOTTED}), not starting with a keyword: canonical by
   * construction. Checked by a scan rather than the regex: every key of every inventory report passes here, and
   * the regex was a fifth of the server's CPU in the check-in benchmark (BENCHMARKS.md, scenario 2).
   */
  static boolean isPlainDotted(String path) {
    if (!dotted(path)) {
      return false;
    }
    int dot = path.indexOf('.');
    int length = dot < 0 ? path.length() : dot;
    if (length < 2 || length > 6) {
      return true; // no keyword is that short or that long: skip the lower-casing
    }
    return !KEYWORDS.contains(path.substring(0, length).toLowerCase(Locale.ROOT));
  }
}
