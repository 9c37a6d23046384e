package dev.convoy.agent.inventory;

import java.util.List;

/**
 * The difference between two inventories.
 *
 * @param set facts added or changed, sorted by path
 * @param removed paths no longer present, sorted
 */
public record InventoryChanges(List<Fact> set, List<String> removed) {
  public InventoryChanges {
    set = List.copyOf(set);
    removed = List.copyOf(removed);
  }

  public boolean isEmpty() {
    return set.isEmpty() && removed.isEmpty();
  }
}
