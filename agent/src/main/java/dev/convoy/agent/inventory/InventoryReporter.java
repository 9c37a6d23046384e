package dev.convoy.agent.inventory;

import dev.convoy.inventory.InventoryDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what each inventory report carries (docs/inventory.md, "Reports") and keeps, in memory, the last
 * inventory the server acknowledged with its hash and digest:
 * <ul>
 *   <li>full when nothing is acknowledged yet (so each process run starts with a full report), and for
 *       {@link ReportReason#demandsFull() server requests}; a full report names both its hash and its digest;</li>
 *   <li>otherwise a delta against the acknowledged inventory: {@code base_digest} = its digest, with the new digest
 *       updated from the changed facts alone (docs/inventory.md "Inventory digest"), or, to a server that does not
 *       answer with digests, {@code base_sha256} = its hash with the whole inventory rehashed; an unchanged
 *       inventory sends an empty delta only to confirm it (connect, schedule), and nothing after an install or
 *       uninstall;</li>
 *   <li>an ack with {@code full_report_required} (or naming another hash or digest than ours) is answered at once
 *       with a full report of the same collection, reason {@code resync}. If even that is refused, nothing counts
 *       as acknowledged, so the next report is full again.</li>
 * </ul>
 * A failed call ({@code ServerException}) propagates and leaves the acknowledged state as it was: if the server
 * did apply it, the next delta's base no longer matches and the server asks for a full report.
 *
 * <p>Thread-safe: {@link #report} is synchronized (the session thread calls it).
 */
public final class InventoryReporter {
  private static final Logger logger = LoggerFactory.getLogger(InventoryReporter.class);

  private final Supplier<CollectedInventory> collector;
  private final InventoryHasher hasher;
  private final InventoryChannel channel;
  private Acknowledged acknowledged; // guarded by this; null until the server acknowledged a report

  public InventoryReporter(Supplier<CollectedInventory> collector, InventoryHasher hasher, InventoryChannel channel) {
    this.collector = collector;
    this.hasher = hasher;
    this.channel = channel;
  }

  /**
   * Collects, then sends what {@code reason} calls for.
   *
   * @return the reports sent, in order: none, one, or two (a report and the full one the server asked for)
   * @throws RuntimeException the channel's {@code ServerException} when a call fails
   */
  public synchronized List<InventoryReport> report(ReportReason reason) {
    CollectedInventory collected = collector.get();
    List<InventoryReport> sent = new ArrayList<>();
    InventoryReport first = build(reason, collected);
    if (first == null) {
      logger.debug("inventory unchanged reason={} (nothing sent)", reason.wireName());
      return sent;
    }
    Acknowledged accepted = accepted(send(first, sent), first, collected);
    if (accepted != null) {
      acknowledged = accepted;
      return sent;
    }
    logger.info("inventory resync requested by the server reason={}", reason.wireName());
    InventoryReport full = full(ReportReason.RESYNC, collected);
    acknowledged = accepted(send(full, sent), full, collected);
    if (acknowledged == null) {
      logger.warn("inventory full report not accepted sha256={} (the next report is full again)",
          full.inventorySha256());
    }
    return sent;
  }

  /** The hash the server last acknowledged (empty after a digest delta), or null before the first acknowledgement. */
  public synchronized String acknowledgedSha256() {
    return acknowledged == null ? null : acknowledged.sha256();
  }

  /** The digest the server last acknowledged (empty from a server without digests), or null before the first. */
  public synchronized String acknowledgedDigest() {
    return acknowledged == null ? null : acknowledged.digest();
  }

  private InventoryReport build(ReportReason reason, CollectedInventory collected) {
    if (acknowledged == null || reason.demandsFull()) {
      return full(reason, collected);
    }
    InventoryChanges changes = collected.facts().changesSince(acknowledged.facts());
    if (changes.isEmpty() && (reason == ReportReason.INSTALL || reason == ReportReason.UNINSTALL)) {
      return null;
    }
    InventoryDigest base = InventoryDigest.parse(acknowledged.digest());
    if (base != null) {
      String digest = InventoryDigests.advance(base, acknowledged.facts(), changes).hex();
      return new InventoryReport(reason, collected.collectedAt(), "", new InventoryReport.Delta("",
          changes.set(), changes.removed(), acknowledged.digest()), collected.summary(), digest);
    }
    return new InventoryReport(reason, collected.collectedAt(), hasher.sha256(collected.facts()),
        new InventoryReport.Delta(acknowledged.sha256(), changes.set(), changes.removed()), collected.summary());
  }

  /**
   * A full report names only the hash: the server answers with the digest of what it now holds, which a matching
   * hash proves is the digest of these facts, so the agent never sums the whole inventory itself (a SHA-256 per
   * fact: ~20 ms of a 300-package check-in under C1, BENCHMARKS.md scenario 6). Deltas then move that digest.
   */
  private InventoryReport full(ReportReason reason, CollectedInventory collected) {
    return new InventoryReport(reason, collected.collectedAt(), hasher.sha256(collected.facts()),
        new InventoryReport.Full(collected.facts().facts()), collected.summary(), "");
  }

  private InventoryAck send(InventoryReport report, List<InventoryReport> sent) {
    InventoryAck ack = channel.send(report);
    sent.add(report);
    return ack;
  }

  /**
   * What counts as acknowledged after {@code ack} for {@code report}, or null if the server did not accept it. The
   * digest is kept only if the server named it back (it knows digests): the next delta is then a digest delta.
   */
  private static Acknowledged accepted(InventoryAck ack, InventoryReport report, CollectedInventory collected) {
    if (ack.fullReportRequired()) {
      return null;
    }
    boolean digestDelta = report.inventorySha256().isEmpty();
    boolean hashAgrees = digestDelta || ack.serverSha256().isEmpty()
        || ack.serverSha256().equals(report.inventorySha256());
    // a hash report's acknowledged digest is the server's: adopted only when the server's hash equals ours
    boolean digestAgrees = ack.serverDigest().isEmpty() ? !digestDelta
        : report.inventoryDigest().isEmpty() ? ack.serverSha256().equals(report.inventorySha256())
        : ack.serverDigest().equals(report.inventoryDigest());
    if (!hashAgrees || !digestAgrees) {
      return null;
    }
    return new Acknowledged(collected.facts(), report.inventorySha256(), ack.serverDigest());
  }

  /**
   * @param sha256 the hash acknowledged; empty after a digest delta
   * @param digest the digest acknowledged; empty when the server does not know digests
   */
  private record Acknowledged(Inventory facts, String sha256, String digest) {}
}
