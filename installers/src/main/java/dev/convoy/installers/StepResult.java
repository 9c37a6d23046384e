package dev.convoy.installers;

/**
 * The outcome of one lifecycle step: a value, not an exception.
 *
 * @param ok whether the step succeeded
 * @param exitCode the tool's exit code where one exists, else 0 on success and -1 on failure
 * @param message what happened, for people
 */
public record StepResult(boolean ok, int exitCode, String message) {
  public static StepResult success(String message) {
    return new StepResult(true, 0, message);
  }

  public static StepResult failure(String message) {
    return new StepResult(false, -1, message);
  }

  public static StepResult failure(int exitCode, String message) {
    return new StepResult(false, exitCode, message);
  }
}
