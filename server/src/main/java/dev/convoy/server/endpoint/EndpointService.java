package dev.convoy.server.endpoint;

import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.common.Revocation;
import dev.convoy.server.common.StripedLocks;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint registry: lookups, listing with presence, and what agents report about themselves.
 *
 * <p>Thread-safe: updates of one endpoint are serialised by a per-endpoint lock held until the change is durable.
 */
public final class EndpointService {
  private static final Logger logger = LoggerFactory.getLogger(EndpointService.class);

  private final EndpointStore store;
  private final Storage storage;
  private final Presence presence;
  private final Clock clock;
  private final StripedLocks locks = new StripedLocks(256);

  public EndpointService(EndpointStore store, Storage storage, Presence presence, Clock clock) {
    this.store = store;
    this.storage = storage;
    this.presence = presence;
    this.clock = clock;
  }

  public Optional<Endpoint> find(String endpointId) {
    return store.find(endpointId);
  }

  /** @throws ConvoyException NOT_FOUND if no such endpoint was enrolled */
  public Endpoint require(String endpointId) {
    return store.find(endpointId)
        .orElseThrow(() -> ConvoyException.notFound("endpoint_id: " + endpointId + " is not an enrolled endpoint"));
  }

  /** Every endpoint with its presence, in id order. */
  public List<EndpointView> list() {
    return store.list().stream().map(this::view).toList();
  }

  public EndpointView view(Endpoint endpoint) {
    Instant seen = presence.lastSeen(endpoint.id())
        .filter(live -> endpoint.lastSeen() == null || live.isAfter(endpoint.lastSeen()))
        .orElse(endpoint.lastSeen());
    return new EndpointView(endpoint, presence.isOnline(endpoint.id()), seen);
  }

  /** The endpoint's current desired-state revision. */
  public long revision(String endpointId) {
    return store.revision(endpointId);
  }

  /** Durably records an inventory report of {@code endpointId} (the caller, already authenticated). */
  public Endpoint recordInventory(String endpointId, Inventory inventory) {
    return recordInventory(endpointId, inventory, storage.begin());
  }

  /**
   * Like {@link #recordInventory(String, Inventory)}, committing the endpoint record in {@code changes} (which may
   * already hold other changes, e.g. the inventory itself): one synced batch for both.
   *
   * @throws ConvoyException NOT_FOUND if no such endpoint was enrolled; nothing of {@code changes} is written then
   */
  public Endpoint recordInventory(String endpointId, Inventory inventory, ChangeSet changes) {
    Instant now = clock.instant();
    presence.heardFrom(endpointId, now);
    Endpoint updated = update(endpointId, endpoint -> endpoint.withInventory(inventory, now), changes);
    logger.debug("inventory recorded endpoint={} packages={}", endpointId, inventory.packages().size());
    return updated;
  }

  /** Marks the endpoint online and durably records its agent version and last-seen time. */
  public void sessionOpened(String endpointId, String agentVersion) {
    Instant now = clock.instant();
    presence.online(endpointId, now);
    update(endpointId, endpoint -> endpoint.withSession(agentVersion, now), storage.begin());
  }

  public void sessionClosed(String endpointId) {
    presence.offline(endpointId, clock.instant());
  }

  public void heardFrom(String endpointId) {
    presence.heardFrom(endpointId, clock.instant());
  }

  /**
   * Revokes the endpoint: from now on its certificate is refused. Idempotent (a repeat changes nothing but is
   * still recorded). The change and its audit entry are one batch. Open sessions are ended by the caller.
   *
   * @param audit where the revocation is recorded
   * @return the outcome; {@code revokedAt} is null for a repeat (the first time is in the audit log)
   * @throws ConvoyException NOT_FOUND if no such endpoint was enrolled
   */
  public Revocation revoke(String endpointId, String bySubject, String comment, AuditLog audit) {
    Lock lock = locks.forKey(endpointId);
    lock.lock();
    try {
      Endpoint endpoint = require(endpointId);
      ChangeSet changes = audit.newChangeSet();
      store.put(changes, endpoint.revoke());
      var entry = audit.append(changes, new AuditEvent(bySubject, "endpoint.revoke", endpointId,
          Revocation.auditDetails(comment, endpoint.revoked())));
      logger.warn("endpoint revoked endpoint={} by={} already={}", endpointId, bySubject, endpoint.revoked());
      return new Revocation(endpointId, endpoint.revoked(), endpoint.revoked() ? null : entry.time());
    } finally {
      lock.unlock();
    }
  }

  private Endpoint update(String endpointId, java.util.function.UnaryOperator<Endpoint> change, ChangeSet changes) {
    Lock lock = locks.forKey(endpointId);
    lock.lock();
    try {
      Endpoint updated = change.apply(require(endpointId));
      store.put(changes, updated);
      storage.commit(changes);
      return updated;
    } finally {
      lock.unlock();
    }
  }
}
