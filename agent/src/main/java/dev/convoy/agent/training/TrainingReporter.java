package dev.convoy.agent.training;

import dev.convoy.agent.deployment.ServerException;
import dev.convoy.agent.retry.Backoff;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports journaled attestations to the server until each is acknowledged: at once when one is recorded, again
 * after a backoff while the server cannot be reached, and at every start for what an earlier run left. The server
 * applies a report at most once, so a repeat after a lost acknowledgement changes nothing. An attestation the
 * server refuses for good (e.g. the release left the catalogue) is logged and not retried until the next start.
 * Thread-safe.
 */
public final class TrainingReporter implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(TrainingReporter.class);

  private final TrainingJournal journal;
  private final AttestationSink sink;
  private final Backoff backoff;
  private final Semaphore wake = new Semaphore(0);
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile boolean closed;

  public TrainingReporter(TrainingJournal journal, AttestationSink sink, Backoff backoff) {
    this.journal = journal;
    this.sink = sink;
    this.backoff = backoff;
    this.thread = new Thread(this::loop, "convoy-training-reporter");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Asks the reporter to report what is pending now. */
  public void wake() {
    wake.release();
  }

  /**
   * Reports every pending attestation once, in order, stopping at the first the server cannot take now.
   *
   * @return true when nothing retryable is left pending
   */
  public synchronized boolean flush() {
    for (Attestation attestation : journal.pending()) {
      if (refused.contains(attestation.key())) {
        continue;
      }
      try {
        sink.report(attestation);
        journal.acknowledge(attestation);
        logger.info("training attestation acknowledged release={}@{} user={}", attestation.releaseName(),
            attestation.releaseVersion(), attestation.user());
      } catch (ServerException e) {
        if (e.retryable()) {
          logger.info("training attestation not reported yet release={}@{} reason=\"{}\"",
              attestation.releaseName(), attestation.releaseVersion(), e.getMessage());
          return false;
        }
        refused.add(attestation.key());
        logger.error("training attestation refused by the server release={}@{} reason=\"{}\"",
            attestation.releaseName(), attestation.releaseVersion(), e.getMessage());
      }
    }
    return true;
  }

  private void loop() {
    while (!closed) {
      try {
        if (flush()) {
          backoff.reset();
          wake.acquire();
        } else {
          wake.tryAcquire(backoff.next().toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        logger.error("training reporter failed; retrying", e);
        try {
          Thread.sleep(backoff.next().toMillis()); // a journal write failed; do not spin
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
