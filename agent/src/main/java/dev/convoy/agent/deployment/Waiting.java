package dev.convoy.agent.deployment;

import java.time.Instant;

/**
 * A deployment waits for its gate (a window, the lead time, a technician, the user, a deferral, the server's
 * permit). Its journaled state is where it waits; the reconciler walks it again at {@code recheckAt}, at the next
 * desired state, or when the user asks for something.
 */
final class Waiting extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Instant recheckAt;
  private final boolean resync;

  /** @param recheckAt the next instant worth looking again, or null: only a hint can change the answer */
  Waiting(Instant recheckAt, boolean resync, String reason) {
    super(reason, null, false, false);
    this.recheckAt = recheckAt;
    this.resync = resync;
  }

  Instant recheckAt() {
    return recheckAt;
  }

  /** Whether a fresh desired state should be fetched (every listed window is over). */
  boolean resync() {
    return resync;
  }
}
