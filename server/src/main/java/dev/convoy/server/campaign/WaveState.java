package dev.convoy.server.campaign;

/**
 * Where one wave of a campaign stands. {@code QUEUED → OPEN → SOAKING → AWAITING_GO → PASSED}, with
 * {@code OPEN | SOAKING → BREACHED} (error threshold exceeded) and {@code OPEN → STALLED} (every deployment finished
 * below the success threshold). {@link WaveGate} decides; {@link WaveController} moves.
 */
public enum WaveState {
  QUEUED, OPEN, SOAKING, AWAITING_GO, PASSED, BREACHED, STALLED;

  /** Whether the wave's deployments have been released to their endpoints. */
  public boolean opened() {
    return this != QUEUED;
  }
}
