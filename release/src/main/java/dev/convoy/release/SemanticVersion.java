package dev.convoy.release;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version, ordered by semver precedence: build metadata is ignored, a pre-release
 * sorts before its release, numeric identifiers compare numerically (of any size). Immutable; equality is textual,
 * so {@code 1.0.0+a} and {@code 1.0.0+b} are different values with {@code compareTo == 0}.
 *
 * @param major decimal number without leading zeros, of any size
 * @param minor decimal number without leading zeros, of any size
 * @param patch decimal number without leading zeros, of any size
 * @param preRelease dot-separated pre-release identifiers, empty for a release
 * @param build build metadata, "" when absent
 */
public record SemanticVersion(String major, String minor, String patch, List<String> preRelease, String build)
    implements Comparable<SemanticVersion> {
  /** Longest accepted version text. */
  public static final int MAX_LENGTH = 64;
  /** The regular expression published on semver.org. */
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  /** @throws IllegalArgumentException unless the parts spell a valid version of at most 64 characters */
  public SemanticVersion {
    preRelease = List.copyOf(preRelease);
    String text = major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + String.join(".", preRelease))
        + (build.isEmpty() ? "" : "+" + build);
    if (text.length() > MAX_LENGTH || !SEMVER.matcher(text).matches()) {
      throw invalid(text);
    }
  }

  /**
   * Parses a version such as {@code 1.4.2} or {@code 2.0.0-rc.1+build.7}.
   *
   * @throws IllegalArgumentException naming the text when it is not a semver 2.0.0 version of at most 64 characters
   */
  public static SemanticVersion parse(String text) {
    Text.required("version", text);
    Matcher m = SEMVER.matcher(text);
    if (text.length() > MAX_LENGTH || !m.matches()) {
      throw invalid(text);
    }
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    return new SemanticVersion(m.group(1), m.group(2), m.group(3), pre, m.group(5) == null ? "" : m.group(5));
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("version: " + Text.quoted(text) + " (expected: a semantic version such as"
        + " 1.4.2 or 2.0.0-rc.1, at most " + MAX_LENGTH + " characters)");
  }

  /** Whether this version has lower precedence than {@code other}. */
  public boolean isBefore(SemanticVersion other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(SemanticVersion other) {
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
    boolean numericA = a.chars().allMatch(c -> c >= '0' && c <= '9');
    boolean numericB = b.chars().allMatch(c -> c >= '0' && c <= '9');
    if (numericA && numericB) {
      return compareNumeric(a, b);
    }
    if (numericA != numericB) {
      return numericA ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    }
    return a.compareTo(b); // ASCII only, so UTF-16 order is byte order
  }

  /** Numbers without leading zeros, of any size: longer is larger, else compare digit by digit. */
  private static int compareNumeric(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  /** The version as text, e.g. {@code 2.0.0-rc.1+build.7}. */
  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + String.join(".", preRelease))
        + (build.isEmpty() ? "" : "+" + build);
  }
}
