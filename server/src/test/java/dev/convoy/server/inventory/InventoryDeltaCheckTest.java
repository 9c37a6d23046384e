package dev.convoy.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.inventory.query.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link DeltaCheck} and {@link FactDiff#ofDelta} against their whole-inventory definitions. */
class InventoryDeltaCheckTest {
  private static final List<String> KEYS = List.of("a", "b", "os", "x y", "in", "v");

  @Test
  void check_randomDeltas_sameVerdictAsWholeTree() {
    Random random = new Random(7);
    int refused = 0;
    for (int round = 0; round < 3_000; round++) {
      TreeMap<String, Object> before = new TreeMap<>();
      tree(random, List.of(), 0, before);
      if (before.isEmpty() || verdict(() -> FactTree.strict(before, "base")) != null) {
        continue; // the generator left an empty list element: not a stored inventory
      }
      List<String> candidates = candidates(random, before);
      Set<String> set = new LinkedHashSet<>();
      List<String> removed = new ArrayList<>();
      int changes = 1 + random.nextInt(4);
      for (int i = 0; i < changes; i++) {
        String path = candidates.get(random.nextInt(candidates.size()));
        if (random.nextInt(3) == 0 && before.containsKey(path) && !set.contains(path)) {
          if (!removed.contains(path)) {
            removed.add(path);
          }
        } else if (!removed.contains(path)) {
          set.add(path);
        }
      }
      TreeMap<String, Object> after = new TreeMap<>(before);
      SortedMap<String, Object> setValues = new TreeMap<>();
      set.forEach(path -> setValues.put(path, (long) random.nextInt(3)));
      after.putAll(setValues);
      removed.forEach(after::remove);

      String whole = verdict(() -> FactTree.strict(after, "inventory after delta"));
      String delta = verdict(() -> DeltaCheck.check(after, set, removed));
      assertThat(delta == null).as("round %d: before %s, set %s, removed %s: whole says %s, delta says %s",
          round, before.keySet(), set, removed, whole, delta).isEqualTo(whole == null);
      refused += whole == null ? 0 : 1;
      assertThat(FactDiff.ofDelta(before, setValues, removed, Instant.EPOCH, "r"))
          .isEqualTo(FactDiff.between(before, after, Instant.EPOCH, "r"));
    }
    assertThat(refused).as("the random deltas exercise refusals too").isBetween(200, 2_700);
  }

  @Test
  void check_gapAfterRemovingMiddleElement_refused() {
    TreeMap<String, Object> after = new TreeMap<>(Map.of("u[0]", "a", "u[2]", "c"));

    assertThatThrownBy(() -> DeltaCheck.check(after, Set.of(), List.of("u[1]")))
        .isInstanceOf(ConvoyException.class)
        .hasMessage("inventory after delta: u[2] without u[1] (expected: list positions 0 to n-1)");
  }

  private static String verdict(Runnable check) {
    try {
      check.run();
      return null;
    } catch (ConvoyException e) {
      return e.getMessage();
    }
  }

  /** A random valid tree of maps (with plain, quoted and keyword keys) and lists, flattened into {@code out}. */
  private static void tree(Random random, List<Path.Segment> at, int depth, Map<String, Object> out) {
    int kind = depth == 0 ? 1 : depth >= 3 ? 0 : random.nextInt(3);
    if (kind == 0) {
      out.put(new Path(at).toString(), (long) random.nextInt(3));
      return;
    }
    int children = random.nextInt(depth == 0 ? 4 : 3) + (depth == 0 ? 1 : 0);
    for (int i = 0; i < children; i++) {
      List<Path.Segment> child = new ArrayList<>(at);
      child.add(kind == 1 ? new Path.Key(KEYS.get(random.nextInt(KEYS.size()))) : new Path.Index(i));
      if (!out.containsKey(new Path(child).toString()) && out.keySet().stream()
          .noneMatch(k -> k.startsWith(new Path(child).toString() + ".") || k.startsWith(new Path(child) + "["))) {
        tree(random, child, depth + 1, out);
      }
    }
  }

  /** Paths near the tree: its facts, their ancestors, children, and neighbouring list positions. */
  private static List<String> candidates(Random random, Map<String, Object> facts) {
    List<String> paths = new ArrayList<>();
    for (String fact : facts.keySet()) {
      List<Path.Segment> segments = FactPaths.parse(fact).segments();
      for (int n = 1; n <= segments.size(); n++) {
        List<Path.Segment> prefix = new ArrayList<>(segments.subList(0, n));
        paths.add(new Path(prefix).toString());
        if (prefix.get(n - 1) instanceof Path.Index index) {
          for (int delta : new int[] {-1, 1, 2}) {
            if (index.index() + delta >= 0) {
              List<Path.Segment> sibling = new ArrayList<>(prefix);
              sibling.set(n - 1, new Path.Index(index.index() + delta));
              paths.add(new Path(sibling).toString());
            }
          }
        }
      }
      List<Path.Segment> child = new ArrayList<>(segments);
      child.add(new Path.Key(KEYS.get(random.nextInt(KEYS.size()))));
      paths.add(new Path(child).toString());
      paths.add(fact + "[0]");
      paths.add(new Path(List.of(segments.get(0), new Path.Index(0))).toString());
    }
    paths.add("fresh.key");
    paths.add("fresh[0]");
    paths.add("fresh[1]");
    return paths.stream().filter(p -> FactPaths.parse(p).segments().get(0) instanceof Path.Key).distinct().toList();
  }
}
