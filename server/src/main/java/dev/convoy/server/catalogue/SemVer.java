package dev.convoy.server.catalogue;

import dev.convoy.server.error.ConvoyException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version, ordered by semver precedence (build metadata ignored, a pre-release sorts
 * before its release, numeric identifiers numerically). Immutable.
 */
public record SemVer(String major, String minor, String patch, List<String> preRelease, String build, String text)
    implements Comparable<SemVer> {
  /** The regular expression published on semver.org. */
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
  public static final int MAX_LENGTH = 64;

  /**
   * Parses {@code text}.
   *
   * @throws ConvoyException INVALID_ARGUMENT naming {@code field} if it is not a semver 2.0.0 version
   */
  public static SemVer parse(String field, String text) {
    if (text == null || text.isEmpty()) {
      throw ConvoyException.invalidArgument(field + ": empty (expected: a semantic version such as 1.4.2)");
    }
    Matcher m = SEMVER.matcher(text);
    if (text.length() > MAX_LENGTH || !m.matches()) {
      throw ConvoyException.invalidArgument(field + ": '" + dev.convoy.server.common.Require.shown(text)
          + "' (expected: a semantic version such as 1.4.2 or 2.0.0-rc.1, at most " + MAX_LENGTH + " characters)");
    }
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    return new SemVer(m.group(1), m.group(2), m.group(3), pre, m.group(5) == null ? "" : m.group(5), text);
  }

  @Override
  public int compareTo(SemVer other) {
    int c = compareNumeric(major, other.major);
    c = c != 0 ? c : compareNumeric(minor, other.minor);
    c = c != 0 ? c : compareNumeric(patch, other.patch);
    return c != 0 ? c : comparePreRelease(preRelease, other.preRelease);
  }

  private static int comparePreRelease(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty()); // a release outranks its pre-releases
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareIdentifier(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareIdentifier(String a, String b) {
    boolean numericA = a.chars().allMatch(Character::isDigit);
    boolean numericB = b.chars().allMatch(Character::isDigit);
    if (numericA && numericB) {
      return compareNumeric(a, b);
    }
    if (numericA != numericB) {
      return numericA ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    }
    return a.compareTo(b);
  }

  /** Numbers without leading zeros, of any size: longer is larger, else compare digit by digit. */
  private static int compareNumeric(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  @Override
  public String toString() {
    return text;
  }
}
