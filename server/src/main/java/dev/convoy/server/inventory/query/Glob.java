package dev.convoy.server.inventory.query;

/**
 * Case-insensitive glob matching: {@code *} matches any run of characters (also none), {@code ?} exactly one,
 * {@code \} makes the next character literal. Runs in O(pattern x text) at worst, by the classic
 * single-backtrack-point algorithm: no regular expression, so no catastrophic backtracking on hostile patterns.
 */
final class Glob {
  private Glob() {}

  static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int starP = -1;
    int starT = -1;
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        starP = ++p;
        starT = t;
      } else if (p < pattern.length() && matchesOne(pattern, p, text.charAt(t))) {
        p += pattern.charAt(p) == '\\' && p + 1 < pattern.length() ? 2 : 1;
        t++;
      } else if (starP >= 0) {
        p = starP;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean matchesOne(String pattern, int p, char c) {
    char expected = pattern.charAt(p);
    if (expected == '?') {
      return true;
    }
    if (expected == '\\' && p + 1 < pattern.length()) {
      expected = pattern.charAt(p + 1);
    }
    return expected == c || Character.toUpperCase(expected) == Character.toUpperCase(c)
        || Character.toLowerCase(expected) == Character.toLowerCase(c);
  }
}
