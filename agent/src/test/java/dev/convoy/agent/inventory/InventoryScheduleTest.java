package dev.convoy.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.agent.testing.ManualClock;
import dev.convoy.agent.testing.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schedule on a manual clock and scheduler: tests move time, nothing sleeps. */
class InventoryScheduleTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private final ManualClock clock = new ManualClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<Instant> fired = new ArrayList<>();

  private InventorySchedule schedule(double random) {
    return new InventorySchedule(Duration.ofHours(4), 0.25, () -> random, clock, scheduler, () -> fired.add(clock.instant()));
  }

  @Test
  void start_firesAtTheJitteredTime_notBefore() {
    InventorySchedule schedule = schedule(0.9); // 4 h × (1 + 0.25 × (2 × 0.9 − 1)) = 4 h 48 min
    schedule.start();
    assertThat(schedule.nextAt()).isEqualTo(T0.plus(Duration.ofMinutes(288)));

    scheduler.advance(Duration.ofMinutes(288).minusSeconds(1));
    assertThat(fired).isEmpty();

    scheduler.advance(Duration.ofSeconds(1));
    assertThat(fired).containsExactly(T0.plus(Duration.ofMinutes(288)));
    assertThat(schedule.nextAt()).isEqualTo(T0.plus(Duration.ofMinutes(576)));
  }

  @Test
  void jitter_spansThreeToFiveHours() {
    InventorySchedule early = schedule(0.0);
    early.start();
    assertThat(early.nextAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    early.close();
    InventorySchedule late = schedule(0.999_999);
    late.start();
    assertThat(Duration.between(T0, late.nextAt())).isBetween(Duration.ofMinutes(299), Duration.ofHours(5));
  }

  @Test
  void periods_keepFiring() {
    schedule(0.5).start(); // exactly 4 h

    scheduler.advance(Duration.ofHours(12));

    assertThat(fired).containsExactly(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(8)),
        T0.plus(Duration.ofHours(12)));
  }

  @Test
  void machineAsleepPastTheDueTime_firesOnceSoonAfterWaking() {
    schedule(0.5).start();

    clock.advance(Duration.ofHours(9)); // suspended: no timer ran, the wall clock moved on
    scheduler.advance(InventorySchedule.MAX_WAIT);

    assertThat(fired).hasSize(1);
    assertThat(Duration.between(T0.plus(Duration.ofHours(9)), fired.get(0))).isLessThanOrEqualTo(InventorySchedule.MAX_WAIT);
  }

  @Test
  void close_stopsFiring() {
    InventorySchedule schedule = schedule(0.5);
    schedule.start();

    schedule.close();
    scheduler.advance(Duration.ofHours(10));

    assertThat(fired).isEmpty();
  }

  @Test
  void failingTask_doesNotStopTheSchedule() {
    List<Instant> attempts = new ArrayList<>();
    new InventorySchedule(Duration.ofHours(1), 0, () -> 0.5, clock, scheduler, () -> {
      attempts.add(clock.instant());
      throw new IllegalStateException("disconnected");
    }).start();

    scheduler.advance(Duration.ofHours(2));

    assertThat(attempts).hasSize(2);
  }

  @Test
  void constructor_badInterval_isRefused() {
    assertThatThrownBy(() -> new InventorySchedule(Duration.ZERO, 0.25, () -> 0.5, clock, scheduler, () -> { }))
        .hasMessage("inventory_interval: PT0S (expected: > 0)");
  }
}
