package dev.convoy.agent.deployment;

import java.time.Instant;
import java.util.List;

/**
 * When the server will accept this deployment's INSTALLING report (the agent's mirror of
 * {@code convoy.v1.InstallGate}). The agent evaluates it with its own clock only to avoid pointless requests: the
 * server decides ({@link InstallGates}).
 *
 * @param hold the campaign is paused: do not start installing
 * @param notBefore notice receipt + lead time; null when the server has no receipt yet (the agent then estimates
 *     it from its own delivery time)
 * @param anytime no maintenance window: any time after {@code notBefore}
 * @param windows otherwise the next windows, in order
 * @param prestage the payload may be downloaded outside the windows
 * @param deadline PULL: from then on it installs like a PUSH; null: never
 * @param userRequestRequired PULL before its deadline: install only when the user asks
 * @param technicianRequired TECHNICIAN: wait in AWAITING_TECHNICIAN until {@code technicianPresent}
 */
public record InstallGate(boolean hold, Instant notBefore, boolean anytime, List<TimeWindow> windows,
    boolean prestage, Instant deadline, boolean userRequestRequired, boolean technicianRequired,
    boolean technicianPresent) {
  /**
   * The gate of a deployment from a server that sends none (the walking skeleton's): open at any time, download
   * at once.
   */
  public static final InstallGate OPEN = new InstallGate(false, null, true, List.of(), true, null, false, false,
      false);

  public InstallGate {
    windows = windows == null ? List.of() : List.copyOf(windows);
  }

  /** Whether a PULL deployment still waits for the user at {@code now} (before its deadline, if any). */
  public boolean waitsForUser(Instant now) {
    return userRequestRequired && (deadline == null || now.isBefore(deadline));
  }
}
