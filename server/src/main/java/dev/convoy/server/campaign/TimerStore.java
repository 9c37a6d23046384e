package dev.convoy.server.campaign;

import dev.convoy.server.storage.ChangeSet;
import java.time.Instant;
import java.util.List;

/** Port: durable timers ordered by due time. Implementations are thread-safe. */
public interface TimerStore {
  /** Stages the timer (replacing one with the same due time, kind and id). */
  void put(ChangeSet changes, Timer timer);

  /** Stages its removal (a no-op if absent). */
  void delete(ChangeSet changes, Timer timer);

  /** At most {@code max} timers due at or before {@code now}, earliest first. */
  List<Timer> due(Instant now, int max);

  /** The earliest pending timer's due time, if any (for the scheduler's sleep). */
  java.util.Optional<Instant> earliest();
}
