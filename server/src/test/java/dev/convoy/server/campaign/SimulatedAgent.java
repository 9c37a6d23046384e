package dev.convoy.server.campaign;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workstation agent reduced to its protocol (agent.proto, /work docs ISSUE4): it reads its desired state and walks
 * each deployment as far as the server lets it — OFFERED, NOTIFIED (the notice receipt), the download when allowed,
 * then the synchronous INSTALLING report (the install permit), and the installer's outcome. A refused permit leaves
 * it waiting in AWAITING_WINDOW or AWAITING_TECHNICIAN until the next {@link #step()}. It calls the same
 * {@link DeploymentService} methods the gRPC service does, with the server's clock; tests drive time and call
 * {@link #step()} as an agent's timer or a hint would.
 */
final class SimulatedAgent {
  /** What the installer does on this endpoint. */
  enum Behaviour { SUCCEED, FAIL, FAIL_RETRYABLE, HANG_DOWNLOADING, OFFLINE }

  final String endpointId;
  private final DeploymentService server;
  private final Clock clock;
  Behaviour behaviour = Behaviour.SUCCEED;
  int exitCode = 1;
  private final Map<String, Local> local = new HashMap<>();
  private final Set<String> userRequests = new HashSet<>();
  /** Every INSTALLING permit granted to this agent: (deployment id, server time). */
  final List<Instant> permits = new ArrayList<>();
  /** When each download completed. */
  final List<Instant> downloads = new ArrayList<>();
  final List<String> refusals = new ArrayList<>();

  private static final class Local {
    int attempt;
    long sequence;
    DeploymentState state;
    boolean downloaded;
  }

  SimulatedAgent(String endpointId, DeploymentService server, Clock clock) {
    this.endpointId = endpointId;
    this.server = server;
    this.clock = clock;
  }

  /** The user asks for the campaign's release in the self-service catalogue (PULL). */
  void userRequests(String campaignId) {
    userRequests.add(campaignId);
  }

  /** One pass over the desired state, as far as the server lets each deployment go. */
  void step() {
    if (behaviour == Behaviour.OFFLINE) {
      return;
    }
    for (DesiredState.Assignment a : server.desiredState(endpointId).assignments()) {
      walk(a);
    }
  }

  private void walk(DesiredState.Assignment a) {
    Deployment d = a.deployment();
    Local l = local.computeIfAbsent(d.id(), id -> new Local());
    if (l.attempt < d.attempt()) {
      l.attempt = d.attempt();
      l.sequence = 0;
      l.state = null;
      l.downloaded = false;
    }
    if (l.state != null && l.state.isTerminal()) {
      return;
    }
    if (l.state == null) {
      report(d, l, DeploymentState.OFFERED, false, false);
    }
    if (l.state == DeploymentState.OFFERED) {
      report(d, l, DeploymentState.NOTIFIED, false, false);
    }
    boolean pullWaiting = a.gate().userRequestRequired() && !userRequests.contains(d.campaignId());
    if (pullWaiting) {
      return;
    }
    boolean uninstall = a.action() == DeploymentAction.UNINSTALL;
    if (l.state == DeploymentState.DOWNLOADING && behaviour == Behaviour.HANG_DOWNLOADING) {
      return; // stuck: never reports again
    }
    if (!uninstall && !l.downloaded && (a.gate().prestage() || gateLooksOpen(a.gate()))) {
      report(d, l, DeploymentState.DOWNLOADING, false, false);
      if (behaviour == Behaviour.HANG_DOWNLOADING) {
        return;
      }
      report(d, l, DeploymentState.DOWNLOADED, false, false);
      l.downloaded = true;
      downloads.add(clock.instant());
    }
    if (!uninstall && !l.downloaded) {
      return;
    }
    if (!askPermit(d, l, userRequests.contains(d.campaignId()))) {
      DeploymentState waiting = a.gate().technicianRequired()
          ? DeploymentState.AWAITING_TECHNICIAN : DeploymentState.AWAITING_WINDOW;
      if (l.state != waiting && l.state != DeploymentState.AWAITING_TECHNICIAN) {
        report(d, l, waiting, false, false);
      }
      return;
    }
    permits.add(clock.instant());
    switch (behaviour) {
      case SUCCEED -> {
        report(d, l, DeploymentState.VERIFYING, false, false);
        report(d, l, DeploymentState.SUCCEEDED, false, false);
      }
      case FAIL -> report(d, l, DeploymentState.FAILED, false, false);
      case FAIL_RETRYABLE -> report(d, l, DeploymentState.FAILED, false, true);
      default -> { }
    }
  }

  /** The agent's own reading of the gate, only to avoid pointless downloads (the server decides installs). */
  private boolean gateLooksOpen(InstallGate.View gate) {
    Instant now = clock.instant();
    return gate.anytime() || gate.windows().stream().anyMatch(w -> !now.isBefore(w.start()) && now.isBefore(w.end()));
  }

  private boolean askPermit(Deployment d, Local l, boolean userInitiated) {
    try {
      report(d, l, DeploymentState.INSTALLING, userInitiated, false);
      return true;
    } catch (ConvoyException e) {
      if (e.code() != ErrorCode.FAILED_PRECONDITION) {
        throw e;
      }
      refusals.add(e.getMessage());
      return false;
    }
  }

  /** Asks to postpone the deployment until {@code until}; returns the server's refusal, or null if accepted. */
  String defer(String campaignId, Instant until) {
    for (DesiredState.Assignment a : server.desiredState(endpointId).assignments()) {
      if (a.deployment().campaignId().equals(campaignId)) {
        Local l = local.get(a.deployment().id());
        try {
          l.sequence++;
          server.report(endpointId, new StatusReport(a.deployment().id(), l.attempt, l.sequence,
              DeploymentState.DEFERRED, "user deferred", 0, "", clock.instant(), 0, 0, until, false, false));
          l.state = DeploymentState.DEFERRED;
          return null;
        } catch (ConvoyException e) {
          return e.getMessage();
        }
      }
    }
    throw new IllegalStateException("no deployment of " + campaignId + " on " + endpointId);
  }

  private void report(Deployment d, Local l, DeploymentState state, boolean userInitiated, boolean retryable) {
    long sequence = l.sequence + 1;
    ReportResult result = server.report(endpointId, new StatusReport(d.id(), l.attempt, sequence, state,
        state.isFailure() ? "installer exited with " + exitCode : "", state.isFailure() ? exitCode : 0, "",
        clock.instant(), 0, 0, null, userInitiated, retryable));
    l.sequence = sequence;
    if (!result.applied()) {
      throw new IllegalStateException("report not applied: " + state + " answered " + result);
    }
    l.state = state;
  }
}
