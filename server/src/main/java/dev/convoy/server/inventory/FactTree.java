package dev.convoy.server.inventory;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.inventory.query.InventoryDocument;
import dev.convoy.server.inventory.query.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link InventoryDocument} of a set of facts (canonical path → scalar). Strict for a whole inventory
 * (a report must describe one consistent tree: no value both at {@code a} and under {@code a.b}, list positions
 * without gaps); lenient for the partial documents a query loads, where only some elements of a list may be loaded:
 * a missing position becomes an empty map, which no predicate reads a value from, so evaluation is unchanged.
 * Stateless and thread-safe.
 */
final class FactTree {
  private static final Logger logger = LoggerFactory.getLogger(FactTree.class);

  private FactTree() {}

  /**
   * The document of a whole inventory.
   *
   * @param field names the facts in error messages, e.g. {@code full.facts}
   * @throws ConvoyException INVALID_ARGUMENT naming the path that conflicts, the gap, or the nesting depth
   */
  static InventoryDocument strict(Map<String, Object> facts, String field) {
    Node root = new Node(false);
    facts.forEach((path, value) -> {
      if (!root.insert(FactPaths.parse(path), value)) {
        throw ConvoyException.invalidArgument(field + ": " + path + " conflicts with another fact (expected: one"
            + " value per path; a path is either a value or has facts below it, maps under names, lists under"
            + " positions)");
      }
    });
    try {
      return InventoryDocument.of(root.build(null, true));
    } catch (IllegalArgumentException e) {
      throw ConvoyException.invalidArgument(field + ": " + e.getMessage());
    }
  }

  /** The document of some facts of an inventory; never throws for any input. */
  static InventoryDocument lenient(Map<String, Object> facts) {
    Node root = new Node(false);
    try {
      facts.forEach((path, value) -> root.insert(FactPaths.parse(path), value));
      return InventoryDocument.of(root.build(null, false));
    } catch (IllegalArgumentException e) { // only a corrupted store could hold such facts
      logger.warn("inventory facts unusable for a query reason={}", e.getMessage());
      return InventoryDocument.empty();
    }
  }

  /** A map (children keyed by name) or a list (keyed by position) being built. */
  private static final class Node {
    private final boolean list;
    private final TreeMap<Object, Object> children = new TreeMap<>();

    Node(boolean list) {
      this.list = list;
    }

    /** Adds one fact; false if it conflicts with what is there. */
    boolean insert(Path path, Object value) {
      Node node = this;
      List<Path.Segment> segments = path.segments();
      for (int i = 0; i < segments.size(); i++) {
        Object key = node.keyOf(segments.get(i));
        if (key == null) {
          return false;
        }
        if (i == segments.size() - 1) {
          return node.children.putIfAbsent(key, value) == null;
        }
        boolean wantList = segments.get(i + 1) instanceof Path.Index;
        Object child = node.children.computeIfAbsent(key, k -> new Node(wantList));
        if (!(child instanceof Node next) || next.list != wantList) {
          return false;
        }
        node = next;
      }
      return false;
    }

    private Object keyOf(Path.Segment segment) {
      if (!list && segment instanceof Path.Key key) {
        return key.name();
      }
      return list && segment instanceof Path.Index index ? index.index() : null;
    }

    /** @param at this node's path, null for the root (for messages only) */
    Map<String, Object> build(Path at, boolean strict) {
      Map<String, Object> map = new LinkedHashMap<>();
      children.forEach((key, child) ->
          map.put((String) key, value(child, childPath(at, new Path.Key((String) key)), strict)));
      return map;
    }

    private List<Object> buildList(Path at, boolean strict) {
      List<Object> elements = new ArrayList<>();
      for (Map.Entry<Object, Object> entry : children.entrySet()) {
        int position = (Integer) entry.getKey();
        if (position != elements.size() && strict) {
          throw new IllegalArgumentException(at + "[" + position + "] without " + at + "[" + elements.size()
              + "] (expected: list positions 0 to n-1)");
        }
        if (position > InventoryConfig.DEFAULT_MAX_FACTS * 2) {
          break; // cannot come from a validated inventory; do not fill a gap that large
        }
        while (elements.size() < position) {
          elements.add(Map.of());
        }
        elements.add(value(entry.getValue(), at.child(new Path.Index(position)), strict));
      }
      return elements;
    }

    private static Object value(Object child, Path at, boolean strict) {
      if (child instanceof Node node) {
        return node.list ? node.buildList(at, strict) : node.build(at, strict);
      }
      return child;
    }

    private static Path childPath(Path parent, Path.Segment segment) {
      return parent == null ? new Path(List.of(segment)) : parent.child(segment);
    }
  }
}
