package dev.convoy.agent.testing;

import dev.convoy.agent.inventory.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Scheduler} driven by hand, like a real one: delays count on a monotonic timeline (a
 * ScheduledExecutorService counts {@code System.nanoTime()}, which stands still while the machine is suspended).
 * {@link #advance} moves the monotonic time and the {@link ManualClock} together, running each task, on the test's
 * thread, when its delay is over. Moving the clock alone ({@link ManualClock#advance}) is a machine asleep: wall
 * time passes, no delay does. No thread, no sleep.
 */
public final class ManualScheduler implements Scheduler {
  private final ManualClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private long monotonicNanos;
  private long sequence;

  public ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    Task scheduled = new Task(monotonicNanos + Math.max(0, delay.toNanos()), sequence++, task);
    tasks.add(scheduled);
    return () -> remove(scheduled);
  }

  /** Lets {@code duration} pass (awake), running each task as its delay ends. */
  public void advance(Duration duration) {
    long end;
    synchronized (this) {
      end = monotonicNanos + duration.toNanos();
    }
    for (Optional<Task> next = nextDue(end); next.isPresent(); next = nextDue(end)) {
      next.get().task().run();
    }
    synchronized (this) {
      clock.advance(Duration.ofNanos(end - monotonicNanos));
      monotonicNanos = end;
    }
  }

  public synchronized int pending() {
    return tasks.size();
  }

  private synchronized Optional<Task> nextDue(long end) {
    Optional<Task> next = tasks.stream().filter(t -> t.due() <= end)
        .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::sequence));
    next.ifPresent(task -> {
      tasks.remove(task);
      clock.advance(Duration.ofNanos(task.due() - monotonicNanos));
      monotonicNanos = task.due();
    });
    return next;
  }

  private synchronized void remove(Task task) {
    tasks.remove(task);
  }

  private record Task(long due, long sequence, Runnable task) {}
}
