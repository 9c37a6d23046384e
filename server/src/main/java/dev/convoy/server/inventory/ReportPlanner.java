package dev.convoy.server.inventory;

import dev.convoy.inventory.InventoryDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out what a validated report changes (docs/inventory.md "Reports"), reading only what it needs: a full
 * report or a hash delta reads the whole stored inventory (a hash covers all of it), a digest delta reads only the
 * facts it touches. A digest delta that adds or removes a path (the tree's shape must be checked), or that is the
 * agent's first report on a connection ({@code connect}), reads the whole inventory and also checks it against its
 * stored digest, so that a stored view damaged outside the registry is repaired by a full report then, as a hash
 * delta would have found it.
 * Called with the endpoint's lock held. Thread-safe (stateless besides its collaborators).
 */
final class ReportPlanner {
  private static final Logger logger = LoggerFactory.getLogger(ReportPlanner.class);
  /** The reason of an agent's first report on each connection: its delta also checks the whole stored view. */
  private static final String CONNECT = "connect";

  /**
   * What an applicable report does.
   *
   * @param after the whole inventory after it, read on demand (after the commit, under the lock)
   */
  record Plan(List<FactChange> changes, String sha256, String digest, int factCount,
      Supplier<SortedMap<String, Object>> after, InventorySummary summary) {}

  private final InventoryStore store;
  private final InventoryHasher hasher;
  private final ReportValidator validator;

  ReportPlanner(InventoryStore store, InventoryHasher hasher, ReportValidator validator) {
    this.store = store;
    this.hasher = hasher;
    this.validator = validator;
  }

  /** @return the plan, or null when the delta cannot be applied exactly (the agent must send a full report) */
  Plan plan(ReportValidator.Valid valid, Optional<InventoryMeta> meta, Instant now) {
    if (valid.full()) {
      return full(valid, now);
    }
    return valid.report().digestReport() ? digestDelta(valid, meta, now) : hashDelta(valid, meta, now);
  }

  private Plan full(ReportValidator.Valid valid, Instant now) {
    InventoryReport report = valid.report();
    SortedMap<String, Object> after = valid.facts();
    List<FactChange> changes = FactDiff.between(store.facts(report.endpointId()), after, now, report.reason());
    String digest = report.digestReport() ? report.inventoryDigest() : InventoryDigest.of(after).hex();
    return new Plan(changes, report.inventorySha256(), digest, after.size(), () -> after, InventorySummary.of(after));
  }

  private Plan hashDelta(ReportValidator.Valid valid, Optional<InventoryMeta> meta, Instant now) {
    InventoryReport report = valid.report();
    String endpointId = report.endpointId();
    String stored = meta.map(InventoryMeta::sha256).orElse("");
    String base = ((InventoryReport.Delta) report.body()).baseSha256();
    if (!stored.equals(base)) {
      logger.info("inventory delta refused endpoint={} reason=base base={} stored={}", endpointId, base, stored);
      return null;
    }
    SortedMap<String, Object> before = store.facts(endpointId);
    TreeMap<String, Object> applied = applied(before, valid);
    String computed = hasher.sha256(applied);
    if (!computed.equals(report.inventorySha256())) {
      logger.warn("inventory delta refused endpoint={} reason=hash agent={} server={}", endpointId,
          report.inventorySha256(), computed);
      return null;
    }
    validator.validateResult(applied, valid);
    InventoryDigest storedDigest = InventoryDigest.parse(meta.get().digest());
    String digest = (storedDigest == null ? InventoryDigest.of(applied)
        : updated(storedDigest, before, valid)).hex();
    return new Plan(FactDiff.ofDelta(before, valid.facts(), valid.removed(), now, report.reason()),
        report.inventorySha256(), digest, applied.size(), () -> applied, InventorySummary.of(applied));
  }

  private Plan digestDelta(ReportValidator.Valid valid, Optional<InventoryMeta> meta, Instant now) {
    InventoryReport report = valid.report();
    String endpointId = report.endpointId();
    String stored = meta.map(InventoryMeta::digest).orElse("");
    String base = ((InventoryReport.Delta) report.body()).baseDigest();
    InventoryDigest storedDigest = InventoryDigest.parse(stored);
    if (!stored.equals(base) || storedDigest == null) {
      logger.info("inventory delta refused endpoint={} reason=base base={} stored={}", endpointId, base, stored);
      return null;
    }
    Map<String, String> wanted = new HashMap<>();
    valid.facts().keySet().forEach(path -> wanted.put(path, valid.indexKey(path)));
    valid.removed().forEach(path -> wanted.put(path, valid.indexKey(path)));
    SummaryFacts.PATHS.forEach(path -> wanted.putIfAbsent(path, path));
    Map<String, Object> before = store.facts(endpointId, wanted);
    String digest = updated(storedDigest, before, valid).hex();
    if (!digest.equals(report.inventoryDigest())) {
      logger.warn("inventory delta refused endpoint={} reason=digest agent={} server={}", endpointId,
          report.inventoryDigest(), digest);
      return null;
    }
    List<FactChange> changes = FactDiff.ofDelta(before, valid.facts(), valid.removed(), now, report.reason());
    InventorySummary summary = SummaryFacts.after(store, endpointId, before, valid);
    boolean valuesOnly = valid.removed().isEmpty() && before.keySet().containsAll(valid.facts().keySet());
    if (valuesOnly && !report.reason().equals(CONNECT)) {
      // only values changed: the tree keeps its shape and size, which were checked when they were applied
      return new Plan(changes, "", digest, meta.get().factCount(), () -> store.facts(endpointId), summary);
    }
    SortedMap<String, Object> all = store.facts(endpointId);
    if (!InventoryDigest.of(all).equals(storedDigest)) {
      logger.warn("inventory delta refused endpoint={} reason=stored-view facts={} (the stored facts do not"
          + " match their digest)", endpointId, all.size());
      return null;
    }
    TreeMap<String, Object> applied = applied(all, valid);
    validator.validateResult(applied, valid);
    return new Plan(changes, "", digest, applied.size(), () -> applied, summary);
  }

  private static TreeMap<String, Object> applied(SortedMap<String, Object> before, ReportValidator.Valid delta) {
    TreeMap<String, Object> applied = new TreeMap<>(before);
    applied.putAll(delta.facts());
    delta.removed().forEach(applied::remove);
    return applied;
  }

  /** {@code digest} with the delta's facts replacing what {@code before} holds at their paths. */
  private static InventoryDigest updated(InventoryDigest digest, Map<String, Object> before,
      ReportValidator.Valid delta) {
    InventoryDigest result = digest;
    for (Map.Entry<String, Object> fact : delta.facts().entrySet()) {
      Object old = before.get(fact.getKey());
      if (old != null) {
        result = result.minus(fact.getKey(), old);
      }
      result = result.plus(fact.getKey(), fact.getValue());
    }
    for (String path : delta.removed()) {
      Object old = before.get(path);
      if (old != null) {
        result = result.minus(path, old);
      }
    }
    return result;
  }
}
