package dev.convoy.server.campaign;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state of one deployment, and the agent's transition table (DESIGN.md "Agent"):
 * {@code PENDING → OFFERED → NOTIFIED → (DEFERRED) → DOWNLOADING → DOWNLOADED → AWAITING_WINDOW /
 * AWAITING_TECHNICIAN → INSTALLING → VERIFYING → SUCCEEDED | FAILED | ROLLED_BACK}, plus CANCELLED,
 * ALREADY_INSTALLED and FAILED_VERIFICATION.
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
  FAILED_VERIFICATION;

  private static final Map<DeploymentState, Set<DeploymentState>> NEXT = new EnumMap<>(DeploymentState.class);
  private static final Map<DeploymentState, Set<DeploymentState>> REACHABLE = new EnumMap<>(DeploymentState.class);

  static {
    next(PENDING, OFFERED, CANCELLED);
    next(OFFERED, NOTIFIED, DOWNLOADING, ALREADY_INSTALLED, CANCELLED, FAILED);
    next(NOTIFIED, DEFERRED, DOWNLOADING, ALREADY_INSTALLED, CANCELLED, FAILED);
    next(DEFERRED, NOTIFIED, DOWNLOADING, ALREADY_INSTALLED, CANCELLED, FAILED);
    next(DOWNLOADING, DOWNLOADED, FAILED_VERIFICATION, CANCELLED, FAILED);
    next(DOWNLOADED, AWAITING_WINDOW, AWAITING_TECHNICIAN, INSTALLING, ALREADY_INSTALLED, FAILED_VERIFICATION,
        CANCELLED, FAILED);
    next(AWAITING_WINDOW, AWAITING_TECHNICIAN, INSTALLING, CANCELLED, FAILED);
    next(AWAITING_TECHNICIAN, INSTALLING, CANCELLED, FAILED);
    next(INSTALLING, VERIFYING, SUCCEEDED, FAILED, ROLLED_BACK);
    next(VERIFYING, SUCCEEDED, FAILED, ROLLED_BACK);
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

  /** Counts as success in campaign totals. */
  public boolean isSuccess() {
    return this == SUCCEEDED || this == ALREADY_INSTALLED;
  }

  /** Counts as failure in campaign totals. */
  public boolean isFailure() {
    return this == FAILED || this == FAILED_VERIFICATION || this == ROLLED_BACK;
  }
}
