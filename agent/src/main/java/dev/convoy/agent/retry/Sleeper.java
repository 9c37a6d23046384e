package dev.convoy.agent.retry;

import java.time.Duration;

/**
 * Waits for a while: the one place where the agent deliberately passes time (reconnect backoff, report retries,
 * download rate limit). Injected so that tests run those paths without waiting.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real one. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  /**
   * Returns after {@code duration}.
   *
   * @throws InterruptedException when the waiting thread is interrupted (the agent is stopping)
   */
  void sleep(Duration duration) throws InterruptedException;
}
