package dev.convoy.agent.deployment;

/**
 * A deployment cannot progress now for a reason that may pass (server unreachable, stream cut short, agent
 * stopping). Its journaled state stays as it is; the reconciler tries again later.
 */
final class RetryLater extends Exception {
  private static final long serialVersionUID = 1L;

  RetryLater(String message, Throwable cause) {
    super(message, cause);
  }
}
