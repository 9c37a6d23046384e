package dev.convoy.server.audit;

import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained audit log. Each entry carries the SHA-256 of the one before ({@link AuditChain}),
 * so that a modified, removed or reordered entry breaks the chain and {@link #verify()} names it.
 *
 * <p>Appends are serialised by one lock held from choosing the sequence until the batch is queued, in chain
 * order, to the storage's group-commit writer; each caller then waits for durability outside the lock, so
 * concurrent appends (notices delivered by thousands of agents) share fsyncs. The lock is a leaf (nothing else is
 * locked under it), so callers may hold their own locks while appending. A failed write (disk failure) makes the
 * next append read the head from the store again.
 *
 * <p>Thread-safe.
 */
public final class AuditLog {
  private static final Logger logger = LoggerFactory.getLogger(AuditLog.class);

  private final AuditStore store;
  private final Storage storage;
  private final Clock clock;
  private final ReentrantLock appendLock = new ReentrantLock();
  private AuditStore.Head head; // guarded by appendLock; null = read it from the store

  public AuditLog(AuditStore store, Storage storage, Clock clock) {
    this.store = store;
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * Appends {@code event} to {@code changes} and commits them together, as one synced batch: the change and its
   * record become durable together or not at all. The caller must not commit {@code changes} itself.
   *
   * @return the entry as stored
   * @throws dev.convoy.server.error.ConvoyException as {@link Storage#commit} does (then nothing was applied)
   */
  public AuditEntry append(ChangeSet changes, AuditEvent event) {
    return appendAll(changes, java.util.List.of(event)).get(0);
  }

  /**
   * Appends {@code events}, in order, to {@code changes} and commits them together as one synced batch (a change
   * that several entries describe, e.g. notices delivered). The caller must not commit {@code changes} itself.
   *
   * @return the entries as stored
   * @throws IllegalArgumentException for no events
   * @throws dev.convoy.server.error.ConvoyException as {@link Storage#commit} does (then nothing was applied)
   */
  public java.util.List<AuditEntry> appendAll(ChangeSet changes, java.util.List<AuditEvent> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events: none (expected: at least one entry to append)");
    }
    java.util.List<AuditEntry> entries = new java.util.ArrayList<>();
    java.util.concurrent.CompletableFuture<Void> durable;
    appendLock.lock();
    try {
      AuditStore.Head previous = currentHead();
      Instant time = clock.instant();
      long sequence = previous.sequence();
      byte[] hash = previous.hash();
      for (AuditEvent event : events) {
        AuditEntry entry = AuditChain.link(++sequence, time, event, hash);
        store.append(changes, entry);
        entries.add(entry);
        hash = entry.hash();
      }
      // Queued in chain order under the lock; waited for outside it, so that concurrent appends share one fsync.
      durable = storage.commitInOrder(changes);
      head = new AuditStore.Head(sequence, hash);
    } finally {
      appendLock.unlock();
    }
    awaitDurable(durable);
    for (AuditEntry entry : entries) {
      logger.info("audit sequence={} actor={} action={} target={}", entry.sequence(), entry.event().actor(),
          entry.event().action(), entry.event().target());
    }
    return entries;
  }

  /**
   * Waits until an append is durable. A failed write (a disk failure: the group-commit writer applies batches in
   * order) makes the next append read the head from the store again; entries queued after the failed one and
   * written anyway leave a gap that {@link #verify()} names.
   */
  private void awaitDurable(java.util.concurrent.CompletableFuture<Void> durable) {
    try {
      durable.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      forgetHead();
      throw new dev.convoy.server.error.ConvoyException(dev.convoy.server.error.ErrorCode.UNAVAILABLE,
          "interrupted while waiting for a durable audit entry");
    } catch (java.util.concurrent.ExecutionException e) {
      forgetHead();
      throw e.getCause() instanceof RuntimeException re ? re
          : dev.convoy.server.error.ConvoyException.internal("audit write failed", e.getCause());
    }
  }

  private void forgetHead() {
    appendLock.lock();
    try {
      head = null;
    } finally {
      appendLock.unlock();
    }
  }

  /** A new change set for a change to be committed with its entry by {@link #append(ChangeSet, AuditEvent)}. */
  public ChangeSet newChangeSet() {
    return storage.begin();
  }

  /** Appends {@code event} on its own (for actions whose change was committed elsewhere). */
  public AuditEntry append(AuditEvent event) {
    return append(storage.begin(), event);
  }

  private AuditStore.Head currentHead() {
    if (head == null) {
      head = store.head().orElse(new AuditStore.Head(0, AuditChain.GENESIS));
    }
    return head;
  }

  /**
   * Entries with a sequence greater than {@code afterSequence} that {@code filter} accepts, oldest first, at most
   * {@code limit}. Undecodable entries are skipped here ({@link #verify()} reports them).
   */
  public List<AuditEntry> list(long afterSequence, Predicate<AuditEntry> filter, int limit) {
    List<AuditEntry> result = new ArrayList<>();
    store.scan(afterSequence, stored -> {
      if (stored.entry() != null && filter.test(stored.entry())) {
        result.add(stored.entry());
      }
      return result.size() < limit;
    });
    return result;
  }

  /** Walks the whole log and checks every link; see {@link AuditVerifier}. */
  public AuditVerification verify() {
    AuditVerifier verifier = new AuditVerifier();
    store.scan(0, verifier::accept);
    Optional<AuditStore.Head> recorded = store.head();
    AuditVerification result = verifier.finish(recorded);
    if (!result.ok()) {
      logger.error("audit verification failed firstBadSequence={} reason={}", result.firstBadSequence(),
          result.reason());
    }
    return result;
  }
}
