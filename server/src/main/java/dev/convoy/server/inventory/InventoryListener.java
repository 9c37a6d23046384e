package dev.convoy.server.inventory;

/**
 * Told about every report that was applied, right after it is durable and while the endpoint's next report waits,
 * so that listeners see one endpoint's changes in order (dynamic-group campaigns pick up new members; the endpoint
 * record follows {@code host.name} ...). Also called for a report that changed no fact, with no changed paths.
 * A listener that throws is logged and does not undo the report. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface InventoryListener {
  void inventoryApplied(InventoryChange change);
}
