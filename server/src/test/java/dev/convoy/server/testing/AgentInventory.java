package dev.convoy.server.testing;

import dev.convoy.protocol.v1.Fact;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.InventoryDelta;
import dev.convoy.protocol.v1.InventoryReport;
import dev.convoy.protocol.v1.InventorySnapshot;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds inventory reports the way docs/inventory.md tells an agent to, independently of the server's code: facts
 * sorted by path, as an InventorySnapshot, protobuf-serialized, SHA-256 in lowercase hex.
 */
public final class AgentInventory {
  private AgentInventory() {}

  public static FactValue value(Object value) {
    FactValue.Builder b = FactValue.newBuilder();
    if (value instanceof String s) {
      b.setText(s);
    } else if (value instanceof Long l) {
      b.setInteger(l);
    } else if (value instanceof Double d) {
      b.setReal(d);
    } else {
      b.setFlag((Boolean) value);
    }
    return b.build();
  }

  public static List<Fact> facts(Map<String, Object> facts) {
    return new TreeMap<>(facts).entrySet().stream()
        .map(e -> Fact.newBuilder().setPath(e.getKey()).setValue(value(e.getValue())).build()).toList();
  }

  public static String sha256(Map<String, Object> facts) {
    byte[] canonical = InventorySnapshot.newBuilder().addAllFacts(facts(facts)).build().toByteArray();
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static InventoryReport full(String endpointId, Map<String, Object> facts) {
    return InventoryReport.newBuilder().setEndpointId(endpointId).setInventorySha256(sha256(facts))
        .setReason("connect").setFull(InventorySnapshot.newBuilder().addAllFacts(facts(facts))).build();
  }

  public static InventoryReport delta(String endpointId, Map<String, Object> before, Map<String, Object> after) {
    InventoryDelta.Builder delta = InventoryDelta.newBuilder().setBaseSha256(sha256(before));
    Map<String, Object> set = new TreeMap<>();
    after.forEach((path, value) -> {
      if (!value.equals(before.get(path))) {
        set.put(path, value);
      }
    });
    delta.addAllSet(facts(set));
    before.keySet().stream().filter(path -> !after.containsKey(path)).sorted().forEach(delta::addRemoved);
    return InventoryReport.newBuilder().setEndpointId(endpointId).setInventorySha256(sha256(after))
        .setReason("schedule").setDelta(delta).build();
  }
}
