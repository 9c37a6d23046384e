package dev.convoy.agent.inventory;

/**
 * The canonical hash of an inventory: SHA-256 (lowercase hex) of the {@code InventorySnapshot} whose facts are
 * sorted by path, serialized with protobuf. It depends on the wire encoding, so it is implemented at the gRPC
 * edge ({@code ProtoInventoryHasher}). Implementations are thread-safe.
 */
@FunctionalInterface
public interface InventoryHasher {
  String sha256(Inventory inventory);
}
