package dev.convoy.server.inventory;

import dev.convoy.server.storage.ChangeSet;

/**
 * Makes an applied inventory report durable: adds to the report's change set what else belongs with it (the
 * endpoint record's summary) and commits it, synced, as one batch. Called with the endpoint's inventory lock held;
 * nothing is acknowledged unless it returns. If it throws, nothing of the report was written.
 */
@FunctionalInterface
public interface ReportCommit {
  /** @param summary what the endpoint registry shows from the inventory after the report */
  void commit(ChangeSet changes, InventorySummary summary);
}
