package dev.convoy.agent.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what each inventory report carries (docs/inventory.md, "Reports") and keeps, in memory, the last
 * inventory the server acknowledged with its hash:
 * <ul>
 *   <li>full when nothing is acknowledged yet (so each process run starts with a full report), and for
 *       {@link ReportReason#demandsFull() server requests};</li>
 *   <li>otherwise a delta against the acknowledged inventory, {@code base_sha256} = its hash; an unchanged
 *       inventory sends an empty delta only to confirm the hash (connect, schedule), and nothing after an
 *       install or uninstall;</li>
 *   <li>an ack with {@code full_report_required} (or naming another hash than ours) is answered at once with a
 *       full report of the same collection, reason {@code resync}. If even that is refused, nothing counts as
 *       acknowledged, so the next report is full again.</li>
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
    String hash = hasher.sha256(collected.facts());
    List<InventoryReport> sent = new ArrayList<>();
    InventoryReport first = build(reason, collected, hash);
    if (first == null) {
      logger.debug("inventory unchanged reason={} sha256={} (nothing sent)", reason.wireName(), hash);
      return sent;
    }
    if (accepted(send(first, sent), hash)) {
      acknowledged = new Acknowledged(collected.facts(), hash);
      return sent;
    }
    logger.info("inventory resync requested by the server reason={} sha256={}", reason.wireName(), hash);
    InventoryReport full = full(ReportReason.RESYNC, collected, hash);
    if (accepted(send(full, sent), hash)) {
      acknowledged = new Acknowledged(collected.facts(), hash);
    } else {
      acknowledged = null;
      logger.warn("inventory full report not accepted sha256={} (the next report is full again)", hash);
    }
    return sent;
  }

  /** The hash the server last acknowledged, or null before the first acknowledgement of this process. */
  public synchronized String acknowledgedSha256() {
    return acknowledged == null ? null : acknowledged.sha256();
  }

  private InventoryReport build(ReportReason reason, CollectedInventory collected, String hash) {
    if (acknowledged == null || reason.demandsFull()) {
      return full(reason, collected, hash);
    }
    InventoryChanges changes = collected.facts().changesSince(acknowledged.facts());
    if (changes.isEmpty() && (reason == ReportReason.INSTALL || reason == ReportReason.UNINSTALL)) {
      return null;
    }
    return new InventoryReport(reason, collected.collectedAt(), hash,
        new InventoryReport.Delta(acknowledged.sha256(), changes.set(), changes.removed()), collected.summary());
  }

  private static InventoryReport full(ReportReason reason, CollectedInventory collected, String hash) {
    return new InventoryReport(reason, collected.collectedAt(), hash,
        new InventoryReport.Full(collected.facts().facts()), collected.summary());
  }

  private InventoryAck send(InventoryReport report, List<InventoryReport> sent) {
    InventoryAck ack = channel.send(report);
    sent.add(report);
    return ack;
  }

  private static boolean accepted(InventoryAck ack, String hash) {
    return !ack.fullReportRequired() && (ack.serverSha256().isEmpty() || ack.serverSha256().equals(hash));
  }

  private record Acknowledged(Inventory facts, String sha256) {}
}
