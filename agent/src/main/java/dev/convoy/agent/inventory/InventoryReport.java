package dev.convoy.agent.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One inventory report as sent to the server (docs/inventory.md, "Reports").
 *
 * @param reason why it is sent
 * @param collectedAt when the facts were collected
 * @param inventorySha256 the canonical hash of the whole inventory after this report; empty in a digest delta
 * @param body the whole inventory, or the changes since the last acknowledged one
 * @param summary the deprecated summary fields
 * @param inventoryDigest the {@link dev.convoy.inventory.InventoryDigest} of the whole inventory after this report; empty in a hash delta
 *     (sent to a server that does not know digests)
 */
public record InventoryReport(ReportReason reason, Instant collectedAt, String inventorySha256, Body body,
    InventorySummary summary, String inventoryDigest) {
  public InventoryReport {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(collectedAt, "collectedAt");
    Objects.requireNonNull(inventorySha256, "inventorySha256");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(inventoryDigest, "inventoryDigest");
  }

  /** A report without a digest. */
  public InventoryReport(ReportReason reason, Instant collectedAt, String inventorySha256, Body body,
      InventorySummary summary) {
    this(reason, collectedAt, inventorySha256, body, summary, "");
  }

  /** What a report carries. */
  public sealed interface Body permits Full, Delta {
    /** How many facts it sets. */
    int factCount();
  }

  /** The whole inventory, sorted by path. */
  public record Full(List<Fact> facts) implements Body {
    public Full {
      facts = List.copyOf(facts);
    }

    @Override
    public int factCount() {
      return facts.size();
    }
  }

  /**
   * The changes since the inventory whose hash is {@code baseSha256} (a hash delta) or whose digest is
   * {@code baseDigest} (a digest delta); the other one is empty.
   *
   * @param set facts added or changed
   * @param removed paths no longer present
   */
  public record Delta(String baseSha256, List<Fact> set, List<String> removed, String baseDigest) implements Body {
    public Delta {
      Objects.requireNonNull(baseSha256, "baseSha256");
      set = List.copyOf(set);
      removed = List.copyOf(removed);
      Objects.requireNonNull(baseDigest, "baseDigest");
    }

    /** A hash delta. */
    public Delta(String baseSha256, List<Fact> set, List<String> removed) {
      this(baseSha256, set, removed, "");
    }

    @Override
    public int factCount() {
      return set.size();
    }
  }

  public boolean full() {
    return body instanceof Full;
  }
}
