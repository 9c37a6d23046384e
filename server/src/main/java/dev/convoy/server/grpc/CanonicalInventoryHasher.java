package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.Fact;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.InventorySnapshot;
import dev.convoy.server.inventory.InventoryHasher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * The canonical inventory hash of docs/inventory.md, which agents compute the same way: the facts, sorted by path
 * ({@link String#compareTo}), as an {@code InventorySnapshot}, serialized with protobuf, SHA-256, lowercase hex.
 * Stateless and thread-safe.
 */
public final class CanonicalInventoryHasher implements InventoryHasher {
  @Override
  public String sha256(SortedMap<String, Object> facts) {
    InventorySnapshot.Builder snapshot = InventorySnapshot.newBuilder();
    for (Map.Entry<String, Object> fact : facts.entrySet()) {
      snapshot.addFacts(Fact.newBuilder().setPath(fact.getKey()).setValue(factValue(fact.getValue())));
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot.build().toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** A scalar (String, Long, Double, Boolean) as the wire's {@code FactValue}: text, integer, real, flag. */
  static FactValue factValue(Object value) {
    FactValue.Builder b = FactValue.newBuilder();
    if (value instanceof String text) {
      b.setText(text);
    } else if (value instanceof Long integer) {
      b.setInteger(integer);
    } else if (value instanceof Double real) {
      b.setReal(real);
    } else if (value instanceof Boolean flag) {
      b.setFlag(flag);
    } else {
      throw new IllegalArgumentException("fact value of type " + (value == null ? "null" : value.getClass()));
    }
    return b.build();
  }
}
