package dev.convoy.server.inventory;

import dev.convoy.inventory.InventoryDigest;
import dev.convoy.server.common.StripedLocks;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.inventory.query.Path;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies inventory reports exactly as docs/inventory.md "Reports" says. A full report replaces the inventory (its
 * hash or digest must match its facts). A delta applies only if the stored hash (or digest) is its base and the
 * result hashes (or digests) to what the agent says it holds; otherwise nothing changes and the agent is asked for a
 * full report, so a stale or corrupted server view is repaired by the next report ({@link ReportPlanner}). An
 * applied report is one durable change, committed by the caller's {@link ReportCommit}: the facts in both orders,
 * the index counts, the history records, the meta and whatever the caller adds (the endpoint record).
 *
 * <p>Thread-safe: reports of one endpoint are serialised by a per-endpoint lock held from the read of the stored
 * inventory until the change is durable and the listeners have run.
 */
final class InventoryRegistry {
  private static final Logger logger = LoggerFactory.getLogger(InventoryRegistry.class);

  private final InventoryStore store;
  private final Storage storage;
  private final Clock clock;
  private final InventoryHasher hasher;
  private final InventoryConfig config;
  private final ReportValidator validator;
  private final ReportPlanner planner;
  private final List<Path> historyIgnored;
  private final List<InventoryListener> listeners;
  private final StripedLocks locks = new StripedLocks(256);

  InventoryRegistry(InventoryStore store, Storage storage, Clock clock, InventoryHasher hasher,
      InventoryConfig config, List<InventoryListener> listeners) {
    this.store = store;
    this.storage = storage;
    this.clock = clock;
    this.hasher = hasher;
    this.config = config;
    this.validator = new ReportValidator(config);
    this.planner = new ReportPlanner(store, hasher, validator);
    this.historyIgnored = config.historyIgnoredPaths();
    this.listeners = listeners;
  }

  /**
   * Applies {@code report}; when it applies, {@code commit} adds what belongs with it to the same change set and
   * commits it (one synced batch), and only then are listeners told and the outcome returned.
   */
  ReportOutcome apply(InventoryReport report, ReportCommit commit) {
    ReportValidator.Valid valid = validator.validate(report);
    if (valid.full()) {
      verifyFull(valid);
    }
    Lock lock = locks.forKey(report.endpointId());
    lock.lock();
    try {
      return applyLocked(valid, commit);
    } finally {
      lock.unlock();
    }
  }

  private void verifyFull(ReportValidator.Valid valid) {
    InventoryReport report = valid.report();
    if (!report.inventorySha256().isEmpty()) {
      String computed = hasher.sha256(valid.facts());
      if (!computed.equals(report.inventorySha256())) {
        throw ConvoyException.invalidArgument("inventory_sha256: " + report.inventorySha256() + " does not match"
            + " the reported facts (expected: their canonical hash " + computed + ")");
      }
    }
    if (report.digestReport()) {
      String computed = InventoryDigest.of(valid.facts()).hex();
      if (!computed.equals(report.inventoryDigest())) {
        throw ConvoyException.invalidArgument("inventory_digest: " + report.inventoryDigest() + " does not match"
            + " the reported facts (expected: their digest " + computed + ")");
      }
    }
  }

  private ReportOutcome applyLocked(ReportValidator.Valid valid, ReportCommit commit) {
    InventoryReport report = valid.report();
    String endpointId = report.endpointId();
    Optional<InventoryMeta> meta = store.meta(endpointId);
    Instant now = clock.instant();
    ReportPlanner.Plan plan = planner.plan(valid, meta, now);
    if (plan == null) {
      return new ReportOutcome(false, true, meta.map(InventoryMeta::sha256).orElse(""), 0, null,
          meta.map(InventoryMeta::digest).orElse(""));
    }
    List<FactChange> changes = plan.changes();
    ChangeSet changeSet = storage.begin();
    stageFacts(changeSet, endpointId, changes, valid);
    InventoryMeta next = stageHistory(changeSet, endpointId, meta, changes, now, valid);
    store.putMeta(changeSet, endpointId, new InventoryMeta(plan.sha256(), next.updatedAt(), now, plan.factCount(),
        next.historySequence(), next.historyCount(), plan.digest()));
    commit.commit(changeSet, plan.summary());
    if (valid.full()) {
      logger.info("inventory applied endpoint={} kind=full facts={} changes={} reason={}", endpointId,
          plan.factCount(), changes.size(), report.reason());
    } else { // every check-in: a line each would be most of the log, and a synchronized write per report
      logger.debug("inventory applied endpoint={} kind=delta facts={} changes={} reason={}", endpointId,
          plan.factCount(), changes.size(), report.reason());
    }
    Set<String> changed = new LinkedHashSet<>();
    changes.forEach(change -> changed.add(change.path()));
    notifyListeners(new InventoryChange(endpointId, changed, plan.after(), report));
    return new ReportOutcome(true, false, plan.sha256(), changes.size(), plan.summary(), plan.digest());
  }

