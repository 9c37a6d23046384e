package dev.convoy.agent.deployment;

import static dev.convoy.agent.deployment.DeploymentState.ALREADY_INSTALLED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADING;
import static dev.convoy.agent.deployment.DeploymentState.FAILED;
import static dev.convoy.agent.deployment.DeploymentState.FAILED_VERIFICATION;
import static dev.convoy.agent.deployment.DeploymentState.INSTALLING;
import static dev.convoy.agent.deployment.DeploymentState.OFFERED;
import static dev.convoy.agent.deployment.DeploymentState.ROLLED_BACK;
import static dev.convoy.agent.deployment.DeploymentState.SUCCEEDED;
import static dev.convoy.agent.deployment.DeploymentState.VERIFYING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The agent's deployment transition table: the one place that says which state may follow which.
 * Every state change goes through {@link #require}; anything else is a bug, not a runtime condition.
 *
 * <pre>
 *   OFFERED      → DOWNLOADING          payload needed
 *                → INSTALLING           uninstall (no payload)
 *                → ALREADY_INSTALLED    detected before downloading: nothing to do
 *                → FAILED               unknown installer, malformed release
 *   DOWNLOADING  → DOWNLOADED           length and SHA-256 verified
 *                → FAILED_VERIFICATION  a chunk, the length or the hash disagrees with the manifest
 *                → FAILED               the server refused the download, disk error
 *   DOWNLOADED   → INSTALLING           lifecycle: stage / install
 *                → ALREADY_INSTALLED    lifecycle: detect found this version
 *                → FAILED_VERIFICATION  a signed release failed verification (signature, content, downgrade)
 *                → FAILED               the lifecycle failed before switching anything
 *   INSTALLING   → VERIFYING            lifecycle: verify
 *                → SUCCEEDED            uninstall done
 *                → ROLLED_BACK | FAILED install failed (previous version restored, or not)
 *   VERIFYING    → SUCCEEDED            committed
 *                → ROLLED_BACK | FAILED verify or commit failed
 * </pre>
 * Later issues add NOTIFIED, DEFERRED, AWAITING_WINDOW, AWAITING_TECHNICIAN and CANCELLED here.
 *
 * <p>Thread-safe (immutable).
 */
public final class Transitions {
  private static final Map<DeploymentState, Set<DeploymentState>> ALLOWED = new EnumMap<>(DeploymentState.class);

  static {
    ALLOWED.put(OFFERED, EnumSet.of(DOWNLOADING, INSTALLING, ALREADY_INSTALLED, FAILED));
    ALLOWED.put(DOWNLOADING, EnumSet.of(DOWNLOADED, FAILED_VERIFICATION, FAILED));
    ALLOWED.put(DOWNLOADED, EnumSet.of(INSTALLING, ALREADY_INSTALLED, FAILED_VERIFICATION, FAILED));
    ALLOWED.put(INSTALLING, EnumSet.of(VERIFYING, SUCCEEDED, ROLLED_BACK, FAILED));
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
