package dev.convoy.server.inventory.query;

import java.util.Comparator;

/**
 * Orders version strings the way both release managers and {@code dpkg} expect: semantic versioning 2.0 precedence,
 * generalised to the versions that workstations actually report.
 *
 * <p>A version is read as {@code [epoch:]upstream[-revision]}, then compared epoch first (numerically), then
 * upstream, then revision, each with the Debian algorithm ({@code dpkg --compare-versions}): runs of digits compare
 * numerically, other characters by ASCII with letters before punctuation, and {@code ~} before anything, even the
 * end of the string ({@code 1.0~beta < 1.0}). On top of that:
 * <ul>
 *   <li><b>Pre-releases.</b> A {@code -} followed by a letter starts a pre-release and reads as {@code ~}, so
 *       {@code 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0} as semver says.</li>
 *   <li><b>Revisions.</b> A last {@code -} followed by a digit starts a Debian revision: {@code 2.3-1ubuntu2}.
 *       Consequently a semver pre-release made only of digits ({@code 1.0.0-0.3.7}) reads as a revision and sorts
 *       after {@code 1.0.0}: packaging tools write {@code 1.0.0-1} far more often than semver writes that.</li>
 *   <li><b>Trailing zeros do not count.</b> {@code 7.6 = 7.6.0 = 7.6.0.0} (dpkg alone would put {@code 7.6} first).
 *       Only the numeric, dot-separated start of the upstream part is trimmed, and only when it is followed by the
 *       end, a pre-release or {@code +}: {@code 1.0a} keeps its zero.</li>
 *   <li><b>Build metadata counts.</b> {@code +} is compared as dpkg does ({@code 1.0+dfsg > 1.0}), where semver
 *       would ignore a {@code +build} suffix.</li>
 *   <li>A leading {@code v} before a digit is ignored: {@code v1.2 = 1.2}.</li>
 * </ul>
 *
 * <p>Total: any two strings compare, consistently and without exception. Not consistent with
 * {@link String#equals}: {@code 7.6} and {@code 7.6.0} compare equal. Stateless and thread-safe.
 */
public final class VersionComparator implements Comparator<String> {
  /** The one instance. */
  public static final VersionComparator INSTANCE = new VersionComparator();

  private VersionComparator() {}

  /** Whether {@code text} reads as a version rather than a word: it starts with a digit, or a {@code v} and a digit. */
  public static boolean looksLikeVersion(String text) {
    int start = text.length() > 1 && (text.charAt(0) == 'v' || text.charAt(0) == 'V') ? 1 : 0;
    return text.length() > start && Syntax.isDigit(text.charAt(start));
  }

  @Override
  public int compare(String left, String right) {
    Parts a = Parts.of(left);
    Parts b = Parts.of(right);
    int result = dpkgCompare(a.epoch, b.epoch);
    if (result == 0) {
      result = dpkgCompare(a.upstream, b.upstream);
    }
    return result != 0 ? result : dpkgCompare(a.revision, b.revision);
  }

  private record Parts(String epoch, String upstream, String revision) {
    static Parts of(String version) {
      String rest = version.length() > 1 && (version.charAt(0) == 'v' || version.charAt(0) == 'V')
          && Syntax.isDigit(version.charAt(1)) ? version.substring(1) : version;
      String epoch = "";
      int colon = rest.indexOf(':');
      if (colon > 0 && rest.substring(0, colon).chars().allMatch(c -> Syntax.isDigit((char) c))) {
        epoch = rest.substring(0, colon);
        rest = rest.substring(colon + 1);
      }
      String revision = "";
      int dash = rest.lastIndexOf('-');
      if (dash >= 0 && dash + 1 < rest.length() && Syntax.isDigit(rest.charAt(dash + 1))) {
        revision = rest.substring(dash + 1);
        rest = rest.substring(0, dash);
      }
      return new Parts(epoch, withoutTrailingZeros(preReleasesAsTilde(rest)), revision);
    }

    private static String preReleasesAsTilde(String upstream) {
      StringBuilder out = new StringBuilder(upstream);
      for (int i = 0; i + 1 < out.length(); i++) {
        if (out.charAt(i) == '-' && isAsciiLetter(out.charAt(i + 1))) {
          out.setCharAt(i, '~');
        }
      }
      return out.toString();
    }

    private static String withoutTrailingZeros(String upstream) {
      int end = 0;
      while (end < upstream.length() && (Syntax.isDigit(upstream.charAt(end)) || upstream.charAt(end) == '.')) {
        end++;
      }
      if (end < upstream.length() && upstream.charAt(end) != '~' && upstream.charAt(end) != '+') {
        return upstream;
      }
      String numeric = upstream.substring(0, end);
      int lastDot = numeric.lastIndexOf('.');
      while (lastDot > 0 && lastDot + 1 < numeric.length()
          && numeric.substring(lastDot + 1).chars().allMatch(c -> c == '0')) {
        numeric = numeric.substring(0, lastDot);
        lastDot = numeric.lastIndexOf('.');
      }
      return numeric + upstream.substring(end);
    }
  }

  /** dpkg's {@code verrevcmp}: alternating non-digit and digit runs; digit runs compare as numbers of any size. */
  static int dpkgCompare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !Syntax.isDigit(a.charAt(i))) || (j < b.length() && !Syntax.isDigit(b.charAt(j)))) {
        int left = order(a, i);
        int right = order(b, j);
        if (left != right) {
          return left - right;
        }
        i++;
        j++;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      int firstDifference = 0;
      while (i < a.length() && Syntax.isDigit(a.charAt(i)) && j < b.length() && Syntax.isDigit(b.charAt(j))) {
        if (firstDifference == 0) {
          firstDifference = a.charAt(i) - b.charAt(j);
        }
        i++;
        j++;
      }
      if (i < a.length() && Syntax.isDigit(a.charAt(i))) {
        return 1;
      }
      if (j < b.length() && Syntax.isDigit(b.charAt(j))) {
        return -1;
      }
      if (firstDifference != 0) {
        return firstDifference;
      }
    }
    return 0;
  }

  /** dpkg's character order: end and digits 0, {@code ~} lowest, ASCII letters by code, everything else after. */
  private static int order(String s, int index) {
    if (index >= s.length()) {
      return 0;
    }
    char c = s.charAt(index);
    if (Syntax.isDigit(c)) {
      return 0;
    }
    if (isAsciiLetter(c)) {
      return c;
    }
    return c == '~' ? -1 : c + 256;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
