package dev.convoy.server.inventory;

import java.util.SortedMap;

/**
 * Port: the canonical hash of an inventory (docs/inventory.md: an {@code InventorySnapshot} with its facts sorted by
 * path, serialized with protobuf, SHA-256 as lowercase hex). It is defined by the wire format, so it lives with the
 * protocol adapter; the registry only compares hashes. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface InventoryHasher {
  /** @param facts path → scalar, sorted by path with {@link String#compareTo} */
  String sha256(SortedMap<String, Object> facts);
}
