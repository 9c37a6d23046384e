package dev.convoy.server.inventory;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** An endpoint's stored inventory: what is kept about it, and its facts sorted by path. Immutable. */
public record StoredInventory(String endpointId, InventoryMeta meta, SortedMap<String, Object> facts) {
  public StoredInventory {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(meta, "meta");
    facts = Collections.unmodifiableSortedMap(new TreeMap<>(facts));
  }
}
