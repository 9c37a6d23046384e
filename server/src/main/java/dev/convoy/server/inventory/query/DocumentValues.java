package dev.convoy.server.inventory.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Validates a caller's nested Map/List tree and copies it into the immutable, canonical form of a document. */
final class DocumentValues {
  private DocumentValues() {}

  /** Extends {@code parent} (null for the document root) by one segment. */
  static Path childOf(Path parent, Path.Segment segment) {
    return parent == null ? new Path(List.of(segment)) : parent.child(segment);
  }

  static Map<String, Object> copyRoot(Map<?, ?> facts) {
    return copyMap(facts, null, 1);
  }

  private static Object copy(Object value, Path at, int depth) {
    if (value instanceof Map<?, ?> map) {
      return copyMap(map, at, depth);
    }
    if (value instanceof List<?> list) {
      return copyList(list, at, depth);
    }
    return scalar(value, at);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, Path at, int depth) {
    checkDepth(at, depth);
    TreeMap<String, Object> copy = new TreeMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException("inventory key at " + describe(at) + ": " + entry.getKey()
            + " (expected: a string)");
      }
      if (entry.getValue() != null) { // null means "unknown", which queries treat exactly like "absent"
        copy.put(key, copy(entry.getValue(), childOf(at, new Path.Key(key)), depth + 1));
      }
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  private static List<Object> copyList(List<?> list, Path at, int depth) {
    checkDepth(at, depth);
    List<Object> copy = new ArrayList<>(list.size());
    for (Object element : list) {
      if (element != null) {
        copy.add(copy(element, childOf(at, new Path.Index(copy.size())), depth + 1));
      }
    }
    return List.copyOf(copy);
  }

  private static Object scalar(Object value, Path at) {
    if (value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
      return big.longValue();
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        return d;
      }
    }
    if (value instanceof Number) {
      throw new IllegalArgumentException("inventory value at " + describe(at) + ": " + value
          + " (expected: a finite number within the range of a double, or an integer within 64 bits)");
    }
    throw new IllegalArgumentException("inventory value at " + describe(at) + ": " + value.getClass().getName()
        + " (expected: a map, list, string, number or boolean)");
  }

  private static void checkDepth(Path at, int depth) {
    if (depth > InventoryDocument.MAX_DEPTH) {
      throw new IllegalArgumentException("inventory nesting at " + describe(at) + ": " + depth
          + " levels (expected: at most " + InventoryDocument.MAX_DEPTH + ")");
    }
  }

  private static String describe(Path at) {
    return at == null ? "the document root" : at.toString();
  }
}
