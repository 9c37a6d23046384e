package dev.convoy.server.storage.rocksdb;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers queue change sets; one writer thread takes everything queued (up to
 * {@code maxGroup} change sets), applies it as one {@link WriteBatch} with {@code sync=true}, then completes every
 * caller's future. A caller is acknowledged only once its changes are durable, and a burst of N concurrent callers
 * costs about one fsync instead of N. Change sets are applied in submission order, each atomically; their counter
 * deltas are folded into one absolute value per counter and group ({@link CounterFold}).
 *
 * <p>If a group's write fails, every caller in it gets the failure and none of the group is applied (a RocksDB
 * write batch is atomic). Thread-safe.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(GroupCommitWriter.class);

  private record Pending(RocksChangeSet changes, CompletableFuture<Void> done) {}

  private static final Pending STOP = new Pending(null, null);

  private final RocksStorage storage;
  private final RocksDB db;
  private final WriteOptions syncWrite;
  private final int maxGroup;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong groupsWritten = new AtomicLong();
  private final AtomicLong changeSetsWritten = new AtomicLong();
  private boolean closed;

  GroupCommitWriter(RocksStorage storage, RocksDB db, WriteOptions syncWrite, int maxGroup) {
    this.storage = storage;
    this.db = db;
    this.syncWrite = syncWrite;
    this.maxGroup = maxGroup;
    this.thread = new Thread(this::run, "convoy-group-commit");
    thread.setDaemon(true);
  }

  /** Starts the writer thread; change sets submitted before are written as the first group(s). */
  void start() {
    thread.start();
  }

  /** Queues {@code changes}; the future completes once they are durable, or exceptionally. */
  synchronized CompletableFuture<Void> submit(RocksChangeSet changes) {
    if (closed) {
      return CompletableFuture.failedFuture(
          new ConvoyException(ErrorCode.UNAVAILABLE, "storage is closed (the server is shutting down)"));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.add(new Pending(changes, done));
    return done;
  }

  /** Number of synced writes so far: each is one group. */
  long groupsWritten() {
    return groupsWritten.get();
  }

  /** Number of change sets durable so far. */
  long changeSetsWritten() {
    return changeSetsWritten.get();
  }

  private void run() {
    List<Pending> group = new ArrayList<>();
    try {
      while (true) {
        Pending first = queue.take();
        if (first == STOP) {
          return;
        }
        group.add(first);
        queue.drainTo(group, maxGroup - 1);
        boolean stop = group.remove(STOP);
        write(group);
        group.clear();
        if (stop) {
          return;
        }
      }
    } catch (InterruptedException e) {
      // Nobody but close() should stop this thread; if it happens anyway, refuse instead of hanging callers.
      synchronized (this) {
        closed = true;
        queue.drainTo(group);
      }
      group.remove(STOP);
      fail(group, new ConvoyException(ErrorCode.UNAVAILABLE, "storage writer interrupted"));
    }
  }

  private void write(List<Pending> group) {
    try (WriteBatch batch = new WriteBatch()) {
      CounterFold counters = new CounterFold();
      for (Pending pending : group) {
        pending.changes().applyTo(batch, storage, counters);
      }
      counters.writeTo(batch, db, storage.handle(ColumnFamily.COUNTERS));
      db.write(syncWrite, batch);
    } catch (RocksDBException | RuntimeException e) {
      logger.error("group commit failed changeSets={}", group.size(), e);
      fail(group, ConvoyException.internal("storage write failed: " + e.getMessage(), e));
      return;
    }
    groupsWritten.incrementAndGet();
    changeSetsWritten.addAndGet(group.size());
    for (Pending pending : group) {
      pending.done().complete(null);
    }
  }

  private static void fail(List<Pending> group, RuntimeException failure) {
    for (Pending pending : group) {
      pending.done().completeExceptionally(failure);
    }
  }

  /** Writes everything already queued, then stops the thread. Later submissions fail with UNAVAILABLE. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    }
    if (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      // never started (a failed open): nothing can be written any more
      List<Pending> left = new ArrayList<>();
      queue.drainTo(left);
      left.remove(STOP);
      fail(left, new ConvoyException(ErrorCode.UNAVAILABLE, "storage is closed (the server is shutting down)"));
    }
  }
}
