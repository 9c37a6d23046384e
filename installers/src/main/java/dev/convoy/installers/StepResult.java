package dev.convoy.installers;

/**
 * The outcome of one lifecycle step: a value, not an exception.
 *
 * @param ok whether the step succeeded
 * @param exitCode the tool's exit code where one exists, else 0 on success and -1 on failure
 * @param message what happened, for people
 * @param retryable a failure the installer declares worth another attempt later (e.g. a script exit code listed in
 *     {@code retryable_codes}: package manager locked, network down); false on success
 */
public record StepResult(boolean ok, int exitCode, String message, boolean retryable) {
  public StepResult {
    if (ok && retryable) {
      throw new IllegalArgumentException("retryable: true on a successful step (expected: failures only)");
    }
  }

  /** A result that is not a retryable failure. */
  public StepResult(boolean ok, int exitCode, String message) {
    this(ok, exitCode, message, false);
  }

  public static StepResult success(String message) {
    return new StepResult(true, 0, message);
  }

  public static StepResult failure(String message) {
    return new StepResult(false, -1, message);
  }

  public static StepResult failure(int exitCode, String message) {
    return new StepResult(false, exitCode, message);
  }

  /** A failure that a later attempt may not have: the campaign's retry policy may try again. */
  public static StepResult retryableFailure(int exitCode, String message) {
    return new StepResult(false, exitCode, message, true);
  }
}
