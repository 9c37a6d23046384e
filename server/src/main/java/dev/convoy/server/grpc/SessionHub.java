package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.endpoint.RevisionListener;
import dev.convoy.server.inventory.FullReportRequester;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open agent Session streams, one per endpoint: a new session of an endpoint replaces (ends) the old one.
 * Marks endpoints online/offline and sends {@code RevisionReady} hints when an endpoint's desired state changes, and
 * {@code InventoryRequest} hints when the server wants a full inventory report.
 * Hints are only hints: the agent Syncs on every (re)connect, so a hint lost with a dropped stream loses nothing.
 *
 * <p>Thread-safe.
 */
public final class SessionHub implements RevisionListener, FullReportRequester {
  private static final Logger logger = LoggerFactory.getLogger(SessionHub.class);

  private final ConcurrentMap<String, AgentSession> sessions = new ConcurrentHashMap<>();
  /** Every open session, greeted or not: what the {@link StreamGuard} checks. */
  private final java.util.Set<AgentSession> live = ConcurrentHashMap.newKeySet();
  private final EndpointService endpoints;
  private volatile boolean closing;
  private volatile SessionReports reports; // null: sessions take no status reports

  public SessionHub(EndpointService endpoints) {
    this.endpoints = endpoints;
  }

  /**
   * Starts a session for the authenticated {@code endpointId}, whose certificate is valid until
   * {@code validUntil}; returns the observer of the agent's messages.
   */
  StreamObserver<AgentMessage> open(String endpointId, java.time.Instant validUntil,
      ServerCallStreamObserver<ServerHint> out) {
    AgentSession session = new AgentSession(endpointId, validUntil, out, this, endpoints, reports);
    live.add(session);
    return session;
  }

  /** From now on, sessions opened take status reports, applied by {@code sessionReports}. */
  void acceptReports(SessionReports sessionReports) {
    this.reports = sessionReports;
  }

  /** The open sessions, greeted or not (a snapshot). */
  List<AgentSession> live() {
    return List.copyOf(live);
  }

  /** Makes {@code session} the endpoint's current one, ending the previous one. */
  void register(AgentSession session) {
    if (closing) {
      session.shutdown();
      return;
    }
    AgentSession previous = sessions.put(session.endpointId(), session);
    if (previous != null && previous != session) {
      logger.info("session replaced endpoint={}", session.endpointId());
      previous.replaced();
    }
    logger.info("session opened endpoint={} sessions={}", session.endpointId(), sessions.size());
  }

  /** Forgets {@code session} if it is still the endpoint's current one, marking the endpoint offline. */
  void unregister(AgentSession session) {
    live.remove(session);
    if (sessions.remove(session.endpointId(), session)) {
      endpoints.sessionClosed(session.endpointId());
      logger.info("session closed endpoint={} sessions={}", session.endpointId(), sessions.size());
    }
  }

  @Override
  public void revisionChanged(String endpointId, long revision) {
    AgentSession session = sessions.get(endpointId);
    if (session != null) {
      session.hint(revision);
    }
  }

  @Override
  public boolean requestFullReport(String endpointId) {
    AgentSession session = sessions.get(endpointId);
    return session != null && session.requestInventory();
  }

  /** How many endpoints have a greeted session now. */
  public int size() {
    return sessions.size();
  }

  public boolean isOpen(String endpointId) {
    return sessions.containsKey(endpointId);
  }

  /** Ends every session with UNAVAILABLE (server shutting down) and refuses new ones. */
  public void closeAll() {
    closing = true;
    for (AgentSession session : List.copyOf(sessions.values())) {
      sessions.remove(session.endpointId(), session);
      session.shutdown();
    }
  }
}
