package dev.convoy.agent.inventory;

import dev.convoy.inventory.InventoryDigest;

/**
 * The agent's inventories in the shared {@link InventoryDigest} of docs/inventory.md ("Inventory digest"): the
 * digest of a whole inventory, and a digest moved by a set of changes in O(changed facts). The definition itself
 * lives once, in the protocol module, so the agent and the server cannot drift apart.
 *
 * <p>Stateless and thread-safe.
 */
public final class InventoryDigests {
  private InventoryDigests() {}

  /** The digest of a whole inventory. */
  public static InventoryDigest of(Inventory inventory) {
    InventoryDigest digest = InventoryDigest.EMPTY;
    for (var fact : inventory.asMap().entrySet()) {
      digest = digest.plus(fact.getKey(), value(fact.getValue()));
    }
    return digest;
  }

  /** {@code digest} (of {@code base}) moved to the inventory that {@code changes} make of {@code base}. */
  public static InventoryDigest advance(InventoryDigest digest, Inventory base, InventoryChanges changes) {
    InventoryDigest moved = digest;
    for (Fact fact : changes.set()) {
      FactValue old = base.get(fact.path()).orElse(null);
      if (old != null) {
        moved = moved.minus(fact.path(), value(old));
      }
      moved = moved.plus(fact.path(), value(fact.value()));
    }
    for (String path : changes.removed()) {
      FactValue old = base.get(path).orElse(null);
      if (old != null) {
        moved = moved.minus(path, value(old));
      }
    }
    return moved;
  }

  /** The fact value as the digest's String, Long, Double or Boolean. */
  static Object value(FactValue value) {
    if (value instanceof FactValue.Text text) {
      return text.value();
    } else if (value instanceof FactValue.Int integer) {
      return integer.value();
    } else if (value instanceof FactValue.Real real) {
      return real.value();
    }
    return ((FactValue.Flag) value).value();
  }
}
