package dev.convoy.agent.testing;

import dev.convoy.agent.deployment.DeploymentSpec;
import dev.convoy.agent.deployment.DeploymentState;
import dev.convoy.agent.deployment.DesiredState;
import dev.convoy.agent.deployment.InstallGate;
import dev.convoy.agent.deployment.ServerApi;
import dev.convoy.agent.deployment.ServerException;
import dev.convoy.agent.deployment.StatusAck;
import dev.convoy.agent.deployment.StatusReport;
import dev.convoy.agent.download.ChunkSink;
import dev.convoy.agent.inventory.InventoryAck;
import dev.convoy.agent.inventory.InventoryReport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link ServerApi} (a port we own) that applies ISSUE 4's server rules with the test's clock: the
 * INSTALLING gate (paused, deferred, lead time after the NOTIFIED receipt, technician, PULL user request, windows)
 * and the deferral limits, each refusal a FAILED_PRECONDITION with the reason. Reports are idempotent per
 * (deployment, attempt, sequence). Thread-safe.
 */
public final class FakeCampaignServer implements ServerApi {
  public final List<StatusReport> reports = new CopyOnWriteArrayList<>();
  public final List<StatusReport> refused = new CopyOnWriteArrayList<>();
  private final Clock clock;
  private final Map<String, DeploymentSpec> specs = new java.util.LinkedHashMap<>();
  private final Map<String, TestPayload> payloads = new HashMap<>();
  private final Map<String, StatusReport> last = new HashMap<>();
  private final Map<String, Instant> receipts = new HashMap<>();
  private long revision;
  /** Refuse every permit with this reason (null: apply the gate). */
  public volatile String refusePermits;
  /** Apply the next INSTALLING report, then fail the call as if the connection died before the answer. */
  public volatile boolean loseNextPermitAnswer;
  /** Fail the next INSTALLING report with this code without applying it (the server stopped mid-call). */
  public volatile ServerException.Code breakNextPermitCall;

  public FakeCampaignServer(Clock clock) {
    this.clock = clock;
  }

  public synchronized void desire(DeploymentSpec... deployments) {
    specs.clear();
    Arrays.stream(deployments).forEach(s -> specs.put(s.deploymentId(), s));
    revision++;
  }

  public synchronized void serve(String deploymentId, TestPayload payload) {
    payloads.put(deploymentId, payload);
  }

  public List<DeploymentState> statesFor(String deploymentId) {
    return reports.stream().filter(r -> r.deploymentId().equals(deploymentId)).map(StatusReport::state).toList();
  }

  @Override
  public synchronized DesiredState sync(long knownRevision) {
    return new DesiredState(revision, List.copyOf(specs.values()));
  }

  @Override
  public synchronized StatusAck report(StatusReport report) {
    String key = report.deploymentId() + "/" + report.attempt();
    StatusReport current = last.get(key);
    if (current != null && report.sequence() <= current.sequence()) {
      return new StatusAck(false, current.state(), current.sequence());
    }
    if (report.state() == DeploymentState.INSTALLING && breakNextPermitCall != null) {
      ServerException.Code code = breakNextPermitCall;
      breakNextPermitCall = null;
      throw new ServerException(code, "ReportStatus: the server stopped during the call", null);
    }
    String refusal = refusal(report);
    if (refusal != null) {
      refused.add(report);
      throw new ServerException(ServerException.Code.FAILED_PRECONDITION, "ReportStatus: " + refusal, null);
    }
    last.put(key, report);
    reports.add(report);
    if (report.state() == DeploymentState.NOTIFIED) {
      receipts.putIfAbsent(report.deploymentId(), clock.instant());
    }
    notifyAll();
    if (report.state() == DeploymentState.INSTALLING && loseNextPermitAnswer) {
      loseNextPermitAnswer = false;
      throw new ServerException(ServerException.Code.UNAVAILABLE, "ReportStatus: connection lost", null);
    }
    return new StatusAck(true, report.state(), report.sequence());
  }

  private String refusal(StatusReport report) {
    DeploymentSpec spec = specs.get(report.deploymentId());
    if (spec == null) {
      return null;
    }
    Instant now = clock.instant();
    if (report.state() == DeploymentState.DEFERRED) {
      var deferral = spec.terms().deferral();
      if (deferral.maxCount() == 0) {
        return "deferral is not allowed in campaign " + spec.campaignId();
      }
      if (deferral.latest() != null && report.deferredUntil().isAfter(deferral.latest())) {
        return "deferral until " + report.deferredUntil() + " ends after the deadline " + deferral.latest();
      }
      return null;
    }
    if (report.state() != DeploymentState.INSTALLING) {
      return null;
    }
    if (refusePermits != null) {
      return refusePermits;
    }
    InstallGate gate = spec.terms().gate();
    if (gate.hold()) {
      return "the campaign is paused";
    }
    StatusReport current = last.get(report.deploymentId() + "/" + report.attempt());
    if (current != null && current.state() == DeploymentState.DEFERRED && current.deferredUntil().isAfter(now)) {
      return "deferred until " + current.deferredUntil();
    }
    boolean userPull = gate.waitsForUser(now);
    if (userPull && !report.userInitiated()) {
      return "waiting for the user to ask";
    }
    Instant receipt = receipts.get(report.deploymentId());
    if (receipt == null) {
      return "notice not delivered";
    }
    Duration lead = spec.terms().notice().leadTime();
    if (!userPull && now.isBefore(receipt.plus(lead))) {
      return "notice lead time runs until " + receipt.plus(lead);
    }
    if (gate.technicianRequired()) {
      return gate.technicianPresent() ? null : "no technician present";
    }
    if (userPull || gate.anytime()) {
      return null;
    }
    return gate.windows().stream().anyMatch(w -> w.contains(now)) ? null : "outside the maintenance windows";
  }

  /** Waits (bounded) until {@code deploymentId} reached {@code state}. */
  public synchronized void await(String deploymentId, DeploymentState state) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!statesFor(deploymentId).contains(state)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + state + " within 10 s; states=" + statesFor(deploymentId));
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public InventoryAck reportInventory(InventoryReport report) {
    throw new UnsupportedOperationException("not in these tests");
  }

  @Override
  public void fetch(String deploymentId, long offset, ChunkSink sink) throws IOException {
    TestPayload payload;
    synchronized (this) {
      payload = payloads.get(deploymentId);
    }
    if (payload == null) {
      throw new ServerException(ServerException.Code.NOT_FOUND, "Download: no such deployment", null);
    }
    for (long at = offset; at < payload.length(); at += payload.chunkSize()) {
      int end = (int) Math.min(payload.length(), at + payload.chunkSize());
      sink.accept(at, ByteBuffer.wrap(Arrays.copyOfRange(payload.bytes(), (int) at, end)));
    }
  }
}
