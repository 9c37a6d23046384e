package dev.convoy.installers;

import java.util.List;

/**
 * The end of one lifecycle run.
 *
 * @param finalState SUCCEEDED, ALREADY_INSTALLED, ROLLED_BACK, FAILED or UNINSTALLED
 * @param chain every state entered, in order (tests assert it exactly)
 * @param exitCode exit code of the failing step, or 0
 * @param message what happened, for people
 */
public record LifecycleResult(LifecycleState finalState, List<LifecycleState> chain, int exitCode, String message,
    boolean retryable) {
  public LifecycleResult {
    chain = List.copyOf(chain);
  }

  /** A result whose failure (if any) is not declared retryable. */
  public LifecycleResult(LifecycleState finalState, List<LifecycleState> chain, int exitCode, String message) {
    this(finalState, chain, exitCode, message, false);
  }

  public boolean succeeded() {
    return finalState == LifecycleState.SUCCEEDED || finalState == LifecycleState.ALREADY_INSTALLED
        || finalState == LifecycleState.UNINSTALLED;
  }
}
