package dev.convoy.cli.output;

/**
 * A text progress bar: {@code #} for succeeded, {@code x} for failed, {@code -} for the rest, so that a failing
 * rollout is visible at a glance.
 */
public final class ProgressBar {
  private ProgressBar() {}

  /**
   * A bar {@code width} characters wide between brackets.
   *
   * @throws IllegalArgumentException if a count is negative or {@code succeeded + failed > total}
   */
  public static String render(int succeeded, int failed, int total, int width) {
    if (succeeded < 0 || failed < 0 || succeeded + failed > total) {
      throw new IllegalArgumentException("progress: succeeded " + succeeded + ", failed " + failed
          + " of " + total + " (expected: 0 <= succeeded + failed <= total)");
    }
    int ok = total == 0 ? 0 : (int) ((long) succeeded * width / total);
    int bad = total == 0 ? 0 : (int) ((long) (succeeded + failed) * width / total) - ok;
    return "[" + "#".repeat(ok) + "x".repeat(bad) + "-".repeat(width - ok - bad) + "]";
  }

  /** Whole percent of {@code part} in {@code total}; 100 for an empty total. */
  public static int percent(int part, int total) {
    return total == 0 ? 100 : (int) ((long) part * 100 / total);
  }
}
