package dev.convoy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.bench.sim.Latencies;
import org.junit.jupiter.api.Test;

/** The arithmetic behind the published figures: percentiles and how a missed target is worded. */
class TargetsTest {
  @Test
  void missed_upperBoundExceeded_namesTheGapInPercent() {
    assertThat(Targets.missed("p99 (ms)", 30, 20, true)).isEqualTo("p99 (ms) missed by 50 % (measured 30.00, target ≤ 20.00).");
    assertThat(Targets.missed("p99 (ms)", 20, 20, true)).isEmpty();
  }

  @Test
  void missed_lowerBoundNotReached_namesTheGapInPercent() {
    assertThat(Targets.missed("rate", 2500, 10_000, false)).startsWith("rate missed by 75 %");
    assertThat(Targets.missed("rate", 10_000, 10_000, false)).isEmpty();
  }

  @Test
  void millis_hundredSamples_nearestRankPercentiles() {
    Latencies latencies = new Latencies(1000);
    for (int i = 100; i >= 1; i--) {
      latencies.record(i * 1_000_000L);
    }
    assertThat(latencies.millis(0.5)).isEqualTo(50.0);
    assertThat(latencies.millis(0.99)).isEqualTo(99.0);
    assertThat(latencies.millis(1.0)).isEqualTo(100.0);
    assertThat(latencies.count()).isEqualTo(100);
  }
}
