package dev.convoy.agent.testing;

import com.google.protobuf.ByteString;
import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DesiredState;
import dev.convoy.protocol.v1.DownloadChunk;
import dev.convoy.protocol.v1.DownloadRequest;
import dev.convoy.protocol.v1.Fact;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.InventoryAck;
import dev.convoy.protocol.v1.InventoryReport;
import dev.convoy.protocol.v1.InventoryRequest;
import dev.convoy.protocol.v1.InventorySnapshot;
import dev.convoy.protocol.v1.RevisionReady;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.protocol.v1.StatusAck;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.protocol.v1.SyncRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A real implementation of {@code AgentService} for agent tests (in-process, never a mocked stub): serves a
 * desired state and payloads, records reports, inventories and session messages, and can misbehave on demand
 * (tampered chunk, bytes beyond the declared length, a stream cut short, reports refused). Inventory reports are
 * applied as docs/inventory.md says the server does: a full report replaces the view; a delta applies only if its
 * base is the stored hash and the result hashes to its {@code inventory_sha256}, else nothing changes and the
 * ack says {@code full_report_required}. The hash is computed here independently of the agent's code.
 */
public final class TestAgentService extends AgentServiceGrpc.AgentServiceImplBase {
  public final List<StatusReport> reports = new CopyOnWriteArrayList<>();
  public final List<InventoryReport> inventories = new CopyOnWriteArrayList<>();
  public final List<AgentMessage> sessionMessages = new CopyOnWriteArrayList<>();
  public final List<Long> downloadOffsets = new CopyOnWriteArrayList<>();
  public final AtomicLong servedBytes = new AtomicLong();
  public final AtomicInteger syncCalls = new AtomicInteger();
  public final AtomicInteger sessionsOpened = new AtomicInteger();
  /** Reports that came on a Session stream (also listed in {@link #reports}). */
  public final List<StatusReport> sessionReports = new CopyOnWriteArrayList<>();
  private volatile int sessionReportWindow; // > 0: Hello is answered with SessionAccepted allowing this many
  private volatile boolean loseSessionAcks;

  private final Map<String, TestPayload> payloads = new HashMap<>();
  private final Map<String, Long> lastSequence = new HashMap<>();
  private final List<StreamObserver<ServerHint>> sessions = new CopyOnWriteArrayList<>();
  private volatile DesiredState desired = DesiredState.newBuilder().setRevision(0).build();
  private volatile int tamperChunk = -1;
  private volatile boolean extraChunk;
  private volatile int cutAfterChunks = -1;
  private final AtomicInteger refuseReports = new AtomicInteger();
  private final AtomicInteger refuseSyncs = new AtomicInteger();
  private volatile Status refusal = Status.UNAVAILABLE;
  private volatile java.util.function.Consumer<StatusReport> onReport = report -> { };
  private final TreeMap<String, FactValue> inventoryView = new TreeMap<>(); // guarded by this
  private String inventorySha256 = "";                                      // guarded by this
  private int refuseInventories;                                            // guarded by this

  /** From now on, sessions are accepted for status reports, {@code window} in flight (the server's behaviour). */
  public void acceptReportsOnSessions(int window) {
    sessionReportWindow = window;
  }

  /** From now on, a report on a session is applied but its ack is lost: the session ends with UNAVAILABLE. */
  public void loseSessionAcks() {
    loseSessionAcks = true;
  }

  /** Runs {@code hook} on every report as it arrives, before it is acknowledged. */
  public void onReport(java.util.function.Consumer<StatusReport> hook) {
    onReport = hook;
  }

  /** A desired state listing {@link TestRelease#KEY} as the trusted publisher key. */
  public synchronized void desire(long revision, DeploymentSpec... specs) {
    desire(revision, List.of(TestRelease.keyProto()), specs);
  }

