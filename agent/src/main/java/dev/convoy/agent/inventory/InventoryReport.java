package dev.convoy.agent.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One inventory report as sent to the server (docs/inventory.md, "Reports").
 *
 * @param reason why it is sent
 * @param collectedAt when the facts were collected
 * @param inventorySha256 the canonical hash of the whole inventory after this report
 * @param body the whole inventory, or the changes since the last acknowledged one
 * @param summary the deprecated summary fields
 */
public record InventoryReport(ReportReason reason, Instant collectedAt, String inventorySha256, Body body,
    InventorySummary summary) {
  public InventoryReport {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(collectedAt, "collectedAt");
    Objects.requireNonNull(inventorySha256, "inventorySha256");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(summary, "summary");
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
   * The changes since the inventory whose hash is {@code baseSha256}.
   *
   * @param set facts added or changed
   * @param removed paths no longer present
   */
  public record Delta(String baseSha256, List<Fact> set, List<String> removed) implements Body {
    public Delta {
      Objects.requireNonNull(baseSha256, "baseSha256");
      set = List.copyOf(set);
      removed = List.copyOf(removed);
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
