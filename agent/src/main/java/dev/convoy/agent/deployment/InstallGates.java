package dev.convoy.agent.deployment;

import static dev.convoy.agent.deployment.DeploymentState.AWAITING_TECHNICIAN;
import static dev.convoy.agent.deployment.DeploymentState.AWAITING_WINDOW;

import java.time.Instant;

/**
 * The agent's reading of a deployment's {@link InstallGate} with its own clock (ISSUE 4 "Server gate for
 * INSTALLING" and "Download gate"). It only avoids pointless requests: the server decides the permit with its
 * clock. Checked in this order: a deferral, a paused campaign, a PULL waiting for its user, the notice lead time
 * (not for a user-initiated PULL), a technician (windows do not apply), a user-initiated PULL (any time), then the
 * windows. Thread-safe (stateless).
 */
public final class InstallGates {
  private InstallGates() {}

  /** Whether the installer may start now, as far as the agent can tell; else where to wait and until when. */
  public static GateDecision install(DeploymentSpec spec, AttemptNotes notes, Instant now) {
    CampaignTerms terms = spec.terms();
    InstallGate gate = terms.gate();
    Instant deferred = later(notes.deferredUntil(), terms.deferral().deferredUntil());
    if (deferred != null && now.isBefore(deferred)) {
      return GateDecision.closed(null, deferred, "deferred by the user until " + deferred);
    }
    if (gate.hold()) {
      return GateDecision.closed(AWAITING_WINDOW, null, "the campaign is paused");
    }
    boolean pullBeforeDeadline = gate.waitsForUser(now);
    if (pullBeforeDeadline && !notes.installRequested()) {
      return GateDecision.closed(null, gate.deadline(), "waiting for the user to ask (convoy-agent install "
          + spec.release().name() + ")" + (gate.deadline() == null ? "" : " or the deadline " + gate.deadline()));
    }
    boolean technician = terms.execution() == Execution.TECHNICIAN || gate.technicianRequired();
    Instant notBefore = notBefore(terms, notes);
    if (!pullBeforeDeadline && notBefore != null && now.isBefore(notBefore)) {
      return GateDecision.closed(technician ? AWAITING_TECHNICIAN : AWAITING_WINDOW, notBefore,
          "notice lead time: not before " + notBefore);
    }
    if (technician) {
      return gate.technicianPresent() ? GateDecision.OPEN
          : GateDecision.closed(AWAITING_TECHNICIAN, null, "waiting for a technician at this endpoint");
    }
    if (pullBeforeDeadline || gate.anytime()) {
      return GateDecision.OPEN;
    }
    return windows(gate, now);
  }

  /**
   * Whether the payload may be downloaded now: at once with prestage, for a technician (who should not wait for
   * it) or after the user asked; a PULL waits for its user; otherwise only when the install gate would be open.
   * A closed download gate always waits where the deployment stands.
   */
  public static GateDecision download(DeploymentSpec spec, AttemptNotes notes, Instant now) {
    CampaignTerms terms = spec.terms();
    InstallGate gate = terms.gate();
    Instant deferred = later(notes.deferredUntil(), terms.deferral().deferredUntil());
    if (deferred != null && now.isBefore(deferred)) {
      return GateDecision.closed(null, deferred, "deferred by the user until " + deferred);
    }
    if (gate.waitsForUser(now)) {
      return notes.installRequested() ? GateDecision.OPEN : install(spec, notes, now).stay();
    }
    if (gate.prestage() || terms.execution() == Execution.TECHNICIAN || gate.technicianRequired()) {
      return GateDecision.OPEN;
    }
    GateDecision install = install(spec, notes, now);
    return install.open() ? install : install.stay();
  }

  /** The server's {@code not_before}, else the agent's estimate: its own delivery time + the lead time. */
  static Instant notBefore(CampaignTerms terms, AttemptNotes notes) {
    if (terms.gate().notBefore() != null) {
      return terms.gate().notBefore();
    }
    return notes.notifiedAt() == null ? null : notes.notifiedAt().plus(terms.notice().leadTime());
  }

  private static GateDecision windows(InstallGate gate, Instant now) {
    Instant lastEnd = null;
    for (TimeWindow window : gate.windows()) {
      if (window.contains(now)) {
        return GateDecision.OPEN;
      }
      if (window.start().isAfter(now)) {
        return GateDecision.closed(AWAITING_WINDOW, window.start(), "outside the maintenance windows; next opens "
            + window.start());
      }
      lastEnd = lastEnd == null || window.end().isAfter(lastEnd) ? window.end() : lastEnd;
    }
    // Every listed window is over (the last ended at lastEnd): the server lists newer ones at the next sync.
    return new GateDecision(false, AWAITING_WINDOW, null, !gate.windows().isEmpty(), gate.windows().isEmpty()
        ? "no maintenance window listed" : "every listed maintenance window is over (last ended " + lastEnd + ")");
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
