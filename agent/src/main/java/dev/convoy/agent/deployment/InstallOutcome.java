package dev.convoy.agent.deployment;

/**
 * How an install (or uninstall) ended, in deployment terms.
 *
 * @param state SUCCEEDED, ALREADY_INSTALLED, ROLLED_BACK or FAILED
 * @param exitCode the failing step's exit code, or 0
 * @param message what happened, for people
 * @param retryable a failure the installer declares worth retrying in a later attempt
 */
public record InstallOutcome(DeploymentState state, int exitCode, String message, boolean retryable) {
  /** An outcome that is not retryable. */
  public InstallOutcome(DeploymentState state, int exitCode, String message) {
    this(state, exitCode, message, false);
  }
}
