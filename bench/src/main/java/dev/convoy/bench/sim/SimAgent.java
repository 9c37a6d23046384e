package dev.convoy.bench.sim;

import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DesiredState;
import dev.convoy.protocol.v1.Hello;
import dev.convoy.protocol.v1.Ping;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.protocol.v1.StatusAck;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.protocol.v1.SyncRequest;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One simulated agent: its own enrolled identity, mTLS channel and Session stream, speaking the real protocol like
 * {@code convoy-agent}'s session loop: Hello then Sync on every connect (a successful Sync counts as connected and
 * resets the backoff), Sync on every RevisionReady hint, a Ping every ping interval, reconnect after a full-jitter
 * exponential backoff when the stream ends, with the agent's fast phase after losing a healthy session. Its deployments are walked one at a time, each by a
 * {@link DeploymentWalk}.
 *
 * <p>Thread-safe: callbacks arrive on the fleet's executor; the request stream is guarded by this object's monitor.
 */
public final class SimAgent {
  private static final long HEALTHY_SESSION_NANOS = 30_000_000_000L;
  private static final int FAST_ATTEMPTS = 24;
  private static final long FAST_CAP_MILLIS = 10_000;
  private final int index;
  private final String endpointId;
  private final Fleet fleet;
  private final ManagedChannel channel;
  final AgentServiceGrpc.AgentServiceStub stub;
  private final Map<String, DeploymentWalk> walks = new ConcurrentHashMap<>();
  private final StreamReports streamReports = new StreamReports();
  private CompletableFuture<Void> walking = CompletableFuture.completedFuture(null);
  private StreamObserver<AgentMessage> session;
  private long generation;
  private long endedGeneration;
  private volatile long knownRevision;
  private long backoffCeilingMillis;
  private int fastLeft;
  private long connectedAtNanos; // when the current connection synced; 0 if it has not
  private volatile boolean stopped;

  SimAgent(int index, String endpointId, Fleet fleet, ManagedChannel channel) {
    this.index = index;
    this.endpointId = endpointId;
    this.fleet = fleet;
    this.channel = channel;
    this.stub = AgentServiceGrpc.newStub(channel);
    this.backoffCeilingMillis = fleet.behaviour().backoffInitial().toMillis();
  }

  public int index() {
    return index;
  }

  public String endpointId() {
    return endpointId;
  }

  Fleet fleet() {
    return fleet;
  }

  /** Opens the Session stream, says Hello, then Syncs; completes when that Sync answered (or failed). */
  public CompletableFuture<Void> connect() {
    long mine;
    synchronized (this) {
      if (stopped) {
        return CompletableFuture.completedFuture(null);
      }
      mine = ++generation;
      // Our session backoff is the only one: without this, gRPC's own reconnect backoff (1 s growing 1.6x to
      // 2 min) fails this attempt fast while the channel waits, and the two stack after a server restart.
      channel.resetConnectBackoff();
      session = stub.session(new HintObserver(mine));
      session.onNext(AgentMessage.newBuilder().setHello(Hello.newBuilder().setEndpointId(endpointId)
          .setAgentVersion("bench-sim").setKnownRevision(knownRevision)).build());
    }
    return sync().handle((state, failure) -> {
      if (failure == null) {
        synchronized (this) {
          backoffCeilingMillis = fleet.behaviour().backoffInitial().toMillis();
          fastLeft = 0;
          connectedAtNanos = System.nanoTime();
        }
        fleet.stats().connected(index);
      } else {
        fleet.stats().connectFailures.incrementAndGet();
        sessionEnded(mine);
      }
      return null;
    });
  }

  /** Calls Sync and starts a walk for each deployment not seen before. */
  CompletableFuture<DesiredState> sync() {
    return Unary.<DesiredState>call(o -> stub.sync(SyncRequest.newBuilder().setEndpointId(endpointId)
        .setKnownRevision(knownRevision).build(), o)).thenApply(state -> {
          knownRevision = Math.max(knownRevision, state.getRevision());
          for (DeploymentSpec spec : state.getDeploymentsList()) {
            walks.computeIfAbsent(spec.getDeploymentId() + "#" + spec.getAttempt(), key -> {
              DeploymentWalk walk = new DeploymentWalk(this, spec);
              enqueue(walk);
              return walk;
            });
          }
          return state;
        });
  }

  /** Deployments are walked one after another, in the order the desired state lists them, as the agent does. */
  private synchronized void enqueue(DeploymentWalk walk) {
    walking = walking.thenComposeAsync(v -> walk.run(), fleet.executor());
  }

