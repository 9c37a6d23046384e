package dev.convoy.installers.script;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ProcessSpec} ended: a value, never an exception.
 *
 * @param status whether the program exited, was killed at its timeout, was interrupted, or never started
 * @param exitCode the exit status when {@code status} is EXITED, else {@link #NO_EXIT_CODE}
 * @param output the last {@link LocalProcessRunner#TAIL_BYTES} bytes of stdout and stderr, merged, as UTF-8
 * @param outputTruncated whether earlier output was dropped from {@code output}
 * @param detail what happened when the program did not simply exit (the start error, what was killed), else ""
 */
public record ProcessOutcome(Status status, int exitCode, String output, boolean outputTruncated, String detail) {
  /** The exit code of a run that has none (timed out, interrupted, not started). */
  public static final int NO_EXIT_CODE = -1;
  private static final int EXCERPT_LINES = 10;
  private static final int EXCERPT_CHARS = 2000;

  public enum Status { EXITED, TIMED_OUT, INTERRUPTED, NOT_STARTED }

  public ProcessOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(detail, "detail");
  }

  public static ProcessOutcome exited(int exitCode, String output, boolean outputTruncated) {
    return new ProcessOutcome(Status.EXITED, exitCode, output, outputTruncated, "");
  }

  public static ProcessOutcome timedOut(String output, boolean outputTruncated, String detail) {
    return new ProcessOutcome(Status.TIMED_OUT, NO_EXIT_CODE, output, outputTruncated, detail);
  }

  public static ProcessOutcome interrupted(String output, boolean outputTruncated, String detail) {
    return new ProcessOutcome(Status.INTERRUPTED, NO_EXIT_CODE, output, outputTruncated, detail);
  }

  public static ProcessOutcome notStarted(String detail) {
    return new ProcessOutcome(Status.NOT_STARTED, NO_EXIT_CODE, "", false, detail);
  }

  /** Whether the program ran to its end and exited with {@code code}. */
  public boolean exitedWith(int code) {
    return status == Status.EXITED && exitCode == code;
  }

  /** The kept output as lines, without line terminators. */
  public List<String> lines() {
    return output.isEmpty() ? List.of() : Arrays.asList(output.split("\r?\n"));
  }

  /** The last few lines of output (at most 10 lines, 2000 characters) for a message, or "" when there was none. */
  public String excerpt() {
    List<String> lines = lines();
    String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - EXCERPT_LINES), lines.size()));
    return tail.length() <= EXCERPT_CHARS ? tail : "…" + tail.substring(tail.length() - EXCERPT_CHARS);
  }
}