  private void stageFacts(ChangeSet changeSet, String endpointId, List<FactChange> changes,
      ReportValidator.Valid valid) {
    Map<String, Long> counts = new HashMap<>();
    for (FactChange change : changes) {
      String indexKey = valid.indexKey(change.path());
      switch (change.kind()) {
        case ADDED -> {
          store.putFact(changeSet, endpointId, change.path(), indexKey, change.newValue());
          counts.merge(indexKey, 1L, Long::sum);
        }
        case CHANGED -> store.putFact(changeSet, endpointId, change.path(), indexKey, change.newValue());
        case REMOVED -> {
          store.removeFact(changeSet, endpointId, change.path(), indexKey);
          counts.merge(indexKey, -1L, Long::sum);
        }
      }
    }
    counts.forEach((indexKey, delta) -> {
      if (delta != 0) {
        store.addToEntryCount(changeSet, indexKey, delta);
      }
    });
  }

  /**
   * Stages the history records of {@code changes} and returns the new meta's times and history counters. The first
   * inventory of an endpoint is its baseline and records no per-fact history; facts matching
   * {@link InventoryConfig#historyIgnored} are not recorded; beyond {@link InventoryConfig#maxHistoryPerEndpoint}
   * the oldest records go.
   */
  private InventoryMeta stageHistory(ChangeSet changeSet, String endpointId, Optional<InventoryMeta> meta,
      List<FactChange> changes, Instant now, ReportValidator.Valid valid) {
    long sequence = meta.map(InventoryMeta::historySequence).orElse(0L);
    long count = meta.map(InventoryMeta::historyCount).orElse(0L);
    if (meta.isPresent()) {
      List<FactChange> recorded = historyIgnored.isEmpty() ? changes
          : changes.stream().filter(change -> !ignored(valid.parse(change.path()))).toList();
      int max = config.maxHistoryPerEndpoint();
      if (recorded.size() > max) {
        recorded = recorded.subList(recorded.size() - max, recorded.size());
      }
      for (FactChange change : recorded) {
        store.addHistory(changeSet, endpointId, ++sequence, change);
      }
      count += recorded.size();
      if (count > max) {
        store.removeOldestHistory(changeSet, endpointId, count - max);
        count = max;
      }
    }
    Instant updatedAt = changes.isEmpty() && meta.isPresent() ? meta.get().updatedAt() : now;
    return new InventoryMeta("", updatedAt, now, 0, sequence, count, "");
  }

  private boolean ignored(Path path) {
    List<Path.Segment> segments = path.segments();
    return historyIgnored.stream().anyMatch(pattern -> matches(pattern.segments(), segments));
  }

  private static boolean matches(List<Path.Segment> pattern, List<Path.Segment> segments) {
    if (pattern.size() != segments.size()) {
      return false;
    }
    for (int i = 0; i < pattern.size(); i++) {
      if (!(pattern.get(i) instanceof Path.Wildcard) && !pattern.get(i).equals(segments.get(i))) {
        return false;
      }
    }
    return true;
  }

  private void notifyListeners(InventoryChange change) {
    for (InventoryListener listener : listeners) {
      try {
        listener.inventoryApplied(change);
      } catch (RuntimeException e) {
        logger.error("inventory listener failed endpoint={} listener={}", change.endpointId(),
            listener.getClass().getSimpleName(), e);
      }
    }
  }
}
