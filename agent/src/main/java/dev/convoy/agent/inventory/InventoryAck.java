package dev.convoy.agent.inventory;

/**
 * The server's answer to an inventory report.
 *
 * @param fullReportRequired the server applied nothing (unknown base, or a hash mismatch after applying): send a
 *     full report now
 * @param serverSha256 the hash of what the server holds now (may be empty)
 */
public record InventoryAck(boolean fullReportRequired, String serverSha256) {
  public InventoryAck {
    serverSha256 = serverSha256 == null ? "" : serverSha256;
  }
}
