package dev.convoy.agent.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * One collection: the facts, the deprecated summary, and when it was taken.
 */
public record CollectedInventory(Inventory facts, InventorySummary summary, Instant collectedAt) {
  public CollectedInventory {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(collectedAt, "collectedAt");
  }
}
