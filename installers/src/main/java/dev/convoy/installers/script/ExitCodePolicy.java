package dev.convoy.installers.script;

import dev.convoy.installers.StepResult;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Maps a script's exit status to an outcome as the release declares: parameters {@code success_codes} (default
 * {@code 0}), {@code reboot_codes} (success that needs a reboot, e.g. {@code 3010}) and {@code retryable_codes}
 * (a failure worth retrying later, e.g. {@code 75}), each a comma-separated list; anything else is a failure.
 *
 * <p>POSIX exit statuses are 8 bits, so a declared code above 255 also matches its low byte: a script that runs
 * {@code exit 3010} exits 194, which {@code reboot_codes=3010} recognises. Codes that coincide that way across two
 * lists are refused. The outcome is written into the step's message ({@link #REBOOT_REQUIRED}, {@link #RETRYABLE})
 * and the exit status is the step's exit code. Immutable and thread-safe.
 */
public record ExitCodePolicy(SortedSet<Integer> successCodes, SortedSet<Integer> rebootCodes,
    SortedSet<Integer> retryableCodes) {
  /** In the message of a successful step whose script asked for a reboot. */
  public static final String REBOOT_REQUIRED = "reboot required";
  /** In the message of a failed step whose exit code is declared retryable. */
  public static final String RETRYABLE = "retryable";

  /** What an exit status means. */
  public enum Outcome { SUCCESS, REBOOT_REQUIRED, RETRYABLE, FAILURE }

  public ExitCodePolicy {
    successCodes = Collections.unmodifiableSortedSet(new TreeSet<>(successCodes));
    rebootCodes = Collections.unmodifiableSortedSet(new TreeSet<>(rebootCodes));
    retryableCodes = Collections.unmodifiableSortedSet(new TreeSet<>(retryableCodes));
    Map<Integer, String> seen = new HashMap<>();
    requireDistinct(seen, "success_codes", successCodes);
    requireDistinct(seen, "reboot_codes", rebootCodes);
    requireDistinct(seen, "retryable_codes", retryableCodes);
  }

  /** Success on 0 only. */
  public static ExitCodePolicy defaults() {
    return new ExitCodePolicy(new TreeSet<>(Set.of(0)), new TreeSet<>(), new TreeSet<>());
  }

  /**
   * The policy the parameters declare.
   *
   * @throws IllegalArgumentException when a list is malformed, a code is negative, or two lists overlap
   */
  public static ExitCodePolicy from(Map<String, String> parameters) {
    return new ExitCodePolicy(codes(parameters, "success_codes", "0"), codes(parameters, "reboot_codes", ""),
        codes(parameters, "retryable_codes", ""));
  }

  /** What {@code status} (an exit status, 0-255) means. */
  public Outcome classify(int status) {
    if (matches(successCodes, status)) {
      return Outcome.SUCCESS;
    }
    if (matches(rebootCodes, status)) {
      return Outcome.REBOOT_REQUIRED;
    }
    return matches(retryableCodes, status) ? Outcome.RETRYABLE : Outcome.FAILURE;
  }

  /**
   * The step result for a run of {@code label}: success (with {@link #REBOOT_REQUIRED} in the message for a reboot
   * code), or a failure carrying the exit code (-1 when the program timed out or never started), {@link #RETRYABLE}
   * for a retryable code, and the last lines of output.
   */
  public StepResult toStepResult(String label, ProcessOutcome run) {
    if (run.status() != ProcessOutcome.Status.EXITED) {
      return StepResult.failure(run.exitCode(), label + " " + run.detail() + withOutput(run));
    }
    int code = run.exitCode();
    return switch (classify(code)) {
      case SUCCESS -> new StepResult(true, code, label + " exited " + code);
      case REBOOT_REQUIRED -> new StepResult(true, code, label + " exited " + code + declared(rebootCodes, code)
          + ": " + REBOOT_REQUIRED);
      case RETRYABLE -> StepResult.retryableFailure(code, label + " exited " + code + declared(retryableCodes, code) + " ("
          + RETRYABLE + ")" + withOutput(run));
      case FAILURE -> StepResult.failure(code, label + " exited " + code + " (expected: one of " + successCodes
          + (rebootCodes.isEmpty() ? "" : " or reboot " + rebootCodes) + ")" + withOutput(run));
    };
  }

  private static String withOutput(ProcessOutcome run) {
    String excerpt = run.excerpt();
    return excerpt.isEmpty() ? "" : "; last output: " + excerpt;
  }

  private static String declared(Set<Integer> codes, int status) {
    return codes.contains(status) ? "" : codes.stream().filter(c -> (c & 0xff) == status).findFirst()
        .map(c -> " (declared as " + c + ")").orElse("");
  }

  private static boolean matches(Set<Integer> codes, int status) {
    return codes.contains(status) || codes.stream().anyMatch(c -> c > 255 && (c & 0xff) == status);
  }

  private static SortedSet<Integer> codes(Map<String, String> parameters, String name, String fallback) {
    String value = parameters.getOrDefault(name, fallback).trim();
    SortedSet<Integer> codes = new TreeSet<>();
    if (value.isEmpty()) {
      return codes;
    }
    for (String part : value.split(",")) {
      try {
        int code = Integer.parseInt(part.trim());
        if (code < 0) {
          throw new NumberFormatException();
        }
        codes.add(code);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("parameter " + name + ": '" + value
            + "' (expected: comma-separated exit codes >= 0, e.g. 0,3010)");
      }
    }
    return codes;
  }

  private static void requireDistinct(Map<Integer, String> seen, String name, Set<Integer> codes) {
    for (int code : codes) {
      int status = code & 0xff;
      String other = seen.putIfAbsent(status, name + " " + code);
      if (other != null && !other.startsWith(name + " ")) {
        throw new IllegalArgumentException(name + ": " + code + " (expected: not also in " + other
            + "; exit statuses are 8 bits, so both arrive as " + status + ")");
      }
    }
  }
}
