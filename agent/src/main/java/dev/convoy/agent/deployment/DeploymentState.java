package dev.convoy.agent.deployment;

/**
 * The state of one deployment on this endpoint (the agent's mirror of {@code convoy.v1.DeploymentState}).
 * {@link Transitions} says which moves are allowed.
 */
public enum DeploymentState {
  OFFERED, NOTIFIED, DEFERRED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW, AWAITING_TECHNICIAN, INSTALLING, VERIFYING,
  SUCCEEDED, FAILED, ROLLED_BACK, CANCELLED, ALREADY_INSTALLED, FAILED_VERIFICATION;

  /** Whether nothing more happens to this attempt. */
  public boolean terminal() {
    return switch (this) {
      case SUCCEEDED, FAILED, ROLLED_BACK, CANCELLED, ALREADY_INSTALLED, FAILED_VERIFICATION -> true;
      default -> false;
    };
  }

  /** Whether this terminal state leaves the release installed. */
  public boolean successful() {
    return this == SUCCEEDED || this == ALREADY_INSTALLED;
  }
}