  /** A desired state that also lists the publisher keys the agent must verify signed releases against. */
  public synchronized void desire(long revision, List<dev.convoy.protocol.v1.PublisherKey> keys,
      DeploymentSpec... specs) {
    desired = DesiredState.newBuilder().setRevision(revision).addAllDeployments(Arrays.asList(specs))
        .addAllTrustedPublisherKeys(keys).build();
  }

  public synchronized void serve(String deploymentId, TestPayload payload) {
    payloads.put(deploymentId, payload);
  }

  /** Flips a byte in chunk {@code index} of every later download. */
  public void tamperChunk(int index) {
    tamperChunk = index;
  }

  /** Sends one more chunk after the last one. */
  public void sendBeyondLength() {
    extraChunk = true;
  }

  /** The next download fails with UNAVAILABLE after {@code chunks} chunks. */
  public void cutNextDownloadAfter(int chunks) {
    cutAfterChunks = chunks;
  }

  /** The next {@code count} reports are refused with {@code status} (nothing recorded). */
  public void refuseReports(int count, Status status) {
    refusal = status;
    refuseReports.set(count);
  }

  /** The next {@code count} Sync calls fail with UNAVAILABLE (a server restarting). */
  public void refuseSyncs(int count) {
    refuseSyncs.set(count);
  }

  /** Sends a RevisionReady hint on every open session. */
  public void hintRevision(long revision) {
    sessions.forEach(s -> s.onNext(ServerHint.newBuilder().setRevisionReady(RevisionReady.newBuilder().setRevision(revision)).build()));
  }

  public void requestInventory() {
    sessions.forEach(s -> s.onNext(ServerHint.newBuilder().setInventoryRequest(InventoryRequest.getDefaultInstance()).build()));
  }

  /** Ends every open session cleanly. */
  public void closeSessions() {
    sessions.forEach(StreamObserver::onCompleted);
    sessions.clear();
  }

  /** Reports received for {@code deploymentId}, in order. */
  public List<StatusReport> reportsFor(String deploymentId) {
    return reports.stream().filter(r -> r.getDeploymentId().equals(deploymentId)).toList();
  }

  public List<DeploymentState> statesFor(String deploymentId) {
    return reportsFor(deploymentId).stream().map(StatusReport::getState).toList();
  }

