package dev.convoy.bench;

/** How a measured figure compares with its target, in the words BENCHMARKS.md uses. */
final class Targets {
  private Targets() {}

  /** " (met)" or " (missed)". */
  static String mark(boolean met) {
    return met ? " (met)" : " (**missed**)";
  }

  /**
   * "NAME missed by X % (measured M, target T)." or "" when met. {@code atMost}: the target is an upper bound.
   */
  static String missed(String name, double measured, double target, boolean atMost) {
    boolean met = atMost ? measured <= target : measured >= target;
    if (met) {
      return "";
    }
    double by = atMost ? (measured / target - 1) * 100 : (1 - measured / target) * 100;
    return String.format("%s missed by %.0f %% (measured %.4g, target %s %.4g).", name, by, measured,
        atMost ? "≤" : "≥", target);
  }
}
