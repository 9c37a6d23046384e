package dev.convoy.agent.grpc;

import dev.convoy.agent.inventory.Inventory;
import dev.convoy.agent.inventory.InventoryHasher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical inventory hash (docs/inventory.md): SHA-256, lowercase hex, of the protobuf serialization of an
 * {@code InventorySnapshot} whose facts are sorted by path with {@link String#compareTo} (an {@link Inventory}
 * keeps them in that order). The server computes the same over what it holds. Thread-safe (stateless).
 */
public final class ProtoInventoryHasher implements InventoryHasher {
  @Override
  public String sha256(Inventory inventory) {
    return sha256(InventoryMapper.snapshot(inventory).toByteArray());
  }

  /** The hash of facts given in any order, sorted here: for tests and checks at the edge. */
  public static String sha256(List<dev.convoy.protocol.v1.Fact> facts) {
    List<dev.convoy.protocol.v1.Fact> sorted = facts.stream()
        .sorted((a, b) -> a.getPath().compareTo(b.getPath())).toList();
    return sha256(dev.convoy.protocol.v1.InventorySnapshot.newBuilder().addAllFacts(sorted).build().toByteArray());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
