package dev.convoy.agent.inventory;

import dev.convoy.inventory.InventoryDigest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** docs/inventory.md "Inventory digest" over the agent's inventories: the test vector and incremental updates. */
class InventoryDigestsTest {
  static Inventory inventory(Map<String, FactValue> facts) {
    Inventory.Builder builder = Inventory.builder();
    facts.forEach((path, value) -> builder.put(FactPath.parse(path), value));
    return builder.build();
  }

  @Test
  void of_testVector_matchesTheDocumentedDigest() {
    Inventory vector = inventory(Map.of("os.family", FactValue.text("debian"),
        "hardware.cpu.cores", FactValue.integer(4), "hardware.memory_gb", FactValue.real(7.5),
        "facts.kiosk", FactValue.flag(false), "software[\"g++\"].version", FactValue.text("4:12.2.0-3")));

    assertThat(InventoryDigests.of(vector).hex())
        .isEqualTo("2a4caf4a1e43c7e10a449d5da84e979a8d403db1d12104a58de7f9fa7a0baec5");
    assertThat(InventoryDigests.of(Inventory.empty()).hex()).isEqualTo("0".repeat(64));
  }

  @Test
  void with_randomChanges_equalsTheDigestOfTheWholeInventory() {
    Random random = new Random(7);
    TreeMap<String, FactValue> facts = new TreeMap<>();
    Inventory base = inventory(facts);
    InventoryDigest digest = InventoryDigests.of(base);
    for (int step = 0; step < 300; step++) {
      for (int i = random.nextInt(5); i >= 0; i--) {
        String path = "software.p" + random.nextInt(40) + ".version";
        if (random.nextInt(3) == 0) {
          facts.remove(path);
        } else {
          facts.put(path, switch (random.nextInt(4)) {
            case 0 -> FactValue.text("v" + random.nextInt(4));
            case 1 -> FactValue.integer(random.nextInt(4) - 2);
            case 2 -> FactValue.real(random.nextInt(4) / 2.0);
            default -> FactValue.flag(random.nextBoolean());
          });
        }
      }
      Inventory next = inventory(facts);

      digest = InventoryDigests.advance(digest, base, next.changesSince(base));

      assertThat(digest).isEqualTo(InventoryDigests.of(next));
      assertThat(InventoryDigest.parse(digest.hex())).isEqualTo(digest);
      base = next;
    }
  }
}
