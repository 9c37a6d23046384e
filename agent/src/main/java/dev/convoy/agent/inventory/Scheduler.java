package dev.convoy.agent.inventory;

import java.time.Duration;

/** Runs a task once after a delay: a port, so that tests drive time by hand. Implementations are thread-safe. */
@FunctionalInterface
public interface Scheduler {
  /** Runs {@code task} once, {@code delay} from now; the returned handle cancels it if it has not run yet. */
  Cancellable schedule(Runnable task, Duration delay);

  /** A scheduled task that can be cancelled. */
  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }
}
