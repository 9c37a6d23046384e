package dev.convoy.server.grpc;

import io.grpc.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends long-lived streams (agent Sessions, WatchCampaign) whose caller lost the right to them after the call
 * started, which the {@link AuthInterceptor} cannot see: at once when an endpoint or person is revoked, and on a
 * periodic sweep for certificates that expired (per the injected clock) and for revocations that raced with a
 * stream being opened. The sweep reads only memory: revocations made by this server are remembered here (the
 * stored flag refuses calls that start later, also after a restart).
 *
 * <p>Thread-safe.
 */
public final class StreamGuard implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(StreamGuard.class);

  private final SessionHub hub;
  private final Clock clock;
  private final Set<CampaignWatch> watches = CampaignWatch.newRegistry();
  private final Set<String> revokedEndpoints = ConcurrentHashMap.newKeySet();
  private final Set<String> revokedPeople = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService sweeper;

  public StreamGuard(SessionHub hub, Clock clock) {
    this.hub = hub;
    this.clock = clock;
  }

  /** The open WatchCampaign streams. */
  Set<CampaignWatch> watches() {
    return watches;
  }

  /** Ends the endpoint's open sessions with PERMISSION_DENIED; returns how many. Call after the flag is durable. */
  int endpointRevoked(String endpointId) {
    revokedEndpoints.add(endpointId);
    int closed = 0;
    for (AgentSession session : hub.live()) {
      if (session.endpointId().equals(endpointId)) {
        session.end(revoked("endpoint", endpointId));
        closed++;
      }
    }
    logger.info("streams closed endpoint={} count={}", endpointId, closed);
    return closed;
  }

  /** Ends the person's open watches with PERMISSION_DENIED; returns how many. Call after the flag is durable. */
  int personRevoked(String name) {
    revokedPeople.add(name);
    int closed = 0;
    for (CampaignWatch watch : java.util.List.copyOf(watches)) {
      if (watch.owner().name().equals(name)) {
        watch.end(revoked("person", name));
        closed++;
      }
    }
    logger.info("streams closed person={} count={}", name, closed);
    return closed;
  }

  /** One pass over every open stream: ends those of revoked callers and of expired certificates. */
  public void sweep() {
    Instant now = clock.instant();
    for (AgentSession session : hub.live()) {
      refusal(revokedEndpoints.contains(session.endpointId()), "endpoint", session.endpointId(),
          session.validUntil(), now).ifPresent(session::end);
    }
    for (CampaignWatch watch : java.util.List.copyOf(watches)) {
      Principal owner = watch.owner();
      refusal(revokedPeople.contains(owner.name()), "person", owner.name(), owner.validUntil(), now)
          .ifPresent(watch::end);
    }
  }

  private static java.util.Optional<Status> refusal(boolean revoked, String kind, String name, Instant validUntil,
      Instant now) {
    if (revoked) {
      return java.util.Optional.of(revoked(kind, name));
    }
    if (validUntil != null && now.isAfter(validUntil)) {
      logger.info("stream ended: certificate expired {}={} notAfter={}", kind, name, validUntil);
      return java.util.Optional.of(Status.UNAUTHENTICATED.withDescription("client certificate expired at "
          + validUntil));
    }
    return java.util.Optional.empty();
  }

  private static Status revoked(String kind, String name) {
    return Status.PERMISSION_DENIED.withDescription(kind + " " + name + " is revoked");
  }

  /** Sweeps every {@code period} on a daemon thread until {@link #close()}. */
  public synchronized void start(Duration period) {
    if (sweeper != null) {
      return;
    }
    sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "convoy-stream-guard");
      thread.setDaemon(true);
      return thread;
    });
    sweeper.scheduleWithFixedDelay(this::safeSweep, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void safeSweep() {
    try {
      sweep();
    } catch (RuntimeException e) {
      logger.error("stream sweep failed reason={}", e.toString(), e); // keep sweeping: the next pass may succeed
    }
  }

  /** Ends every open WatchCampaign stream with UNAVAILABLE (server shutting down). */
  public void closeWatches() {
    for (CampaignWatch watch : java.util.List.copyOf(watches)) {
      watch.shutdown();
    }
  }

  @Override
  public synchronized void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }
}
