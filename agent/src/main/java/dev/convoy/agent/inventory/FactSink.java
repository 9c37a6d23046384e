package dev.convoy.agent.inventory;

import java.util.List;
import java.util.Optional;

/** Receives the facts of one collection ({@link FactSource#collect}). Not thread-safe. */
public interface FactSink {
  /**
   * Adds a fact; one the server would refuse (too long, or clashing with the tree of facts already put) is
   * dropped, logged, and degrades the health.
   */
  void put(FactPath path, FactValue value);

  /**
   * Adds every fact of {@code facts}, or none: the problem is returned (and nothing added) if one of them clashes
   * with the facts already put.
   */
  Optional<String> putAll(Inventory.Builder facts);

  /**
   * Records a problem of this collection: {@code agent.health} becomes {@code degraded: <reason>}. The reason
   * names what failed first, e.g. {@code facts.d/site: timed out after 10 s}, {@code software: dpkg-query: exit
   * status 2}.
   */
  void degrade(String reason);

  /** Adds a text fact unless {@code value} is null or blank. */
  default void text(FactPath path, String value) {
    if (value != null && !value.isBlank()) {
      put(path, FactValue.text(value));
    }
  }

  default void integer(FactPath path, long value) {
    put(path, FactValue.integer(value));
  }

  /**
   * Adds {@code path[0]} ... {@code path[n-1]}, one per value in the given order, skipping values too long to
   * report first so that the positions have no gap.
   */
  default void textList(FactPath path, List<String> values) {
    int i = 0;
    for (String value : values) {
      if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= Inventory.MAX_TEXT_BYTES) {
        put(path.index(i++), FactValue.text(value));
      }
    }
  }
}
