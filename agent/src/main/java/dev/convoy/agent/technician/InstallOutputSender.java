package dev.convoy.agent.technician;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the deployment log lines of technician jobs to the server while they run, so the technician watches the
 * install live ({@code convoy tech log JOB --follow}). Lines are numbered per attempt and sent in batches by one
 * daemon thread (at most {@link #BATCH} lines, at least every {@link #FLUSH_MILLIS} ms); a failed call drops its
 * batch (the final report still carries the log's tail) and at most {@link #QUEUE} lines wait, the oldest dropped
 * first, so a slow server never slows an install. Only deployments named by {@link #watch} are sent.
 *
 * <p>Thread-safe.
 */
public final class InstallOutputSender implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(InstallOutputSender.class);
  static final int BATCH = 200;
  static final int QUEUE = 5_000;
  static final long FLUSH_MILLIS = 250;

  private record Pending(String deploymentId, int attempt, long sequence, String text) {}

  private final InstallOutputApi api;
  private final Map<String, Integer> watched = new HashMap<>();
  private final Map<String, Long> sequences = new HashMap<>();
  private final List<Pending> queue = new ArrayList<>();
  private final Thread thread;
  private boolean closed;

  public InstallOutputSender(InstallOutputApi api) {
    this.api = api;
    this.thread = new Thread(this::run, "convoy-install-output");
    this.thread.setDaemon(true);
  }

  public InstallOutputSender start() {
    thread.start();
    return this;
  }

  /** The technician deployments of the current desired state, with their attempts. */
  public synchronized void watch(Map<String, Integer> deploymentAttempts) {
    watched.clear();
    watched.putAll(deploymentAttempts);
  }

  /** One line of a deployment's log (the log tap); ignored unless the deployment is watched. */
  public synchronized void line(String deploymentId, String text) {
    Integer attempt = watched.get(deploymentId);
    if (attempt == null || closed) {
      return;
    }
    String key = deploymentId + "#" + attempt;
    long sequence = sequences.merge(key, 1L, Long::sum);
    queue.add(new Pending(deploymentId, attempt, sequence, text));
    if (queue.size() > QUEUE) {
      queue.remove(0);
    }
    notifyAll();
  }

  /** Sends what is queued now (the sender thread's step; tests call it directly). */
  public void flush() {
    List<Pending> batch;
    synchronized (this) {
      batch = new ArrayList<>(queue.subList(0, Math.min(BATCH, queue.size())));
      queue.subList(0, batch.size()).clear();
    }
    int from = 0;
    while (from < batch.size()) {
      Pending first = batch.get(from);
      int to = from;
      List<String> lines = new ArrayList<>();
      while (to < batch.size() && batch.get(to).deploymentId().equals(first.deploymentId())
          && batch.get(to).attempt() == first.attempt() && batch.get(to).sequence() == first.sequence() + lines.size()) {
        lines.add(batch.get(to).text());
        to++;
      }
      try {
        api.send(first.deploymentId(), first.attempt(), first.sequence(), lines);
      } catch (RuntimeException e) {
        logger.debug("install output not sent deployment={} lines={} reason=\"{}\"", first.deploymentId(),
            lines.size(), e.getMessage());
      }
      from = to;
    }
  }

  private void run() {
    while (true) {
      synchronized (this) {
        try {
          while (queue.isEmpty() && !closed) {
            wait();
          }
          if (closed) {
            return;
          }
          wait(FLUSH_MILLIS); // gathers a batch
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      flush();
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    flush();
  }
}
