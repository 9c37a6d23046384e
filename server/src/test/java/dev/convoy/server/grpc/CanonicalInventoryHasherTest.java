package dev.convoy.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Fact;
import dev.convoy.protocol.v1.InventorySnapshot;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CanonicalInventoryHasherTest {
  private final CanonicalInventoryHasher hasher = new CanonicalInventoryHasher();

  /** The definition of docs/inventory.md: the snapshot message built and serialized by protobuf. */
  private static String reference(SortedMap<String, Object> facts) throws Exception {
    InventorySnapshot.Builder snapshot = InventorySnapshot.newBuilder();
    facts.forEach((path, value) -> snapshot.addFacts(
        Fact.newBuilder().setPath(path).setValue(CanonicalInventoryHasher.factValue(value))));
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot.build().toByteArray()));
  }

  @Test
  void sha256_defaultsAndEdgeValues_sameAsSerializedSnapshot() throws Exception {
    SortedMap<String, Object> facts = new TreeMap<>(Map.of(
        "a.empty", "", "a.zero", 0L, "a.negative", -1L, "a.max", Long.MAX_VALUE, "a.real", 0.0,
        "a.minus_zero", -0.0, "a.nan_free", 1e300, "a.off", false, "a.on", true,
        "software[\"libre office ✓\"].version", "7.6.4-1 ü"));
    facts.put("p." + "x".repeat(300), "y".repeat(20_000)); // lengths past one varint byte and past the buffer

    assertThat(hasher.sha256(facts)).isEqualTo(reference(facts));
  }

  @Test
  void sha256_randomInventories_sameAsSerializedSnapshot() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      SortedMap<String, Object> facts = new TreeMap<>();
      int count = random.nextInt(900);
      for (int i = 0; i < count; i++) {
        String path = "f" + random.nextInt(100_000) + ".v";
        facts.put(path, switch (random.nextInt(4)) {
          case 0 -> "t".repeat(random.nextInt(200));
          case 1 -> random.nextLong() >> random.nextInt(64);
          case 2 -> random.nextDouble() * 1e6 - 5e5;
          default -> random.nextBoolean();
        });
      }
      assertThat(hasher.sha256(facts)).as("round %d", round).isEqualTo(reference(facts));
    }
  }

  @Test
  void sha256_empty_hashOfEmptySnapshot() throws Exception {
    assertThat(hasher.sha256(new TreeMap<>())).isEqualTo(reference(new TreeMap<>()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
