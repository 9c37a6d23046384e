package dev.convoy.server.storage;

/**
 * The port through which every acknowledged state change becomes durable.
 *
 * <p>Thread-safe. Implementations group concurrent commits into one synced write (group commit), so durability
 * costs one fsync per group, not per call.
 */
public interface Storage {
  /** A new, empty change set for the stores of this storage. */
  ChangeSet begin();

  /**
   * Applies {@code changes} atomically and returns once they are durable (synced to disk).
   *
   * @throws dev.convoy.server.error.ConvoyException UNAVAILABLE when the storage is closing, INTERNAL on I/O failure
   *     (then nothing of {@code changes} is applied)
   */
  void commit(ChangeSet changes);

  /**
   * Queues {@code changes} to be applied after every change queued before it, and returns at once: the future
   * completes once they are durable, exceptionally as {@link #commit} would throw. For callers that must fix an
   * order under a lock but should not hold it through the fsync (the audit chain). The default commits in place.
   */
  default java.util.concurrent.CompletableFuture<Void> commitInOrder(ChangeSet changes) {
    try {
      commit(changes);
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
  }
}
