package dev.convoy.agent.deployment;

import dev.convoy.agent.download.ChunkedDownloader;
import dev.convoy.agent.retry.Backoff;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the local deployments in line with the server's desired state, one deployment at a time on a single
 * worker thread. A pass first resumes whatever the journal holds in flight (until one pass got through it), then
 * walks every listed deployment that is not terminal locally. Desired states that arrive while a pass runs are
 * coalesced: the next pass uses the latest. A pass cut short by a passing condition (server unreachable) is
 * retried after a jittered backoff. A deployment the server no longer lists is left alone.
 *
 * <p>Thread-safe: {@link #offer} may be called from any thread.
 */
public final class Reconciler implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(Reconciler.class);

  private final DeploymentJournal journal;
  private final ReportOutbox outbox;
  private final DeploymentRunner runner;
  private final Backoff retryBackoff;
  private final Function<String, Path> workDirs;
  private final Clock clock;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "convoy-deployments");
    thread.setDaemon(true);
    return thread;
  });

  private DesiredState latest;                 // guarded by this
  private CompletableFuture<Void> pending;     // guarded by this: the pass scheduled but not started yet
  private boolean resumePending = true;        // worker thread only

  /**
   * @param workDirs {@code DIR/work/<deployment id>} for a deployment id
   * @param retryBackoff delays the retry of a pass cut short by an unreachable server
   * @param installedChanged told (on the worker thread) with the deployment's action when a deployment ends in
   *     SUCCEEDED or ALREADY_INSTALLED, i.e. when the installed releases (and the inventory) may have changed
   */
  public Reconciler(DeploymentJournal journal, ReportOutbox outbox, ChunkedDownloader downloader,
      InstallStep installStep, Function<String, Path> workDirs, Backoff retryBackoff, Clock clock,
      Consumer<DeploymentAction> installedChanged) {
    this.journal = journal;
    this.outbox = outbox;
    this.workDirs = workDirs;
    this.retryBackoff = retryBackoff;
    this.clock = clock;
    this.runner = new DeploymentRunner(journal, outbox, downloader, installStep, workDirs, clock, installedChanged);
  }

  /**
   * Re-queues every journaled state the server has not acknowledged, then resumes the deployments in flight.
   *
   * @return completes when that first pass is over
   */
  public CompletableFuture<Void> start() {
    for (JournalEntry entry : journal.all()) {
      if (entry.unreported()) {
        String excerpt = entry.state().terminal() ? new DeploymentLog(workDirs.apply(entry.deploymentId()), clock).excerpt() : "";
        outbox.enqueue(entry.report(excerpt));
        logger.info("report re-queued deployment={} state={} sequence={}", entry.deploymentId(), entry.state(), entry.sequence());
      }
    }
    return schedule(null);
  }

  /**
   * Takes a new desired state; a pass over it runs as soon as the worker is free.
   *
   * @return completes when the pass that covers {@code desired} is over
   */
  public CompletableFuture<Void> offer(DesiredState desired) {
    return schedule(desired);
  }

  private synchronized CompletableFuture<Void> schedule(DesiredState desired) {
    if (desired != null) {
      latest = desired;
    }
    if (pending == null) {
      CompletableFuture<Void> next = new CompletableFuture<>();
      try {
        worker.execute(this::runPass);
      } catch (RejectedExecutionException e) {
        next.completeExceptionally(new IllegalStateException("reconciler is closed", e));
        return next;
      }
      pending = next;
    }
    return pending;
  }

  private void runPass() {
    CompletableFuture<Void> done;
    DesiredState desired;
    synchronized (this) {
      done = pending;
      pending = null;
      desired = latest;
    }
    try {
      boolean complete = pass(desired);
      if (complete) {
        retryBackoff.reset();
      } else if (!worker.isShutdown()) {
        Duration delay = retryBackoff.next();
        logger.info("reconcile pass cut short; retry_in_ms={}", delay.toMillis());
        worker.schedule(() -> schedule(null), delay.toNanos(), TimeUnit.NANOSECONDS);
      }
      done.complete(null);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
  }

  /** @return false if a deployment could not progress for a passing reason */
  private boolean pass(DesiredState desired) {
    if (resumePending) {
      for (JournalEntry entry : journal.all()) {
        if (!entry.state().terminal() && !walk(entry.deploymentId(), () -> runner.resume(entry))) {
          return false;
        }
      }
      resumePending = false;
    }
    List<DeploymentSpec> specs = desired == null ? List.of() : desired.deployments();
    for (DeploymentSpec spec : specs) {
      if (!spec.hasSafeId()) {
        logger.error("deployment id refused deployment_id=\"{}\" (expected: [A-Za-z0-9._-], at most 128)", spec.deploymentId());
        continue;
      }
      Optional<JournalEntry> known = journal.find(spec.deploymentId());
      if (known.isEmpty() || known.get().attempt() < spec.attempt()) {
        if (!walk(spec.deploymentId(), () -> runner.begin(spec))) {
          return false;
        }
      } else if (known.get().attempt() == spec.attempt() && !known.get().state().terminal()) {
        if (!walk(spec.deploymentId(), () -> runner.resume(known.get()))) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean walk(String deploymentId, Walk walk) {
    try {
      walk.run();
      return true;
    } catch (RetryLater e) {
      logger.info("deployment={} paused reason=\"{}\"", deploymentId, e.getMessage());
      return false;
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        logger.info("deployment={} paused: the agent is stopping", deploymentId);
        return false;
      }
      logger.error("deployment={} stopped by an unexpected error (left in its journaled state)", deploymentId, e);
      return true;
    }
  }

  /** Stops the worker, interrupting a running download; journaled states stay for the next start. */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
        logger.warn("deployment worker did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @FunctionalInterface
  private interface Walk {
    void run() throws RetryLater;
  }
}
