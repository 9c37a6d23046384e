package dev.convoy.agent.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong();
  private final List<Duration> sleeps = new ArrayList<>();

  private RateLimiter limiter(long bytesPerSecond) {
    // The fake sleeper advances the fake clock: time passes only when the limiter waits.
    return RateLimiter.of(bytesPerSecond, now::get, d -> {
      sleeps.add(d);
      now.addAndGet(d.toNanos());
    });
  }

  @Test
  void acquire_withinTheFirstSecondsBudget_doesNotWait() throws Exception {
    RateLimiter limiter = limiter(1000);

    limiter.acquire(600);
    limiter.acquire(400);

    assertThat(sleeps).isEmpty();
  }

  @Test
  void acquire_beyondTheBudget_waitsForTheDebt() throws Exception {
    RateLimiter limiter = limiter(1000);
    limiter.acquire(1000);

    limiter.acquire(500);

    assertThat(sleeps).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void acquire_sustained_averagesTheLimit() throws Exception {
    RateLimiter limiter = limiter(10_000);
    for (int i = 0; i < 100; i++) {
      limiter.acquire(1_000); // 100 kB at 10 kB/s: about 10 s, minus the first second's burst
    }
    assertThat(Duration.ofNanos(now.get())).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10));
  }

  @Test
  void acquire_afterIdleTime_refillsAtMostOneSecondOfBurst() throws Exception {
    RateLimiter limiter = limiter(1000);
    limiter.acquire(1000);
    now.addAndGet(Duration.ofSeconds(30).toNanos());

    limiter.acquire(1000);
    limiter.acquire(1000);

    assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void acquire_unlimited_neverWaits() throws Exception {
    RateLimiter limiter = limiter(0);
    for (int i = 0; i < 1000; i++) {
      limiter.acquire(1 << 20);
    }
    assertThat(limiter.limited()).isFalse();
    assertThat(sleeps).isEmpty();
  }
}
