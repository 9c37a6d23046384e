package dev.convoy.server.inventory;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.inventory.query.InventoryDocument;
import dev.convoy.server.inventory.query.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Checks that the inventory a delta produces is still one consistent tree ({@link FactTree#strict}'s rules) by
 * looking only at what the delta touches: the stored inventory passed the same rules when it was applied, so a
 * conflict, a list gap or a nesting too deep can only involve a path the delta sets or removes, its ancestors, and
 * their neighbours. Costs O(delta × depth × log n) instead of rebuilding the tree of all n facts on every
 * check-in. {@code InventoryDeltaCheckTest} compares its verdict with {@link FactTree#strict} on random deltas.
 *
 * <p>Works on canonical path strings: a node's descendants are the keys starting with its path followed by
 * {@code .} or {@code [}; after {@code [} a digit means a list position, a quote a quoted key. Stateless.
 */
final class DeltaCheck {
  private static final String FIELD = "inventory after delta";

  private DeltaCheck() {}

  /**
   * @param after the inventory with the delta applied (sorted by path)
   * @param set the paths the delta sets (each already a valid canonical concrete path)
   * @param removed the paths the delta removes
   * @throws ConvoyException INVALID_ARGUMENT as {@link FactTree#strict} would for the whole of {@code after}
   */
  static void check(NavigableMap<String, Object> after, Set<String> set, List<String> removed) {
    Map<String, Character> kinds = new HashMap<>(); // node path -> kind the set paths give it
    Map<String, Set<Integer>> touchedPositions = new HashMap<>(); // list path -> positions set or removed under it
    for (String path : set) {
      List<Path.Segment> segments = FactPaths.parse(path).segments();
      if (segments.size() > InventoryDocument.MAX_DEPTH) {
        throw ConvoyException.invalidArgument(FIELD + ": inventory nesting at " + path + ": " + segments.size()
            + " levels (expected: at most " + InventoryDocument.MAX_DEPTH + ")");
      }
      if (hasDescendants(after, path)) {
        throw conflict(path);
      }
      walkAncestors(segments, (node, next, position) -> {
        if (after.containsKey(node)) {
          throw conflict(path);
        }
        char kind = next instanceof Path.Index ? 'L' : 'M';
        Character earlier = kinds.putIfAbsent(node, kind);
        if ((earlier != null && earlier != kind) || !agreesWithUntouched(after, set, node, kind)) {
          throw conflict(path);
        }
        if (position >= 0) {
          touchedPositions.computeIfAbsent(node, k -> new HashSet<>()).add(position);
        }
      });
    }
    for (String path : removed) {
      walkAncestors(FactPaths.parse(path).segments(), (node, next, position) -> {
        if (position >= 0) {
          touchedPositions.computeIfAbsent(node, k -> new HashSet<>()).add(position);
        }
      });
    }
    touchedPositions.forEach((list, positions) -> checkPositions(after, list, positions));
  }

  /**
   * A list was contiguous before; the positions that changed keep it so if every one still present follows a
   * present position and none that vanished (or never was) comes before a present one.
   */
  private static void checkPositions(NavigableMap<String, Object> after, String list, Set<Integer> positions) {
    for (int position : positions) {
      boolean present = present(after, list + "[" + position + "]");
      if (present && position > 0 && !present(after, list + "[" + (position - 1) + "]")) {
        throw gap(list, position, position - 1);
      }
      if (!present && present(after, list + "[" + (position + 1) + "]")) {
        throw gap(list, position + 1, position);
      }
    }
  }

  /** Whether the kind {@code node} has among facts the delta did not set agrees with {@code kind}. */
  private static boolean agreesWithUntouched(NavigableMap<String, Object> after, Set<String> set, String node,
      char kind) {
    for (String key : descendants(after, node, '.').keySet()) {
      if (!set.contains(key)) {
        return kind == 'M';
      }
    }
    for (String key : descendants(after, node, '[').keySet()) {
      if (!set.contains(key)) {
        return kind == (key.charAt(node.length() + 1) == '"' ? 'M' : 'L');
      }
    }
    return true; // only set paths below: they were compared with each other
  }

  private static boolean present(NavigableMap<String, Object> after, String node) {
    return after.containsKey(node) || hasDescendants(after, node);
  }

  private static boolean hasDescendants(NavigableMap<String, Object> after, String node) {
    return !descendants(after, node, '.').isEmpty() || !descendants(after, node, '[').isEmpty();
  }

  /** The keys starting with {@code node + separator}: a range, since {@code separator + 1} ends it. */
  private static NavigableMap<String, Object> descendants(NavigableMap<String, Object> after, String node,
      char separator) {
    return after.subMap(node + separator, true, node + (char) (separator + 1), false);
  }

  /** Calls {@code visitor} for every proper ancestor except the root, with the segment after it. */
  private static void walkAncestors(List<Path.Segment> segments, AncestorVisitor visitor) {
    Path node = new Path(List.of(segments.get(0)));
    for (int i = 1; i < segments.size(); i++) {
      Path.Segment next = segments.get(i);
      visitor.visit(node.toString(), next, next instanceof Path.Index index ? index.index() : -1);
      node = node.child(next);
    }
  }

  private static ConvoyException conflict(String path) {
    return ConvoyException.invalidArgument(FIELD + ": " + path + " conflicts with another fact (expected: one"
        + " value per path; a path is either a value or has facts below it, maps under names, lists under"
        + " positions)");
  }

  private static ConvoyException gap(String list, int position, int missing) {
    return ConvoyException.invalidArgument(FIELD + ": " + list + "[" + position + "] without " + list + "["
        + missing + "] (expected: list positions 0 to n-1)");
  }

  @FunctionalInterface
  private interface AncestorVisitor {
    void visit(String node, Path.Segment next, int position);
  }
}
