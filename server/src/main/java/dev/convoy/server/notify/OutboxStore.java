package dev.convoy.server.notify;

import dev.convoy.server.storage.ChangeSet;
import java.util.List;
import java.util.Optional;

/**
 * Port: the durable outbox. Pending and dead entries are kept apart so that the dispatcher reads only pending
 * ones, in sequence order. Implementations are thread-safe.
 */
public interface OutboxStore {
  /** Stages {@code entry} (pending or dead, as it says), replacing any entry with its sequence. */
  void put(ChangeSet changes, OutboxEntry entry);

  /** Stages the removal of {@code entry} (wherever it is: pending or dead). */
  void remove(ChangeSet changes, OutboxEntry entry);

  /** Pending entries with a sequence above {@code afterSequence}, in sequence order, at most {@code limit}. */
  List<OutboxEntry> pending(long afterSequence, int limit);

  /** Dead entries with a sequence above {@code afterSequence}, in sequence order, at most {@code limit}. */
  List<OutboxEntry> dead(long afterSequence, int limit);

  /** The entry with {@code sequence}, pending or dead. */
  Optional<OutboxEntry> find(long sequence);

  /** The highest sequence stored (pending or dead); 0 when empty. */
  long lastSequence();
}
