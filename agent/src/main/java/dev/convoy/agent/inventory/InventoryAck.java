package dev.convoy.agent.inventory;

/**
 * The server's answer to an inventory report.
 *
 * @param fullReportRequired the server applied nothing (unknown base, or a hash mismatch after applying): send a
 *     full report now
 * @param serverSha256 the hash of what the server holds now (may be empty)
 * @param serverDigest the {@link dev.convoy.inventory.InventoryDigest} of what the server holds now; empty from a server that does not
 *     know digests (the agent then keeps sending hash deltas)
 */
public record InventoryAck(boolean fullReportRequired, String serverSha256, String serverDigest) {
  public InventoryAck {
    serverSha256 = serverSha256 == null ? "" : serverSha256;
    serverDigest = serverDigest == null ? "" : serverDigest;
  }

  /** An answer without a digest (a server that does not know digests). */
  public InventoryAck(boolean fullReportRequired, String serverSha256) {
    this(fullReportRequired, serverSha256, "");
  }
}
