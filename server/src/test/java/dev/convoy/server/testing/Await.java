package dev.convoy.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for something another thread does (a hint sent, a session closed); never for a schedule. */
public final class Await {
  private Await() {}

  /** Polls {@code condition} every 10 ms; fails after 10 s. */
  public static void until(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
