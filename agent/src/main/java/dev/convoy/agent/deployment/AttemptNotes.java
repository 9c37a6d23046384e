package dev.convoy.agent.deployment;

import java.time.Instant;

/**
 * What the agent itself learned about one attempt, journaled with it.
 *
 * @param notifiedAt when the agent showed the notice (its own clock), or null before; estimates the server's
 *     {@code not_before} until the server's receipt arrives
 * @param installRequested the user asked to install it ({@code convoy-agent install NAME}): a PULL proceeds, and
 *     its INSTALLING report carries {@code user_initiated}
 * @param deferredUntil the deferral the server accepted from this agent, or null
 * @param permitPending an INSTALLING report (the install permit) was sent and its answer not journaled: on resume
 *     it is sent again before anything else, so a permit granted just before a crash is never forgotten
 * @param retryable with FAILED: the installer says a later attempt may succeed
 */
public record AttemptNotes(Instant notifiedAt, boolean installRequested, Instant deferredUntil,
    boolean permitPending, boolean retryable) {
  /** Nothing learned yet. */
  public static final AttemptNotes NONE = new AttemptNotes(null, false, null, false, false);

  public AttemptNotes notified(Instant at) {
    return new AttemptNotes(at, installRequested, deferredUntil, permitPending, retryable);
  }

  public AttemptNotes requested() {
    return new AttemptNotes(notifiedAt, true, deferredUntil, permitPending, retryable);
  }

  public AttemptNotes deferred(Instant until) {
    return new AttemptNotes(notifiedAt, installRequested, until, permitPending, retryable);
  }

  public AttemptNotes permit(boolean pending) {
    return new AttemptNotes(notifiedAt, installRequested, deferredUntil, pending, retryable);
  }

  public AttemptNotes failedRetryably(boolean value) {
    return new AttemptNotes(notifiedAt, installRequested, deferredUntil, permitPending, value);
  }
}
