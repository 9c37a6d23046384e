package dev.convoy.server.inventory.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The inventory of one endpoint: an immutable tree of facts. Inner nodes are maps with string keys and lists;
 * leaves are strings, longs, doubles and booleans. For example {@code os.family = "debian"},
 * {@code hardware.memory_gb = 7.6}, {@code network.interfaces[0].mac = "3c:52:82:1a:2b:3c"},
 * {@code software["libreoffice"].version = "7.5.9"}, {@code convoy.releases["hello"].state = "SUCCEEDED"}.
 *
 * <p>Built with {@link #of} from nested {@link Map}s and {@link List}s, which are copied: integers of any width
 * become {@code Long}, floats and {@code BigDecimal}s become {@code Double}. A {@code null} value means "unknown" and
 * is dropped, exactly as if the key were absent (null list elements are dropped too). Map keys are kept sorted so
 * that two documents with the same facts are equal and flatten identically.
 *
 * <p>Three views:
 * <ul>
 *   <li>{@link #get(Path)}: the one value at a concrete path;</li>
 *   <li>{@link #values(Path)}: every value a query reads at a path (lists fan out, {@code [*]} expands);</li>
 *   <li>{@link #flatten()}: leaf path to value, for storage and for computing what changed between two reports;
 *       {@link #indexEntries()}: index key to values, for answering queries from an index.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class InventoryDocument {
  /** How deeply maps and lists may nest; deeper input (or a map that contains itself) is refused. */
  public static final int MAX_DEPTH = 64;

  private static final InventoryDocument EMPTY = new InventoryDocument(Map.of());

  private final Map<String, Object> root;

  private InventoryDocument(Map<String, Object> root) {
    this.root = root;
  }

  /**
   * A document holding a deep copy of {@code facts}.
   *
   * @throws IllegalArgumentException naming the path of a non-string key, a value of another type, a non-finite
   *     number, or nesting deeper than {@link #MAX_DEPTH}
   */
  public static InventoryDocument of(Map<String, ?> facts) {
    return new InventoryDocument(DocumentValues.copyRoot(Objects.requireNonNull(facts, "facts")));
  }

  /** The document with no facts. */
  public static InventoryDocument empty() {
    return EMPTY;
  }

  /**
   * Rebuilds a document from its {@link #flatten()} form, e.g. after applying a delta to a stored flat copy:
   * {@code fromFlattened(d.flatten()).equals(d)} for every document {@code d}.
   *
   * @throws IllegalArgumentException for a key that is not a concrete path, keys that contradict each other
   *     ({@code a = 1} and {@code a.b = 2}), list positions with a gap, or an invalid value
   * @throws QuerySyntaxException for a key that is not a path
   */
  public static InventoryDocument fromFlattened(Map<String, ?> flattened) {
    return of(Flattening.unflatten(Objects.requireNonNull(flattened, "flattened")));
  }

  /** The facts as an unmodifiable tree of sorted maps, lists and scalars. */
  public Map<String, Object> asMap() {
    return root;
  }

  /**
   * The value at a concrete path: keys select in maps, positions in lists; no fan-out.
   *
   * @throws IllegalArgumentException if {@code path} contains {@code [*]}
   */
  public Optional<Object> get(Path path) {
    Object node = root;
    for (Path.Segment segment : path.segments()) {
      if (segment instanceof Path.Wildcard) {
        throw new IllegalArgumentException("path " + path + ": [*] (expected: a path to one value; see values())");
      }
      if (segment instanceof Path.Key key && node instanceof Map<?, ?> map) {
        node = map.get(key.name());
      } else if (segment instanceof Path.Index index && node instanceof List<?> list
          && index.index() < list.size()) {
        node = list.get(index.index());
      } else {
        return Optional.empty();
      }
      if (node == null) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  /**
   * {@link #get(Path)} of {@link Path#parse(String) Path.parse(path)}.
   *
   * @throws QuerySyntaxException if {@code path} is not a path
   */
  public Optional<Object> get(String path) {
    return get(Path.parse(path));
  }

  /**
   * Every value a query reads at {@code path}, in document order. A key applied to a list applies to each element
   * (so {@code network.interfaces.mac} reads every interface's MAC), {@code [*]} takes every element of a list or
   * every value of a map, and a position or key that does not exist contributes nothing. Lists at the end of the
   * path are returned as lists; comparisons then look at their elements.
   */
  public List<Object> values(Path path) {
    List<Object> current = List.of(root);
    for (Path.Segment segment : path.segments()) {
      List<Object> next = new ArrayList<>();
      for (Object node : current) {
        step(node, segment, next);
      }
      current = next;
    }
    return List.copyOf(current);
  }

  private static void step(Object node, Path.Segment segment, List<Object> out) {
    if (segment instanceof Path.Key key) {
      if (node instanceof Map<?, ?> map && map.containsKey(key.name())) {
        out.add(map.get(key.name()));
      } else if (node instanceof List<?> list) {
        list.forEach(element -> step(element, segment, out));
      }
    } else if (segment instanceof Path.Index index) {
      if (node instanceof List<?> list && index.index() < list.size()) {
        out.add(list.get(index.index()));
      }
    } else if (node instanceof Map<?, ?> map) {
      out.addAll(map.values());
    } else if (node instanceof List<?> list) {
      out.addAll(list);
    }
  }

  /**
   * Every leaf as (canonical path text, value): {@code software.libreoffice.version -> "7.5.9"},
   * {@code network.interfaces[0].mac -> "3c:52:..."}, {@code software["g++"].version -> "4:12.2.0-3"}. Keys are
   * {@link Path#toString()} of concrete paths, so {@link Path#parse} reads them back; an empty map or list is a leaf
   * whose value is an empty map or list, so the form is lossless ({@link #fromFlattened}). Sorted by key, so two
   * flattenings can be diffed in one pass to find the facts an agent's new report added, changed or removed.
   */
  public SortedMap<String, Object> flatten() {
    return Flattening.flatten(root);
  }

  /**
   * The document as an index sees it: {@link Path#indexKey() index key} (a leaf path without list positions) to
   * the scalar values stored under it, in document order; {@code network.interfaces.mac -> [mac0, mac1]}. An empty
   * map or list appears as a key with no values. A predicate from {@link Query#indexablePredicates()} can hold for
   * this document only if its path's index key has a value passing the predicate's {@code test} (for
   * {@code exists}: if some index key equals the path's key or starts with it followed by {@code .} or {@code [}).
   */
  public SortedMap<String, List<Object>> indexEntries() {
    return Flattening.indexEntries(root);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InventoryDocument document && root.equals(document.root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  @Override
  public String toString() {
    return "InventoryDocument" + root;
  }
}
