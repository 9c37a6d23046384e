package dev.convoy.server.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * What the registry keeps about an endpoint's inventory as a whole.
 *
 * @param sha256 canonical hash of the stored facts (what the agent's next delta must name as its base)
 * @param updatedAt when the facts last changed
 * @param reportedAt when the last report was accepted (an empty delta only moves this)
 * @param historySequence last sequence number used for a history record (they only grow)
 * @param historyCount history records currently kept
 */
public record InventoryMeta(String sha256, Instant updatedAt, Instant reportedAt, int factCount,
    long historySequence, long historyCount) {
  public InventoryMeta {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(reportedAt, "reportedAt");
  }
}