  /**
   * Sends {@code report} on the session stream when the server accepted it for reports, else (or when the stream
   * ends before the answer) with ReportStatus, as the agent does; completes with the ack or the call's failure.
   */
  CompletableFuture<StatusAck> report(StatusReport report) {
    CompletableFuture<StatusAck> onStream = streamReports.send(report);
    if (onStream == null) {
      return Unary.call(o -> stub.reportStatus(report, o));
    }
    return onStream.thenCompose(ack -> ack != null ? CompletableFuture.completedFuture(ack)
        : Unary.<StatusAck>call(o -> stub.reportStatus(report, o)));
  }

  /** Sends {@code message} on the session of generation {@code which}; false if that one is not open. */
  private synchronized boolean sendOnSession(long which, AgentMessage message) {
    if (session == null || stopped || which != generation) {
      return false;
    }
    try {
      session.onNext(message);
      return true;
    } catch (RuntimeException e) {
      return false; // the stream already ended; its observer hears about it
    }
  }

  /** Sends a Ping on the open session, if any (the fleet calls this every ping interval). */
  synchronized void ping() {
    if (session != null && !stopped) {
      session.onNext(AgentMessage.newBuilder().setPing(Ping.getDefaultInstance()).build());
    }
  }

  /**
   * The connection of generation {@code which} ended (its stream failed, or its Sync did: both report it, once
   * counts): reconnect after a jittered delay unless a newer one exists. One attempt at a time, as the agent's
   * single session thread does.
   */
  private void sessionEnded(long which) {
    long delay;
    synchronized (this) {
      if (stopped || which != generation || which <= endedGeneration) {
        return;
      }
      endedGeneration = which;
      session = null;
      delay = nextDelayMillis();
    }
    fleet.scheduler().schedule(this::connect, delay, TimeUnit.MILLISECONDS);
  }

  /**
   * The agent's reconnect policy ({@code SessionLoop} with {@code Backoff}): full jitter below a ceiling that doubles
   * from the initial one up to the max; after losing a session that was up for 30 s or more
   * ({@code SessionLoop.HEALTHY_SESSION}), the next 24 ceilings ({@code Backoff.FAST_ATTEMPTS}) stop at 10 s
   * ({@code Backoff.FAST_CAP}) before doubling on.
   */
  private long nextDelayMillis() {
    long initial = fleet.behaviour().backoffInitial().toMillis();
    long max = fleet.behaviour().backoffMax().toMillis();
    if (connectedAtNanos != 0 && System.nanoTime() - connectedAtNanos >= HEALTHY_SESSION_NANOS) {
      backoffCeilingMillis = initial;
      fastLeft = FAST_ATTEMPTS;
    }
    connectedAtNanos = 0;
    long ceiling = backoffCeilingMillis;
    fastLeft = Math.max(0, fastLeft - 1);
    long cap = fastLeft > 0 ? Math.min(max, Math.max(initial, FAST_CAP_MILLIS)) : max;
    backoffCeilingMillis = Math.min(cap, ceiling * 2);
    return ThreadLocalRandom.current().nextLong(ceiling + 1);
  }

  /** Ends the session and stops reconnecting. */
  public void stop() {
    StreamObserver<AgentMessage> open;
    synchronized (this) {
      stopped = true;
      open = session;
      session = null;
    }
    if (open != null) {
      try {
        open.onCompleted();
      } catch (RuntimeException ignored) {
        // already failed: nothing to close
      }
    }
  }

  ManagedChannel channel() {
    return channel;
  }

  private final class HintObserver implements StreamObserver<ServerHint> {
    private final long which;

    HintObserver(long which) {
      this.which = which;
    }

    @Override
    public void onNext(ServerHint hint) {
      if (hint.hasSessionAccepted()) {
        streamReports.accepted(which, hint.getSessionAccepted().getMaxReportsInFlight(),
            message -> sendOnSession(which, message));
      } else if (hint.hasReportAck()) {
        streamReports.acked(which, hint.getReportAck());
      } else if (hint.hasRevisionReady() && hint.getRevisionReady().getRevision() > knownRevision) {
        sync().exceptionally(failure -> {
          fleet.stats().callFailures.incrementAndGet();
          return null;
        });
      } else if (hint.hasInventoryRequest() && fleet.inventoryOf(index) != null) {
        fleet.inventoryOf(index).sendFull();
      }
    }

    @Override
    public void onError(Throwable t) {
      streamReports.ended(which);
      sessionEnded(which);
    }

    @Override
    public void onCompleted() {
      streamReports.ended(which);
      sessionEnded(which);
    }
  }
}
