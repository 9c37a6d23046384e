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
 * <p>Appends are serialised by one lock held from choosing the sequence until the batch is durable: the chain is
 * linear, and a failed commit leaves no gap (the next append reads the head again). The lock is a leaf (nothing
 * else is locked under it), so callers may hold their own locks while appending. Admin actions are rare, so one
 * fsync per append under the lock costs nothing that matters.
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
    appendLock.lock();
    try {
      AuditStore.Head previous = currentHead();
      Instant time = clock.instant();
      java.util.List<AuditEntry> entries = new java.util.ArrayList<>();
      long sequence = previous.sequence();
      byte[] hash = previous.hash();
      for (AuditEvent event : events) {
        AuditEntry entry = AuditChain.link(++sequence, time, event, hash);
        store.append(changes, entry);
        entries.add(entry);
        hash = entry.hash();
      }
      try {
        storage.commit(changes);
      } catch (RuntimeException e) {
        head = null;
        throw e;
      }
      AuditEntry last = entries.get(entries.size() - 1);
      head = new AuditStore.Head(last.sequence(), last.hash());
      for (AuditEntry entry : entries) {
        logger.info("audit sequence={} actor={} action={} target={}", entry.sequence(), entry.event().actor(),
            entry.event().action(), entry.event().target());
      }
      return entries;
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
