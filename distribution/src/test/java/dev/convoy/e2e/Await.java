package dev.convoy.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition on real processes until it holds or a deadline passes (no schedule is waited for here). */
final class Await {
  private Await() {}

  static void until(Duration timeout, BooleanSupplier condition, Supplier<String> whatWasExpected) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true within " + timeout + ": " + whatWasExpected.get());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for: " + whatWasExpected.get());
      }
    }
  }
}
