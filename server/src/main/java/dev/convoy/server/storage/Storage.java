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
}
