package dev.convoy.agent.inventory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link Scheduler} on one daemon thread. Thread-safe; tasks scheduled after {@link #close()} never run. */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
  private final ScheduledExecutorService executor;

  /** @param threadName the name of its thread */
  public ExecutorScheduler(String threadName) {
    this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    try {
      ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    } catch (RejectedExecutionException e) {
      return () -> { };
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
