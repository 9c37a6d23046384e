package dev.convoy.agent.deployment;

import static dev.convoy.agent.deployment.DeploymentState.ALREADY_INSTALLED;
import static dev.convoy.agent.deployment.DeploymentState.AWAITING_TECHNICIAN;
import static dev.convoy.agent.deployment.DeploymentState.AWAITING_WINDOW;
import static dev.convoy.agent.deployment.DeploymentState.CANCELLED;
import static dev.convoy.agent.deployment.DeploymentState.DEFERRED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADING;
import static dev.convoy.agent.deployment.DeploymentState.FAILED;
import static dev.convoy.agent.deployment.DeploymentState.FAILED_VERIFICATION;
import static dev.convoy.agent.deployment.DeploymentState.INSTALLING;
import static dev.convoy.agent.deployment.DeploymentState.NOTIFIED;
import static dev.convoy.agent.deployment.DeploymentState.OFFERED;
import static dev.convoy.agent.deployment.DeploymentState.ROLLED_BACK;
import static dev.convoy.agent.deployment.DeploymentState.SUCCEEDED;
import static dev.convoy.agent.deployment.DeploymentState.VERIFYING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The agent's deployment transition table: the one place that says which state may follow which (ISSUE 4's agent
 * chain). Every state change goes through {@link #require}; anything else is a bug, not a runtime condition.
 *
 * <pre>
 *   OFFERED             → NOTIFIED             the notice was shown (its delivery receipt)
 *                       → ALREADY_INSTALLED    detected before anything: nothing to do
 *                       → FAILED_VERIFICATION  not a signed release file (unsigned): nothing downloaded or run
 *                       → FAILED               unknown installer, malformed release
 *                       → CANCELLED            no longer listed by the server (local only, never reported)
 *   NOTIFIED            → DOWNLOADING          download gate open (prestage, in a window, the user asked)
 *                       → AWAITING_WINDOW      uninstall (no payload), install gate closed
 *                       → AWAITING_TECHNICIAN  uninstall, waiting for the technician
 *                       → INSTALLING           uninstall, install permit granted
 *                       → DEFERRED             the user postponed it
 *                       → FAILED               a conflict, an OS requirement, a dependency missing or in a cycle
 *                       → CANCELLED
 *   DEFERRED            → DEFERRED             the user extended the deferral
 *                       → DOWNLOADING | AWAITING_WINDOW | AWAITING_TECHNICIAN | INSTALLING   as the gate says after it
 *                       → FAILED               as from NOTIFIED
 *                       → CANCELLED
 *   DOWNLOADING         → DOWNLOADED           length and SHA-256 verified
 *                       → FAILED_VERIFICATION  a chunk, the length or the hash disagrees with the manifest
 *                       → FAILED               the server refused the download, disk error
 *                       → CANCELLED
 *   DOWNLOADED          → INSTALLING           install permit granted
 *                       → AWAITING_WINDOW      install gate closed (outside a window, lead time, paused)
 *                       → AWAITING_TECHNICIAN  TECHNICIAN and nobody present
 *                       → DEFERRED             the user postponed it
 *                       → FAILED_VERIFICATION  a signed release failed verification (signature, content, downgrade)
 *                       → FAILED               payload lost and not fetched again, release file unreadable
 *                       → CANCELLED
 *   AWAITING_WINDOW     → INSTALLING | AWAITING_TECHNICIAN | DEFERRED | FAILED_VERIFICATION | FAILED | CANCELLED
 *   AWAITING_TECHNICIAN → INSTALLING | AWAITING_WINDOW | FAILED_VERIFICATION | FAILED | CANCELLED
 *   INSTALLING          → VERIFYING            lifecycle: verify
 *                       → SUCCEEDED            uninstall done
 *                       → ALREADY_INSTALLED    lifecycle: detect found this version
 *                       → ROLLED_BACK | FAILED install failed (previous version restored, or not)
 *   VERIFYING           → SUCCEEDED            committed
 *                       → ROLLED_BACK | FAILED verify or commit failed
 * </pre>
 * From INSTALLING on, the server has granted the install permit: nothing cancels the attempt locally any more.
 *
 * <p>Thread-safe (immutable).
 */
public final class Transitions {
  private static final Map<DeploymentState, Set<DeploymentState>> ALLOWED = new EnumMap<>(DeploymentState.class);

  static {
    ALLOWED.put(OFFERED, EnumSet.of(NOTIFIED, ALREADY_INSTALLED, FAILED_VERIFICATION, FAILED, CANCELLED));
    ALLOWED.put(NOTIFIED, EnumSet.of(DOWNLOADING, AWAITING_WINDOW, AWAITING_TECHNICIAN, INSTALLING, DEFERRED,
        FAILED, CANCELLED));
    ALLOWED.put(DEFERRED, EnumSet.of(DEFERRED, DOWNLOADING, AWAITING_WINDOW, AWAITING_TECHNICIAN, INSTALLING,
        FAILED, CANCELLED));
    ALLOWED.put(DOWNLOADING, EnumSet.of(DOWNLOADED, FAILED_VERIFICATION, FAILED, CANCELLED));
    ALLOWED.put(DOWNLOADED, EnumSet.of(INSTALLING, AWAITING_WINDOW, AWAITING_TECHNICIAN, DEFERRED,
        FAILED_VERIFICATION, FAILED, CANCELLED));
    ALLOWED.put(AWAITING_WINDOW, EnumSet.of(INSTALLING, AWAITING_TECHNICIAN, DEFERRED, FAILED_VERIFICATION, FAILED,
        CANCELLED));
    ALLOWED.put(AWAITING_TECHNICIAN, EnumSet.of(INSTALLING, AWAITING_WINDOW, FAILED_VERIFICATION, FAILED,
        CANCELLED));
    ALLOWED.put(INSTALLING, EnumSet.of(VERIFYING, SUCCEEDED, ALREADY_INSTALLED, ROLLED_BACK, FAILED));
    ALLOWED.put(VERIFYING, EnumSet.of(SUCCEEDED, ROLLED_BACK, FAILED));
  }

  private Transitions() {}

  /** Whether {@code to} may follow {@code from}. */
  public static boolean allowed(DeploymentState from, DeploymentState to) {
    return ALLOWED.getOrDefault(from, Set.of()).contains(to);
  }

  /** The states that may follow {@code from} (empty for terminal states). */
  public static Set<DeploymentState> next(DeploymentState from) {
    Set<DeploymentState> next = ALLOWED.get(from);
    return next == null ? Set.of() : EnumSet.copyOf(next);
  }

  /** Whether the user may defer a deployment in {@code state} (NOTIFIED, DOWNLOADED, AWAITING_WINDOW, DEFERRED). */
  public static boolean deferrable(DeploymentState state) {
    return allowed(state, DEFERRED);
  }

  /** Whether a deployment in {@code state} has not been granted its install permit yet (and may be cancelled). */
  public static boolean beforeInstalling(DeploymentState state) {
    return allowed(state, CANCELLED);
  }

  /**
   * Checks a transition.
   *
   * @throws IllegalStateException if the table does not allow it
   */
  public static void require(DeploymentState from, DeploymentState to) {
    if (!allowed(from, to)) {
      throw new IllegalStateException("deployment transition " + from + " -> " + to + " (expected one of: "
          + next(from) + ")");
    }
  }
}
