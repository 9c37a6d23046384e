package dev.convoy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of the benchmark (50 endpoints): the benchmark answers what a brute-force count says. */
class InventoryBenchmarkTest {
  @Test
  void run_fiftyEndpoints_typicalQueryMatchesTheGeneratedFleet(@TempDir Path dir) throws Exception {
    InventoryBenchmark.Result result = InventoryBenchmark.run(dir, 50, 4);

    long expected = IntStream.range(0, 50).mapToObj(SimulatedInventory::of)
        .filter(f -> f.get("os.family").equals("debian") && (double) f.get("hardware.memory_gb") < 8)
        // below "7.6": only 7.5.9.2 (7.6.4.1 is above; the epoch of 4:7.4.7-1+deb12u4 sorts it above, as dpkg does)
        .filter(f -> "7.5.9.2".equals(f.get("software.libreoffice.version")))
        .count();
    assertThat(result.endpoints()).isEqualTo(50);
    assertThat(result.queries()).hasSize(InventoryBenchmark.QUERIES.size());
    assertThat(result.queries().get(0).query()).isEqualTo(InventoryBenchmark.TYPICAL);
    assertThat(result.queries().get(0).matches()).isEqualTo((int) expected);
    assertThat(result.facts()).isGreaterThan(50 * 3 * SimulatedInventory.PACKAGES);
  }
}
