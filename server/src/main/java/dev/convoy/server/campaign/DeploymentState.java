package dev.convoy.server.campaign;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one deployment, and its transition table (DESIGN.md "Agent"):
 * {@code QUEUED → PENDING → OFFERED → NOTIFIED → (DEFERRED) → DOWNLOADING → DOWNLOADED → AWAITING_WINDOW /
 * AWAITING_TECHNICIAN → INSTALLING → VERIFYING → SUCCEEDED | FAILED | ROLLED_BACK}, plus CANCELLED,
 * ALREADY_INSTALLED, FAILED_VERIFICATION and RETRY_PENDING. QUEUED (its wave is not open), PENDING and RETRY_PENDING
 * (a retryable failure waiting for its next attempt) are the server's own; the agent reports the others.
 *
 * <p>The server accepts a report that moves a deployment to any state <em>reachable</em> along this table, not only
 * to a direct successor: reports can be re-ordered in flight, and once a later one is applied the earlier ones are
 * stale (ignored), so the server sees the chain with gaps. Moving backwards, sideways, or out of a terminal state is
 * refused. Staying in a non-terminal state (e.g. DOWNLOADING with progress) is allowed.
 */
public enum DeploymentState {
  PENDING,
  OFFERED,
  NOTIFIED,
  DEFERRED,
  DOWNLOADING,
  DOWNLOADED,
  AWAITING_WINDOW,
  AWAITING_TECHNICIAN,
  INSTALLING,
  VERIFYING,
  SUCCEEDED,
  FAILED,
  ROLLED_BACK,
  CANCELLED,
  ALREADY_INSTALLED,
  FAILED_VERIFICATION,
  RETRY_PENDING,
  QUEUED;

  private static final Map<DeploymentState, Set<DeploymentState>> NEXT = new EnumMap<>(DeploymentState.class);
  private static final Map<DeploymentState, Set<DeploymentState>> REACHABLE = new EnumMap<>(DeploymentState.class);

  static {
    next(QUEUED, PENDING, CANCELLED);
    next(PENDING, OFFERED, CANCELLED, FAILED);
    next(OFFERED, NOTIFIED, DOWNLOADING, ALREADY_INSTALLED, CANCELLED, FAILED);
    next(NOTIFIED, DEFERRED, DOWNLOADING, AWAITING_WINDOW, AWAITING_TECHNICIAN, INSTALLING, ALREADY_INSTALLED,
        CANCELLED, FAILED);
    next(DEFERRED, DOWNLOADING, AWAITING_WINDOW, AWAITING_TECHNICIAN, INSTALLING, ALREADY_INSTALLED,
        CANCELLED, FAILED);
    next(DOWNLOADING, DOWNLOADED, FAILED_VERIFICATION, CANCELLED, FAILED);
    next(DOWNLOADED, AWAITING_WINDOW, AWAITING_TECHNICIAN, INSTALLING, DEFERRED, ALREADY_INSTALLED,
        FAILED_VERIFICATION, CANCELLED, FAILED);
    next(AWAITING_WINDOW, INSTALLING, AWAITING_TECHNICIAN, DEFERRED, ALREADY_INSTALLED, CANCELLED, FAILED);
    next(AWAITING_TECHNICIAN, INSTALLING, CANCELLED, FAILED);
    next(INSTALLING, VERIFYING, SUCCEEDED, FAILED, ROLLED_BACK, ALREADY_INSTALLED);
    next(VERIFYING, SUCCEEDED, FAILED, ROLLED_BACK);
    next(RETRY_PENDING, PENDING, CANCELLED);
    for (DeploymentState terminal : EnumSet.of(SUCCEEDED, FAILED, ROLLED_BACK, CANCELLED, ALREADY_INSTALLED,
        FAILED_VERIFICATION)) {
      NEXT.put(terminal, EnumSet.noneOf(DeploymentState.class));
    }
    for (DeploymentState state : values()) {
      REACHABLE.put(state, reachableFrom(state));
    }
  }

  private static void next(DeploymentState from, DeploymentState... to) {
    NEXT.put(from, EnumSet.of(to[0], to));
  }

  private static Set<DeploymentState> reachableFrom(DeploymentState start) {
    Set<DeploymentState> seen = EnumSet.noneOf(DeploymentState.class);
    Deque<DeploymentState> todo = new ArrayDeque<>(NEXT.get(start));
    while (!todo.isEmpty()) {
      DeploymentState state = todo.pop();
      if (seen.add(state)) {
        todo.addAll(NEXT.get(state));
      }
    }
    return seen;
  }

  /** The direct successors in the agent's table. */
  public Set<DeploymentState> next() {
    return NEXT.get(this).isEmpty() ? EnumSet.noneOf(DeploymentState.class) : EnumSet.copyOf(NEXT.get(this));
  }

  /** Whether the server accepts a report moving a deployment from this state to {@code target} (see class doc). */
  public boolean accepts(DeploymentState target) {
    return (target == this && !isTerminal()) || REACHABLE.get(this).contains(target);
  }

  /** Final: nothing may follow (for this attempt). */
  public boolean isTerminal() {
    return NEXT.get(this).isEmpty();
  }

  /** The server's own states, never reported by an agent. */
  public boolean serverOnly() {
    return this == QUEUED || this == PENDING || this == RETRY_PENDING;
  }

  /** The installer has been allowed to run (or ran): the install permit was granted for this attempt. */
  public boolean installStarted() {
    return this == INSTALLING || this == VERIFYING || this == SUCCEEDED || this == ROLLED_BACK;
  }

  /** Nothing has changed on the endpoint yet: the deployment can still be cancelled without harm. */
  public boolean cancellable() {
    return !isTerminal() && this != INSTALLING && this != VERIFYING;
  }

  /** Counts as success in campaign totals. */
  public boolean isSuccess() {
    return this == SUCCEEDED || this == ALREADY_INSTALLED;
  }

  /** Counts as failure in campaign totals. */
  public boolean isFailure() {
    return this == FAILED || this == FAILED_VERIFICATION || this == ROLLED_BACK;
  }
}
