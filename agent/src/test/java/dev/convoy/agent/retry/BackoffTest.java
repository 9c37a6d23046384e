package dev.convoy.agent.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration ONE = Duration.ofSeconds(1);
  private static final Duration SIXTY = Duration.ofSeconds(60);

  @Test
  void ceiling_doublesFromInitialUpToTheCap() {
    Backoff backoff = new Backoff(ONE, SIXTY, new Random(1));
    List<Long> ceilings = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      ceilings.add(backoff.ceiling().toSeconds());
      backoff.next();
    }
    assertThat(ceilings).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
  }

  @Test
  void next_manyDraws_stayWithinZeroAndTheCeiling() {
    Backoff backoff = new Backoff(ONE, SIXTY, new Random(42));
    for (int i = 0; i < 1_000; i++) {
      Duration ceiling = backoff.ceiling();
      Duration delay = backoff.next();
      assertThat(delay).isBetween(Duration.ZERO, ceiling);
    }
  }

  @Test
  void next_atTheCap_isJitteredAcrossTheWholeRange() {
    Backoff backoff = new Backoff(ONE, SIXTY, new Random(7));
    for (int i = 0; i < 10; i++) {
      backoff.next();
    }
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      delays.add(backoff.next());
    }
    // Full jitter: the draws cover low and high parts of [0, 60 s], not one fixed value.
    assertThat(delays).anyMatch(d -> d.compareTo(Duration.ofSeconds(10)) < 0);
    assertThat(delays).anyMatch(d -> d.compareTo(Duration.ofSeconds(50)) > 0);
    assertThat(new HashSet<>(delays)).hasSizeGreaterThan(150);
  }

  @Test
  void next_sameSeed_sameSequence() {
    Backoff a = new Backoff(ONE, SIXTY, new Random(3));
    Backoff b = new Backoff(ONE, SIXTY, new Random(3));
    for (int i = 0; i < 20; i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
  }

  @Test
  void reset_afterFailures_startsAgainFromInitial() {
    Backoff backoff = new Backoff(ONE, SIXTY, new Random(5));
    for (int i = 0; i < 8; i++) {
      backoff.next();
    }
    assertThat(backoff.ceiling()).isEqualTo(SIXTY);

    backoff.reset();

    assertThat(backoff.ceiling()).isEqualTo(ONE);
    assertThat(backoff.next()).isLessThanOrEqualTo(ONE);
  }

  @Test
  void next_afterVeryManyFailures_neverOverflows() {
    Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofDays(365), new Random(9));
    for (int i = 0; i < 10_000; i++) {
      assertThat(backoff.next()).isBetween(Duration.ZERO, Duration.ofDays(365));
    }
  }

  @Test
  void constructor_badBounds_areRefusedNamingTheField() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, SIXTY, new Random()))
        .hasMessage("backoff initial: PT0S (expected: > 0)");
    assertThatThrownBy(() -> new Backoff(SIXTY, ONE, new Random()))
        .hasMessage("backoff max: PT1S (expected: >= initial PT1M)");
  }

  @Test
  void resetAfterHealthySession_afterFailures_capsTwentyFourCeilingsAtTenSecondsThenDoublesOnToMax() {
    Backoff backoff = new Backoff(ONE, SIXTY, new Random(11));
    for (int i = 0; i < 8; i++) {
      backoff.next();
    }

    backoff.resetAfterHealthySession();

    List<Long> ceilings = new ArrayList<>();
    for (int i = 0; i < 29; i++) {
      ceilings.add(backoff.ceiling().toSeconds());
      assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofSeconds(ceilings.get(i)));
    }
    assertThat(ceilings.subList(0, 4)).containsExactly(1L, 2L, 4L, 8L);
    assertThat(ceilings.subList(4, 24)).containsOnly(10L);
    assertThat(ceilings.subList(24, 29)).containsExactly(20L, 40L, 60L, 60L, 60L);
  }

  @Test
  void reset_duringTheFastPhase_endsIt() {
    Backoff backoff = new Backoff(ONE, SIXTY, new Random(12));
    backoff.resetAfterHealthySession();
    backoff.next();

    backoff.reset();

    List<Long> ceilings = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ceilings.add(backoff.ceiling().toSeconds());
      backoff.next();
    }
    assertThat(ceilings).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L);
  }

  @Test
  void resetAfterHealthySession_maxBelowTheFastCap_staysWithinMax() {
    Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(2), new Random(13));
    backoff.resetAfterHealthySession();

    List<Long> ceilings = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ceilings.add(backoff.ceiling().toMillis());
      backoff.next();
    }
    assertThat(ceilings).containsExactly(500L, 1000L, 2000L, 2000L, 2000L);
  }
}
