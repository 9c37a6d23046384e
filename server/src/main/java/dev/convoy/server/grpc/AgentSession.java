package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.Hello;
import dev.convoy.protocol.v1.InventoryRequest;
import dev.convoy.protocol.v1.RevisionReady;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.server.common.Require;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.error.ConvoyException;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * One agent's Session stream. The agent sends Hello (naming itself) first, then Pings; the server sends hints.
 * Hints coalesce: only the newest revision not yet sent is kept, and at most one inventory request, and they are sent
 * when the stream is ready, so a slow agent never makes the server buffer.
 *
 * <p>The Hello is answered with SessionAccepted; from then on the agent may also send status reports, which
 * {@link SessionReports} applies and answers with ReportAcks. Inbound messages are requested by hand: a Hello or
 * Ping is handled at once and the next message requested, a report's credit comes back only when its ack is handed
 * to the transport, so at most {@link SessionReports#MAX_IN_FLIGHT} reports per session are in the server at once.
 *
 * <p>Inbound messages arrive serialised; hints come from other threads; both meet under this object's monitor,
 * which also guards the (not thread-safe) outbound observer.
 */
final class AgentSession implements StreamObserver<AgentMessage> {
  private final String endpointId;
  private final java.time.Instant validUntil;
  private final ServerCallStreamObserver<ServerHint> out;
  private final SessionHub hub;
  private final EndpointService endpoints;
  private final SessionReports.Stream reports; // null: reports are refused here (the agent uses ReportStatus)
  private final java.util.ArrayDeque<ServerHint> acks = new java.util.ArrayDeque<>();
  private boolean acceptPending;
  private boolean greeted;
  private boolean closed;
  private long pendingRevision;
  private long sentRevision;
  private boolean inventoryRequested;

  AgentSession(String endpointId, java.time.Instant validUntil, ServerCallStreamObserver<ServerHint> out,
      SessionHub hub, EndpointService endpoints, SessionReports reports) {
    this.endpointId = endpointId;
    this.validUntil = validUntil;
    this.out = out;
    this.hub = hub;
    this.endpoints = endpoints;
    this.reports = reports == null ? null : reports.stream(endpointId, this::open, this::answer);
    out.setOnReadyHandler(this::flush);
    out.setOnCancelHandler(this::cancelled);
    out.disableAutoRequest();
    out.request(SessionReports.MAX_IN_FLIGHT);
  }

  String endpointId() {
    return endpointId;
  }

  /** When the certificate the session was opened with expires. */
  java.time.Instant validUntil() {
    return validUntil;
  }

  @Override
  public void onNext(AgentMessage message) {
    try {
      switch (message.getKindCase()) {
        case HELLO -> hello(message.getHello());
        case PING -> ping();
        case STATUS -> {
          status(message.getStatus());
          return; // its credit comes back with its ack
        }
        default -> throw ConvoyException.invalidArgument("message: empty (expected: hello, ping or status)");
      }
      requestNext();
    } catch (RuntimeException e) {
      end(StatusMapper.toStatus(e));
    }
  }

  private void hello(Hello hello) {
    if (hello.getEndpointId().isEmpty()) {
      throw ConvoyException.invalidArgument("hello.endpoint_id: empty (expected: " + endpointId + ")");
    }
    if (!hello.getEndpointId().equals(endpointId)) {
      throw ConvoyException.permissionDenied("hello.endpoint_id: " + Require.shown(hello.getEndpointId())
          + " is not the caller (" + endpointId + ")");
    }
    String agentVersion = Require.optionalText("hello.agent_version", hello.getAgentVersion(), 64);
    synchronized (this) {
      greeted = true;
      acceptPending = true; // sent before any hint: flush sends it first
    }
    endpoints.sessionOpened(endpointId, agentVersion);
    hub.register(this);
    long current = endpoints.revision(endpointId);
    if (current > hello.getKnownRevision()) {
      hint(current);
    } else {
      synchronized (this) {
        flush();
      }
    }
  }

  private void status(dev.convoy.protocol.v1.StatusReport report) {
    boolean ready;
    synchronized (this) {
      ready = greeted && reports != null;
    }
    if (!ready) {
      answer(SessionReports.refused(endpointId, report, ConvoyException.failedPrecondition(reports == null
          ? "status: not taken on this session (expected: ReportStatus)" : "status: sent before hello (expected: hello"
          + " first, then reports once the session is accepted)")));
      return;
    }
    reports.accept(report);
  }

  private synchronized boolean open() {
    return !closed;
  }

  /** Queues a report's ack; sends it now if the stream can take it. */
  private synchronized void answer(ServerHint ack) {
    if (!closed) {
      acks.add(ack);
      flush();
    }
  }

  private synchronized void requestNext() {
    if (!closed) {
      out.request(1);
    }
  }

  private void ping() {
    synchronized (this) {
      if (!greeted) {
        throw ConvoyException.invalidArgument("first message: ping (expected: hello)");
      }
    }
    endpoints.heardFrom(endpointId);
  }

  /** Queues a RevisionReady hint; sends it now if the stream can take it. */
  synchronized void hint(long revision) {
    pendingRevision = Math.max(pendingRevision, revision);
    flush();
  }

  /**
   * Queues an InventoryRequest hint; sends it now if the stream can take it.
   *
   * @return false if the session has ended
   */
  synchronized boolean requestInventory() {
    if (closed) {
      return false;
    }
    inventoryRequested = true;
    flush();
    return true;
  }

  private synchronized void flush() {
    while (!closed && out.isReady()) {
      if (acceptPending) {
        acceptPending = false;
        out.onNext(ServerHint.newBuilder().setSessionAccepted(dev.convoy.protocol.v1.SessionAccepted.newBuilder()
            .setMaxReportsInFlight(reports == null ? 0 : SessionReports.MAX_IN_FLIGHT)).build());
      } else if (!acks.isEmpty()) {
        out.onNext(acks.poll());
        out.request(1); // the report is answered: the agent may send the next message
      } else if (pendingRevision > sentRevision) {
        sentRevision = pendingRevision;
        out.onNext(ServerHint.newBuilder()
            .setRevisionReady(RevisionReady.newBuilder().setRevision(sentRevision)).build());
      } else if (inventoryRequested) {
        inventoryRequested = false;
        out.onNext(ServerHint.newBuilder().setInventoryRequest(InventoryRequest.getDefaultInstance()).build());
      } else {
        return;
      }
    }
  }

  /** A newer session of the same endpoint took over. */
  void replaced() {
    end(Status.ABORTED.withDescription("replaced by a newer session of endpoint " + endpointId));
  }

  void shutdown() {
    end(Status.UNAVAILABLE.withDescription("server is shutting down"));
  }

  /** Ends the session with {@code status} (e.g. the endpoint was revoked); no-op if it has ended. */
  void end(Status status) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (!out.isCancelled()) {
        out.onError(status.asRuntimeException());
      }
    }
    hub.unregister(this);
  }

  private void cancelled() {
    synchronized (this) {
      closed = true;
    }
    hub.unregister(this);
  }

  @Override
  public void onError(Throwable t) {
    cancelled();
  }

  @Override
  public void onCompleted() {
    synchronized (this) {
      if (!closed) {
        closed = true;
        out.onCompleted();
      }
    }
    hub.unregister(this);
  }
}
