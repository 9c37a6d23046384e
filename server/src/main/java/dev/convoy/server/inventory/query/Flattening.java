package dev.convoy.server.inventory.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** The flat views of a document ({@link InventoryDocument#flatten()}, {@link InventoryDocument#indexEntries()}). */
final class Flattening {
  private Flattening() {}

  static SortedMap<String, Object> flatten(Map<String, Object> root) {
    TreeMap<String, Object> out = new TreeMap<>();
    walk(root, null, (path, value) -> out.put(path.toString(), value));
    return Collections.unmodifiableSortedMap(out);
  }

  static SortedMap<String, List<Object>> indexEntries(Map<String, Object> root) {
    TreeMap<String, List<Object>> out = new TreeMap<>();
    walk(root, null, (path, value) -> {
      List<Object> values = out.computeIfAbsent(path.indexKey().orElseThrow(), key -> new ArrayList<>());
      if (Values.isScalar(value)) { // an empty map or list only records that the key exists
        values.add(value);
      }
    });
    out.replaceAll((key, values) -> List.copyOf(values));
    return Collections.unmodifiableSortedMap(out);
  }

  /** Calls {@code leaf} for every scalar and every empty map or list below {@code at} (null: the root). */
  private static void walk(Object value, Path at, BiConsumer<Path, Object> leaf) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty() && at != null) {
        leaf.accept(at, Map.of());
      }
      map.forEach((key, child) -> walk(child, DocumentValues.childOf(at, new Path.Key((String) key)), leaf));
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        leaf.accept(at, List.of());
      }
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), at.child(new Path.Index(i)), leaf);
      }
    } else {
      leaf.accept(at, value);
    }
  }

  /** The inverse of {@link #flatten}: rebuilds the nested tree, which {@link DocumentValues} then validates. */
  static Map<String, Object> unflatten(Map<String, ?> flattened) {
    Node root = new Node(false);
    flattened.forEach((key, value) -> {
      if (value != null) {
        put(root, Path.parse(key), value);
      }
    });
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) root.build(null);
    return tree;
  }

  private static void put(Node root, Path path, Object value) {
    Node node = root;
    List<Path.Segment> segments = path.segments();
    for (int i = 0; i < segments.size() - 1; i++) {
      Path.Segment next = segments.get(i + 1);
      if (next instanceof Path.Wildcard) {
        throw new IllegalArgumentException("flattened inventory key " + path + ": [*] (expected: a concrete path)");
      }
      node = node.child(segments.get(i), next instanceof Path.Index, path);
    }
    Path.Segment last = segments.get(segments.size() - 1);
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      if (!(value instanceof Map<?, ?> map ? map.isEmpty() : ((List<?>) value).isEmpty())) {
        throw new IllegalArgumentException("flattened inventory value at " + path
            + ": a non-empty map or list (expected: a scalar, or an empty map or list)");
      }
      node.child(last, value instanceof List<?>, path);
    } else {
      node.putLeaf(last, value, path);
    }
  }

  /** A map (keys are names) or a list (keys are positions) being rebuilt. */
  private static final class Node {
    private final boolean list;
    private final Map<Object, Object> children;

    Node(boolean list) {
      this.list = list;
      this.children = list ? new TreeMap<>() : new LinkedHashMap<>();
    }

    Node child(Path.Segment segment, boolean wantList, Path path) {
      Object existing = children.computeIfAbsent(key(segment, path), k -> new Node(wantList));
      if (!(existing instanceof Node node) || node.list != wantList) {
        throw conflict(path);
      }
      return node;
    }

    void putLeaf(Path.Segment segment, Object value, Path path) {
      if (children.putIfAbsent(key(segment, path), value) != null) {
        throw conflict(path);
      }
    }

    private Object key(Path.Segment segment, Path path) {
      if (!list && segment instanceof Path.Key key) {
        return key.name();
      }
      if (list && segment instanceof Path.Index index) {
        return index.index();
      }
      throw conflict(path);
    }

    Object build(Path at) {
      if (!list) {
        Map<String, Object> map = new LinkedHashMap<>();
        children.forEach((k, v) -> map.put((String) k, build(v, DocumentValues.childOf(at, new Path.Key((String) k)))));
        return map;
      }
      List<Object> elements = new ArrayList<>();
      children.forEach((k, v) -> {
        if ((Integer) k != elements.size()) {
          throw new IllegalArgumentException("flattened inventory key " + at + "[" + k + "]: position " + k
              + " without position " + elements.size() + " (expected: positions 0 to n-1)");
        }
        elements.add(build(v, at.child(new Path.Index((Integer) k))));
      });
      return elements;
    }

    private static Object build(Object child, Path at) {
      return child instanceof Node node ? node.build(at) : child;
    }

    private static IllegalArgumentException conflict(Path path) {
      return new IllegalArgumentException("flattened inventory key " + path + ": conflicts with another key"
          + " (expected: one value per path, maps under names, lists under positions)");
    }
  }
}
