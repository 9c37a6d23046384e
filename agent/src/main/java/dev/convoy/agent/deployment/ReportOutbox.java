package dev.convoy.agent.deployment;

import dev.convoy.agent.retry.Backoff;
import dev.convoy.agent.retry.Sleeper;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends status reports in the order they were journaled, on its own thread, so that deployments keep going while
 * the server is unreachable. Each report is retried with backoff on UNAVAILABLE / DEADLINE_EXCEEDED until the
 * server acknowledges it; any other refusal is logged and the report dropped (resending an identical report
 * cannot change the answer). Either way the journal records the sequence as reported.
 *
 * <p>Reports still queued when the agent stops are not lost: their state is in the journal, and
 * {@link Reconciler#start()} re-sends every journaled state the server has not acknowledged.
 *
 * <p>Thread-safe.
 */
public final class ReportOutbox implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ReportOutbox.class);

  private final ServerApi server;
  private final DeploymentJournal journal;
  private final Supplier<Backoff> backoffs;
  private final Sleeper sleeper;
  private final BlockingQueue<StatusReport> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private long unsent;          // guarded by this: enqueued and not yet acknowledged or dropped

  /**
   * @param backoffs makes the retry backoff of each report
   */
  public ReportOutbox(ServerApi server, DeploymentJournal journal, Supplier<Backoff> backoffs, Sleeper sleeper) {
    this.server = server;
    this.journal = journal;
    this.backoffs = backoffs;
    this.sleeper = sleeper;
    this.thread = new Thread(this::loop, "convoy-reports");
    this.thread.setDaemon(true);
  }

  /** Starts the sending thread. */
  public void start() {
    thread.start();
  }

  /** Queues {@code report} after every report queued before it. The state must already be journaled. */
  public void enqueue(StatusReport report) {
    synchronized (this) {
      unsent++;
    }
    queue.add(report);
  }

  /**
   * Waits until every report queued so far was acknowledged (or dropped), so that a report sent synchronously
   * afterwards (the install permit, a deferral) reaches the server after them, in sequence order.
   *
   * @return false if they were not all sent within {@code timeout} (the server is unreachable)
   */
  public synchronized boolean drain(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (unsent > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private synchronized void sent() {
    unsent--;
    notifyAll();
  }

  /** Stops sending; queued reports stay unacknowledged in the journal. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        StatusReport report = queue.take();
        deliver(report);
        record(report);
        sent();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void record(StatusReport report) {
    try {
      journal.markReported(report.deploymentId(), report.attempt(), report.sequence());
    } catch (RuntimeException e) {
      // Not fatal: the report is sent again at the next start, and the server ignores duplicates.
      if (!Thread.currentThread().isInterrupted()) {
        logger.warn("acknowledgement not journaled deployment={} sequence={} reason=\"{}\"",
            report.deploymentId(), report.sequence(), e.getMessage());
      }
    }
  }

  private void deliver(StatusReport report) throws InterruptedException {
    Backoff backoff = backoffs.get();
    while (true) {
      try {
        StatusAck ack = server.report(report);
        logger.debug("report acknowledged deployment={} sequence={} state={} applied={}",
            report.deploymentId(), report.sequence(), report.state(), ack.applied());
        return;
      } catch (ServerException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("stopping"); // the call was cancelled by close(), not refused
        }
        if (!e.retryable()) {
          logger.warn("report refused deployment={} attempt={} sequence={} state={} code={} reason=\"{}\" (dropped)",
              report.deploymentId(), report.attempt(), report.sequence(), report.state(), e.code(), e.getMessage());
          return;
        }
        var delay = backoff.next();
        logger.info("report not delivered deployment={} sequence={} code={} retry_in_ms={}",
            report.deploymentId(), report.sequence(), e.code(), delay.toMillis());
        sleeper.sleep(delay);
      } catch (RuntimeException e) {
        logger.error("report failed deployment={} sequence={} (dropped)", report.deploymentId(), report.sequence(), e);
        return;
      }
    }
  }
}
