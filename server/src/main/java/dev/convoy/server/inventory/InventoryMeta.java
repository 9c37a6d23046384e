package dev.convoy.server.inventory;

import dev.convoy.inventory.InventoryDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * What the registry keeps about an endpoint's inventory as a whole.
 *
 * @param sha256 canonical hash of the stored facts (what an agent's next hash-based delta must name as its base);
 *     empty once a digest delta was applied (it is not kept up to date incrementally)
 * @param updatedAt when the facts last changed
 * @param reportedAt when the last report was accepted (an empty delta only moves this)
 * @param historySequence last sequence number used for a history record (they only grow)
 * @param historyCount history records currently kept
 * @param digest incremental digest of the stored facts ({@link InventoryDigest}); empty when unknown (written
 *     before digests existed), which makes the next digest delta fail its base check
 */
public record InventoryMeta(String sha256, Instant updatedAt, Instant reportedAt, int factCount,
    long historySequence, long historyCount, String digest) {
  public InventoryMeta {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(reportedAt, "reportedAt");
  }
}
