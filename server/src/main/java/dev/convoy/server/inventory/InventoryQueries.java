package dev.convoy.server.inventory;

import dev.convoy.server.inventory.query.Expr;
import dev.convoy.server.inventory.query.Path;
import dev.convoy.server.inventory.query.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Answers queries without reading every endpoint's whole inventory. Plan: order the query's
 * {@link Query#indexablePredicates() indexable predicates} by how many entries their index key has (the index keeps a
 * count per key), scan the smallest key's entries and keep the endpoints whose value passes its predicate. While the
 * next key is small against the candidates left ({@value #INTERSECT_FACTOR} entries per candidate), scanning it is
 * cheaper than loading them, so its survivors are intersected in. The candidates (a superset of the matches) are
 * then each evaluated on a document holding only the facts the query reads ({@link Query#paths()}): a key's subtree,
 * or for a path with {@code [*]} the subtree before it. Without an indexable predicate every endpoint with an
 * inventory is a candidate. Thread-safe.
 */
final class InventoryQueries {
  /** Index entries worth scanning to save loading one candidate's facts (a few seeks, a tree, an evaluation). */
  static final int INTERSECT_FACTOR = 8;

  private final InventoryStore store;
  private final Function<String, String> hostnames;

  /** One index key to scan for candidates. */
  record Step(Expr.Predicate predicate, String indexKey, boolean subtree, long entries) {
    String describe() {
      return indexKey + (subtree ? " and below" : "") + " (" + entries + " entries)";
    }
  }

  /** The index keys to draw candidates from, fewest entries first; none: evaluate every endpoint. */
  record Plan(List<Step> steps) {
    static final Plan SCAN = new Plan(List.of());

    Plan {
      steps = List.copyOf(steps);
    }
  }

  /** Candidates and how they were found. */
  private record Candidates(SortedSet<String> ids, String plan) {}

  InventoryQueries(InventoryStore store, Function<String, String> hostnames) {
    this.store = store;
    this.hostnames = hostnames;
  }

  Plan plan(Query query) {
    List<Step> steps = new ArrayList<>();
    for (Expr.Predicate predicate : query.indexablePredicates()) {
      String indexKey = predicate.path().indexKey().orElseThrow();
      boolean subtree = predicate instanceof Expr.Existence;
      steps.add(new Step(predicate, indexKey, subtree, store.entryCount(indexKey, subtree)));
    }
    steps.sort(Comparator.comparingLong(Step::entries));
    return new Plan(steps);
  }

  /** The first {@code limit} matches with their {@code fields}, and the total. */
  QueryResult query(Query query, Plan plan, List<Path> fields, int limit) {
    Candidates found = candidates(plan);
    SortedSet<String> candidates = found.ids();
    List<String> matched = new ArrayList<>();
    int total = 0;
    try (InventoryStore.FactReader reader = store.reader()) {
      List<String> keys = loadKeys(query.paths());
      for (String endpointId : candidates) {
        if (query.matches(FactTree.lenient(load(reader, endpointId, keys)))) {
          total++;
          if (matched.size() < limit) {
            matched.add(endpointId);
          }
        }
      }
      List<QueryResult.Match> matches = new ArrayList<>();
      for (String endpointId : matched) {
        matches.add(new QueryResult.Match(endpointId, hostnames.apply(endpointId), fields(reader, endpointId,
            fields)));
      }
      return new QueryResult(matches, total, total > matched.size(), found.plan(), candidates.size());
    }
  }

  /** Every endpoint the query matches, in id order. */
  SortedSet<String> members(Query query) {
    SortedSet<String> members = new TreeSet<>();
    try (InventoryStore.FactReader reader = store.reader()) {
      List<String> keys = loadKeys(query.paths());
      for (String endpointId : candidates(plan(query)).ids()) {
        if (query.matches(FactTree.lenient(load(reader, endpointId, keys)))) {
          members.add(endpointId);
        }
      }
    }
    return members;
  }

  private Candidates candidates(Plan plan) {
    if (plan.steps().isEmpty()) {
      return new Candidates(new TreeSet<>(store.endpointIds()), "scan (no indexable predicate)");
    }
    Step first = plan.steps().get(0);
    SortedSet<String> candidates = scan(first);
    StringBuilder description = new StringBuilder("index ").append(first.describe());
    for (Step step : plan.steps().subList(1, plan.steps().size())) {
      if (candidates.isEmpty() || step.entries() > (long) INTERSECT_FACTOR * candidates.size()) {
        break;
      }
      candidates.retainAll(scan(step));
      description.append(" then ").append(step.describe());
    }
    return new Candidates(candidates, description.toString());
  }

  /** The endpoints with an entry under the step's key that passes its predicate. */
  private SortedSet<String> scan(Step step) {
    SortedSet<String> passing = new TreeSet<>();
    store.scanIndex(step.indexKey(), step.subtree(), (endpointId, path, value) -> {
      if (passes(step.predicate(), value)) {
        passing.add(endpointId);
      }
      return true;
    });
    return passing;
  }

  private static boolean passes(Expr.Predicate predicate, Object value) {
    if (predicate instanceof Expr.Comparison comparison) {
      return comparison.test(value);
    }
    return !(predicate instanceof Expr.Membership membership) || membership.test(value);
  }

  /** The index subtrees that hold every value the paths read, none of them inside another. */
  static List<String> loadKeys(Set<Path> paths) {
    TreeSet<String> anchors = new TreeSet<>();
    paths.forEach(path -> anchors.add(FactPaths.anchor(path)));
    List<String> keys = new ArrayList<>();
    for (String anchor : anchors) {
      if (keys.stream().noneMatch(kept -> FactPaths.isUnder(anchor, kept))) {
        keys.removeIf(kept -> FactPaths.isUnder(kept, anchor));
        keys.add(anchor);
      }
    }
    return keys;
  }

  private static Map<String, Object> load(InventoryStore.FactReader reader, String endpointId, List<String> keys) {
    if (keys.size() == 1) {
      return reader.subtree(endpointId, keys.get(0));
    }
    Map<String, Object> facts = new HashMap<>();
    keys.forEach(key -> facts.putAll(reader.subtree(endpointId, key)));
    return facts;
  }

  private static SortedMap<String, Object> fields(InventoryStore.FactReader reader, String endpointId,
      List<Path> fields) {
    SortedMap<String, Object> selected = new TreeMap<>();
    if (fields.isEmpty()) {
      return selected;
    }
    for (String key : loadKeys(new LinkedHashSet<>(fields))) {
      reader.subtree(endpointId, key).forEach((path, value) -> {
        Path leaf = FactPaths.parse(path);
        if (fields.stream().anyMatch(field -> FactPaths.covers(field, leaf))) {
          selected.put(path, value);
        }
      });
    }
    return selected;
  }
}
