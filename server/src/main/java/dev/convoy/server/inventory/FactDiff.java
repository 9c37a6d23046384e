package dev.convoy.server.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/** The changes between two inventories, in one merge pass over both (both sorted by path). Stateless. */
final class FactDiff {
  private FactDiff() {}

  /** Every fact added, changed (a different value, or the same number as another type) or removed, by path. */
  static List<FactChange> between(SortedMap<String, Object> before, SortedMap<String, Object> after, Instant at,
      String reason) {
    List<FactChange> changes = new ArrayList<>();
    Iterator<Map.Entry<String, Object>> old = before.entrySet().iterator();
    Iterator<Map.Entry<String, Object>> now = after.entrySet().iterator();
    Map.Entry<String, Object> o = next(old);
    Map.Entry<String, Object> n = next(now);
    while (o != null || n != null) {
      int order = o == null ? 1 : n == null ? -1 : o.getKey().compareTo(n.getKey());
      if (order < 0) {
        changes.add(new FactChange(at, o.getKey(), ChangeKind.REMOVED, o.getValue(), null, reason));
        o = next(old);
      } else if (order > 0) {
        changes.add(new FactChange(at, n.getKey(), ChangeKind.ADDED, null, n.getValue(), reason));
        n = next(now);
      } else {
        if (!Objects.equals(o.getValue(), n.getValue())) {
          changes.add(new FactChange(at, n.getKey(), ChangeKind.CHANGED, o.getValue(), n.getValue(), reason));
        }
        o = next(old);
        n = next(now);
      }
    }
    return changes;
  }

  /**
   * The same changes as {@link #between} for {@code before} and {@code before} with {@code set} put and
   * {@code removed} taken away, from the delta alone (its paths are disjoint, as the report validator ensures).
   * {@code before} needs to hold only the stored facts at the delta's paths.
   */
  static List<FactChange> ofDelta(Map<String, Object> before, SortedMap<String, Object> set,
      List<String> removed, Instant at, String reason) {
    SortedMap<String, FactChange> changes = new java.util.TreeMap<>();
    set.forEach((path, value) -> {
      Object old = before.get(path);
      if (old == null) {
        changes.put(path, new FactChange(at, path, ChangeKind.ADDED, null, value, reason));
      } else if (!Objects.equals(old, value)) {
        changes.put(path, new FactChange(at, path, ChangeKind.CHANGED, old, value, reason));
      }
    });
    for (String path : removed) {
      Object old = before.get(path);
      if (old != null) {
        changes.put(path, new FactChange(at, path, ChangeKind.REMOVED, old, null, reason));
      }
    }
    return new ArrayList<>(changes.values());
  }

  private static <T> T next(Iterator<T> it) {
    return it.hasNext() ? it.next() : null;
  }
}