  /**
   * Waits until {@code condition} holds: woken by every server event, and re-checked every 20 ms for conditions
   * on agent-side state. @throws AssertionError after {@code timeout}
   */
  public synchronized void await(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("condition not met within " + timeout + "; reports=" + reports.stream()
            .map(r -> r.getDeploymentId() + "#" + r.getSequence() + ":" + r.getState()).toList());
      }
      try {
        wait(Math.max(1, Math.min(20, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** Waits until {@code deploymentId} was reported in a terminal state; returns its reports. */
  public List<StatusReport> awaitTerminal(String deploymentId) {
    await(() -> reportsFor(deploymentId).stream().anyMatch(r -> terminal(r.getState())), Duration.ofSeconds(10));
    return reportsFor(deploymentId);
  }

  private synchronized void changed() {
    notifyAll();
  }

  static boolean terminal(DeploymentState state) {
    return switch (state) {
      case SUCCEEDED, FAILED, ROLLED_BACK, CANCELLED, ALREADY_INSTALLED, FAILED_VERIFICATION -> true;
      default -> false;
    };
  }

  @Override
  public void sync(SyncRequest request, StreamObserver<DesiredState> response) {
    syncCalls.incrementAndGet();
    if (refuseSyncs.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      response.onError(Status.UNAVAILABLE.withDescription("test refusal").asRuntimeException());
      changed();
      return;
    }
    response.onNext(desired);
    response.onCompleted();
    changed();
  }

  @Override
  public void reportStatus(StatusReport report, StreamObserver<StatusAck> response) {
    StatusAck ack;
    try {
      ack = answer(report);
    } catch (io.grpc.StatusRuntimeException e) {
      response.onError(e);
      changed();
      return;
    }
    response.onNext(ack);
    response.onCompleted();
    changed();
  }

  /** Applies {@code report} (unary or on a session alike). @throws io.grpc.StatusRuntimeException a refusal */
  private StatusAck answer(StatusReport report) {
    if (refuseReports.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw refusal.withDescription("test refusal").asRuntimeException();
    }
    onReport.accept(report);
    boolean applied;
    synchronized (this) {
      String key = report.getDeploymentId() + "/" + report.getAttempt();
      applied = report.getSequence() > lastSequence.getOrDefault(key, 0L);
      if (applied) {
        lastSequence.put(key, report.getSequence());
      }
      reports.add(report);
    }
    return StatusAck.newBuilder().setApplied(applied).setCurrentState(report.getState())
        .setCurrentSequence(report.getSequence()).build();
  }

  /** A report on a session: answered with a ReportAck as the server does (or lost with the session). */
  private void sessionReport(StatusReport report, StreamObserver<ServerHint> hints) {
    sessionReports.add(report);
    dev.convoy.protocol.v1.ReportAck.Builder ack = dev.convoy.protocol.v1.ReportAck.newBuilder()
        .setDeploymentId(report.getDeploymentId()).setAttempt(report.getAttempt()).setSequence(report.getSequence());
    try {
      ack.setAck(answer(report));
    } catch (io.grpc.StatusRuntimeException e) {
      ack.setError(dev.convoy.protocol.v1.ReportError.newBuilder().setCode(e.getStatus().getCode().value())
          .setMessage(e.getStatus().getDescription()));
    }
    synchronized (hints) {
      if (loseSessionAcks) {
        sessions.remove(hints);
        hints.onError(Status.UNAVAILABLE.withDescription("test: connection lost").asRuntimeException());
      } else {
        hints.onNext(ServerHint.newBuilder().setReportAck(ack).build());
      }
    }
    changed();
  }

  @Override
  public void reportInventory(InventoryReport report, StreamObserver<InventoryAck> response) {
    InventoryAck ack;
    synchronized (this) {
      inventories.add(report);
      ack = applyInventory(report);
    }
    response.onNext(ack);
    response.onCompleted();
    changed();
  }

  private InventoryAck applyInventory(InventoryReport report) {
    boolean refused = refuseInventories > 0;
    refuseInventories = Math.max(0, refuseInventories - 1);
    TreeMap<String, FactValue> next = new TreeMap<>();
    if (report.hasFull()) {
      report.getFull().getFactsList().forEach(f -> next.put(f.getPath(), f.getValue()));
    } else {
      if (!report.getDelta().getBaseSha256().equals(inventorySha256)) {
        refused = true;
      }
      next.putAll(inventoryView);
      report.getDelta().getSetList().forEach(f -> next.put(f.getPath(), f.getValue()));
      report.getDelta().getRemovedList().forEach(next::remove);
    }
    if (refused || !sha256(next).equals(report.getInventorySha256())) {
      return InventoryAck.newBuilder().setFullReportRequired(true).setServerSha256(inventorySha256).build();
    }
    inventoryView.clear();
    inventoryView.putAll(next);
    inventorySha256 = sha256(next);
    return InventoryAck.newBuilder().setServerSha256(inventorySha256).build();
  }

  /** The canonical hash, computed as the server does: facts sorted by path, InventorySnapshot, SHA-256 hex. */
  public static String sha256(Map<String, FactValue> facts) {
    InventorySnapshot.Builder snapshot = InventorySnapshot.newBuilder();
    new TreeMap<>(facts).forEach((path, value) -> snapshot.addFacts(Fact.newBuilder().setPath(path).setValue(value)));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot.build().toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The facts the server holds for this endpoint now. */
  public synchronized Map<String, FactValue> inventoryView() {
    return new TreeMap<>(inventoryView);
  }

  public synchronized String inventorySha256() {
    return inventorySha256;
  }

  /** Corrupts the stored view behind the agent's back (one fact dropped): the next delta no longer applies. */
  public synchronized void corruptInventory() {
    if (!inventoryView.isEmpty()) {
      inventoryView.remove(inventoryView.firstKey());
    }
  }

  /** The next {@code count} inventory reports are answered with full_report_required (nothing applied). */
  public synchronized void refuseInventories(int count) {
    refuseInventories = count;
  }

  /** The inventory reports received so far whose reason is {@code reason}. */
  public List<InventoryReport> inventoriesWithReason(String reason) {
    return inventories.stream().filter(r -> r.getReason().equals(reason)).toList();
  }

  @Override
  public void download(DownloadRequest request, StreamObserver<DownloadChunk> response) {
    TestPayload payload;
    synchronized (this) {
      payload = payloads.get(request.getDeploymentId());
    }
    if (payload == null) {
      response.onError(Status.NOT_FOUND.withDescription("no such deployment: " + request.getDeploymentId()).asRuntimeException());
      return;
    }
    if (request.getOffset() % payload.chunkSize() != 0 || request.getOffset() > payload.length()) {
      response.onError(Status.INVALID_ARGUMENT.withDescription("offset: " + request.getOffset()).asRuntimeException());
      return;
    }
    downloadOffsets.add(request.getOffset());
    streamChunks(payload, request.getOffset(), (ServerCallStreamObserver<DownloadChunk>) response);
    changed();
  }

  private void streamChunks(TestPayload payload, long from, ServerCallStreamObserver<DownloadChunk> response) {
    int cut = cutAfterChunks;
    cutAfterChunks = -1;
    int sent = 0;
    for (long offset = from; offset < payload.length(); offset += payload.chunkSize()) {
      if (sent == cut) {
        response.onError(Status.UNAVAILABLE.withDescription("test: connection lost").asRuntimeException());
        return;
      }
      if (response.isCancelled()) {
        return;
      }
      byte[] data = Arrays.copyOfRange(payload.bytes(), (int) offset, (int) Math.min(payload.length(), offset + payload.chunkSize()));
      if (offset / payload.chunkSize() == tamperChunk) {
        data[0] ^= 0x5a;
      }
      send(response, offset, data);
      sent++;
    }
    if (extraChunk) {
      send(response, payload.length(), new byte[payload.chunkSize()]);
    }
    response.onCompleted();
  }

  private void send(StreamObserver<DownloadChunk> response, long offset, byte[] data) {
    try {
      response.onNext(DownloadChunk.newBuilder().setOffset(offset).setData(ByteString.copyFrom(data)).build());
      servedBytes.addAndGet(data.length);
    } catch (RuntimeException e) {
      // the client cancelled: nothing more to serve
    }
  }

  @Override
  public StreamObserver<AgentMessage> session(StreamObserver<ServerHint> hints) {
    sessions.add(hints);
    sessionsOpened.incrementAndGet();
    changed();
    return new StreamObserver<>() {
      @Override
      public void onNext(AgentMessage message) {
        sessionMessages.add(message);
        if (message.hasHello() && sessionReportWindow > 0) {
          synchronized (hints) {
            hints.onNext(ServerHint.newBuilder().setSessionAccepted(dev.convoy.protocol.v1.SessionAccepted
                .newBuilder().setMaxReportsInFlight(sessionReportWindow)).build());
          }
        } else if (message.hasStatus()) {
          sessionReport(message.getStatus(), hints);
        }
        changed();
      }

      @Override
      public void onError(Throwable t) {
        sessions.remove(hints);
        changed();
      }

      @Override
      public void onCompleted() {
        sessions.remove(hints);
        hints.onCompleted();
        changed();
      }
    };
  }

  /** A copy of the reports so far, for assertions that must not see later ones. */
  public List<StatusReport> reportsSnapshot() {
    return new ArrayList<>(reports);
  }
}
