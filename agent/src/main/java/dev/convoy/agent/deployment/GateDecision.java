package dev.convoy.agent.deployment;

import java.time.Instant;

/**
 * What the agent's reading of a gate says now.
 *
 * @param open go ahead (the server still decides the install permit)
 * @param waitIn the state to wait in (AWAITING_WINDOW, AWAITING_TECHNICIAN), or null to wait in the current one
 *     (NOTIFIED for a PULL waiting for its user, DEFERRED, or before a download)
 * @param recheckAt the next instant the gate names, or null: only a hint or a new desired state can open it
 * @param resync every window the server listed is over: ask for a fresh desired state (newer windows)
 * @param reason why it is closed, for logs and the deployment log
 */
public record GateDecision(boolean open, DeploymentState waitIn, Instant recheckAt, boolean resync, String reason) {
  static final GateDecision OPEN = new GateDecision(true, null, null, false, "open");

  static GateDecision closed(DeploymentState waitIn, Instant recheckAt, String reason) {
    return new GateDecision(false, waitIn, recheckAt, false, reason);
  }

  /** The same decision, waiting where the caller stands. */
  GateDecision stay() {
    return new GateDecision(open, null, recheckAt, resync, reason);
  }
}
