package dev.convoy.server.inventory;

/**
 * What became of an inventory report.
 *
 * @param applied the report is now the stored inventory (durably)
 * @param fullReportRequired a delta could not be applied exactly (unknown or stale base, or the result's hash differs
 *     from what the agent holds): nothing changed, the agent must send a full report
 * @param serverSha256 hash of what the server holds now (empty when it holds no inventory for the endpoint)
 * @param changes number of facts added, changed or removed by the report (0 when not applied)
 * @param summary what the endpoint registry shows from the inventory now; null when not applied
 * @param serverDigest digest of what the server holds now (empty when it holds none or does not know it)
 */
public record ReportOutcome(boolean applied, boolean fullReportRequired, String serverSha256, int changes,
    InventorySummary summary, String serverDigest) {}
