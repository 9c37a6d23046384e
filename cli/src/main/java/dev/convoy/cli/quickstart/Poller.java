package dev.convoy.cli.quickstart;

import dev.convoy.cli.CommandFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits for a condition by polling it, with a time limit read from a {@link Clock}: tests pass a clock and a
 * sleeper that advance together, so a 60 s timeout takes no real time. Thread-safe if the probe is.
 */
public final class Poller {
  /** Pauses between polls; {@code Thread::sleep} in production. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** One look at the condition: a value when it holds, empty when not yet; throws when it never will. */
  @FunctionalInterface
  public interface Probe<T> {
    Optional<T> poll() throws Exception;
  }

  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration interval;

  public Poller(Clock clock, Sleeper sleeper, Duration interval) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.interval = interval;
  }

  /** Real time, polling every 250 ms. */
  public static Poller system(Clock clock) {
    return new Poller(clock, d -> Thread.sleep(d.toMillis()), Duration.ofMillis(250));
  }

  /**
   * Polls {@code probe} until it yields a value or {@code timeout} has passed.
   *
   * @param what what is awaited, for the timeout message ("the server to listen")
   * @throws CommandFailedException when the time is up, naming {@code what} and the timeout
   * @throws Exception whatever the probe throws: a condition that can no longer become true
   */
  public <T> T await(String what, Duration timeout, Probe<T> probe) throws Exception {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      Optional<T> value = probe.poll();
      if (value.isPresent()) {
        return value.get();
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new CommandFailedException("gave up after " + timeout.toSeconds() + " s waiting for " + what);
      }
      sleeper.sleep(interval);
    }
  }
}
