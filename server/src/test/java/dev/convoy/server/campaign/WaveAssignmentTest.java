package dev.convoy.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.campaign.plan.Threshold;
import dev.convoy.server.campaign.plan.WaveSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WaveAssignmentTest {
  private static WaveSpec percent(String name, double percent) {
    return new WaveSpec(name, List.of(), percent, Threshold.percentOf(90), Threshold.percentOf(10), 1, Duration.ZERO,
        false);
  }

  @Test
  void assign_percentWaves_consecutiveSlicesOfTheHashOrder() {
    List<String> targets = IntStream.range(0, 200).mapToObj(i -> String.format("ep-%016x", i * 7919L)).toList();
    List<String> byRank = new ArrayList<>(targets);
    byRank.sort(Comparator.comparing(WaveAssignment::rank).thenComparing(Comparator.naturalOrder()));

    List<List<String>> waves = WaveAssignment.assign(List.of(percent("pilot", 10), percent("half", 40),
        percent("rest", 0)), targets, (endpoint, group) -> false);

    assertThat(waves.get(0)).isEqualTo(byRank.subList(0, 20));
    assertThat(waves.get(1)).isEqualTo(byRank.subList(20, 100));
    assertThat(waves.get(2)).isEqualTo(byRank.subList(100, 200));
  }

  @Test
  void assign_sameTargetsInAnotherOrder_sameWaves() {
    List<String> targets = IntStream.range(0, 50).mapToObj(i -> "ep-" + i).toList();
    List<String> reversed = new ArrayList<>(targets);
    java.util.Collections.reverse(reversed);
    List<WaveSpec> specs = List.of(percent("pilot", 20), percent("rest", 0));

    assertThat(WaveAssignment.assign(specs, reversed, (e, g) -> false))
        .isEqualTo(WaveAssignment.assign(specs, targets, (e, g) -> false));
  }
}
