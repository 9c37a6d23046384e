package dev.convoy.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How a manifest's {@code os_requirements} are read. Each entry maps an inventory fact path (e.g. {@code os.family},
 * {@code os.version}) to either
 * <ul>
 *   <li>a literal the fact must equal, ignoring ASCII case ({@code debian}), or</li>
 *   <li>comparators separated by single spaces that must all hold, each an operator {@code = != > >= < <=} directly
 *       followed by a version ({@code >=12}, {@code >=22.04 <25}). Versions compare as dotted components (also split
 *       at {@code - + _ ~}): numeric components numerically, others as text, missing ones as 0, so {@code 12} equals
 *       {@code 12.0} and {@code 22.04} is below {@code 24.04}.</li>
 * </ul>
 * A value that starts with one of {@code < > = !} is comparators and must be well formed. A fact the endpoint does
 * not report contradicts nothing here: whoever knows the fact decides (the agent reads its own). Stateless.
 */
public final class OsRequirements {
  private OsRequirements() {}

  /**
   * Checks that {@code value} is a literal or well-formed comparators.
   *
   * @throws IllegalArgumentException naming the fact and the expected form
   */
  public static void validate(String fact, String value) {
    Text.required("os requirement " + fact, value);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("os requirement " + fact + ": empty (expected: a value or comparators)");
    }
    if (comparators(value)) {
      for (String part : value.split(" ", -1)) {
        comparator(fact, value, part);
      }
    }
  }

  /**
   * What contradicts {@code requirements} in {@code facts}, one message per requirement, in fact order, e.g.
   * {@code os.version is 11 (expected: >=12)}. Facts for which {@code facts} answers null are skipped.
   *
   * @param facts a fact's value by path, or null when unknown
   */
  public static List<String> contradictions(Map<String, String> requirements, Function<String, String> facts) {
    List<String> found = new ArrayList<>();
    new TreeMap<>(requirements).forEach((fact, required) -> {
      String actual = facts.apply(fact);
      if (actual != null && !holds(fact, required, actual)) {
        found.add(fact + " is " + (actual.isEmpty() ? "empty" : actual) + " (expected: " + required + ")");
      }
    });
    return found;
  }

  /** Whether {@code actual} satisfies {@code required}; a malformed requirement is never satisfied. */
  public static boolean holds(String fact, String required, String actual) {
    if (!comparators(required)) {
      return required.toLowerCase(Locale.ROOT).equals(actual.trim().toLowerCase(Locale.ROOT));
    }
    try {
      for (String part : required.split(" ", -1)) {
        String[] c = comparator(fact, required, part);
        int cmp = compare(actual.trim(), c[1]);
        boolean ok = switch (c[0]) {
          case "=" -> cmp == 0;
          case "!=" -> cmp != 0;
          case ">" -> cmp > 0;
          case ">=" -> cmp >= 0;
          case "<" -> cmp < 0;
          default -> cmp <= 0;
        };
        if (!ok) {
          return false;
        }
      }
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Compares dotted versions as the class comment says. */
  public static int compare(String a, String b) {
    String[] x = a.split("[.\\-+_~]", -1);
    String[] y = b.split("[.\\-+_~]", -1);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int cmp = numeric(p) && numeric(q) ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q))
          : p.compareTo(q);
      if (cmp != 0) {
        return cmp;
      }
    }
    return 0;
  }

  private static boolean comparators(String value) {
    return !value.isEmpty() && "<>=!".indexOf(value.charAt(0)) >= 0;
  }

  private static boolean numeric(String s) {
    return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }

  private static String[] comparator(String fact, String value, String part) {
    String op = part.startsWith(">=") ? ">=" : part.startsWith("<=") ? "<=" : part.startsWith("!=") ? "!="
        : part.startsWith(">") ? ">" : part.startsWith("<") ? "<" : part.startsWith("=") ? "=" : null;
    String version = op == null ? "" : part.substring(op.length());
    if (op == null || version.isEmpty() || !version.matches("[A-Za-z0-9.\\-+_~]+")) {
      throw new IllegalArgumentException("os requirement " + fact + ": " + Text.quoted(value) + " (expected: a"
          + " value, or comparators such as >=12 or >=22.04 <25, separated by one space, operators = != > >= < <=)");
    }
    return new String[] {op, version};
  }
}
