package dev.convoy.server.audit;

import dev.convoy.server.storage.ChangeSet;
import java.util.Optional;

/** Port: where the audit log is kept, in sequence order. Implementations are thread-safe. */
public interface AuditStore {
  /** The head as last written with an entry (sequence and hash of the newest entry); empty for an empty log. */
  Optional<Head> head();

  /** Stages {@code entry} and the new head {@code (entry.sequence, entry.hash)}. */
  void append(ChangeSet changes, AuditEntry entry);

  /**
   * Calls {@code visitor} for every stored entry with a key sequence greater than {@code afterSequence}, in key
   * order, until it returns false. An entry that cannot be decoded is passed as {@link Stored#entry()} null.
   */
  void scan(long afterSequence, Visitor visitor);

  /** The newest entry's sequence and hash. */
  record Head(long sequence, byte[] hash) {}

  /** An entry as found under its key; {@code entry} is null if the stored bytes could not be decoded. */
  record Stored(long keySequence, AuditEntry entry) {}

  @FunctionalInterface
  interface Visitor {
    boolean visit(Stored stored);
  }
}
