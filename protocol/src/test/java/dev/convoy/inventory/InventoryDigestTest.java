package dev.convoy.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** docs/inventory.md "Inventory digest": the definition, its test vector, and its incremental updates. */
class InventoryDigestTest {
  /** The test vector of docs/inventory.md (also checked by the agent's InventoryDigestTest and by Python there). */
  static final Map<String, Object> VECTOR = Map.of("os.family", "debian", "hardware.cpu.cores", 4L,
      "hardware.memory_gb", 7.5, "facts.kiosk", false, "software[\"g++\"].version", "4:12.2.0-3");

  @Test
  void of_testVector_matchesTheDocumentedDigest() {
    assertThat(InventoryDigest.of(VECTOR).hex())
        .isEqualTo("2a4caf4a1e43c7e10a449d5da84e979a8d403db1d12104a58de7f9fa7a0baec5");
    // one fact: the SHA-256 of 00 00 00 09 "os.family" 01 "debian"
    assertThat(InventoryDigest.of(Map.of("os.family", "debian")).hex())
        .isEqualTo("0e9702885a1df3af90502f204d57dd25568e4da770d8a34b39769aecdfec9df3");
    assertThat(InventoryDigest.of(Map.of()).hex()).isEqualTo("0".repeat(64));
  }

  @Test
  void of_sameNumberAsAnotherType_differs() {
    assertThat(InventoryDigest.of(Map.of("a", 1L))).isNotEqualTo(InventoryDigest.of(Map.of("a", 1.0)));
    assertThat(InventoryDigest.of(Map.of("a", "1"))).isNotEqualTo(InventoryDigest.of(Map.of("a", 1L)));
    assertThat(InventoryDigest.of(Map.of("ab", "c"))).isNotEqualTo(InventoryDigest.of(Map.of("a", "bc")));
  }

  @Test
  void plusMinus_randomDeltas_equalTheDigestOfTheWholeInventory() {
    Random random = new Random(20261129);
    for (int round = 0; round < 200; round++) {
      TreeMap<String, Object> facts = new TreeMap<>();
      for (int i = random.nextInt(30); i > 0; i--) {
        facts.put("k" + random.nextInt(50), randomValue(random));
      }
      InventoryDigest digest = InventoryDigest.of(facts);
      for (int step = 0; step < 20; step++) {
        String path = "k" + random.nextInt(50);
        Object old = facts.get(path);
        if (old != null) {
          digest = digest.minus(path, old);
        }
        if (random.nextInt(3) == 0) {
          facts.remove(path);
        } else {
          Object value = randomValue(random);
          facts.put(path, value);
          digest = digest.plus(path, value);
        }
        assertThat(digest).isEqualTo(InventoryDigest.of(facts));
      }
    }
  }

  @Test
  void minus_belowZero_wrapsModulo2To256() {
    InventoryDigest fact = InventoryDigest.of(Map.of("x", "y"));
    InventoryDigest negative = InventoryDigest.EMPTY.minus("x", "y");
    assertThat(negative.plus("x", "y")).isEqualTo(InventoryDigest.EMPTY);
    assertThat(negative.plus("x", "y").plus("x", "y")).isEqualTo(fact);
    // many equal terms carry through all four words
    List<InventoryDigest> steps = new ArrayList<>();
    InventoryDigest sum = InventoryDigest.EMPTY;
    for (int i = 0; i < 1000; i++) {
      sum = sum.plus("x", "y");
      steps.add(sum);
    }
    for (int i = 999; i > 0; i--) {
      sum = sum.minus("x", "y");
      assertThat(sum).isEqualTo(steps.get(i - 1));
    }
  }

  @Test
  void parse_hexOrNot() {
    String hex = InventoryDigest.of(VECTOR).hex();
    assertThat(InventoryDigest.parse(hex)).isEqualTo(InventoryDigest.of(VECTOR));
    assertThat(InventoryDigest.parse(hex.toUpperCase())).isNull();
    assertThat(InventoryDigest.parse("")).isNull();
    assertThat(InventoryDigest.parse(null)).isNull();
  }

  static Object randomValue(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "v" + random.nextInt(5);
      case 1 -> (long) random.nextInt(5) - 2;
      case 2 -> random.nextInt(5) / 2.0;
      default -> random.nextBoolean();
    };
  }
}
