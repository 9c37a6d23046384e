package dev.convoy.agent.inventory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An endpoint's whole inventory: facts by canonical path, sorted by {@link String#compareTo} (the order of the
 * canonical hash). Every fact satisfies the server's limits (path at most {@value #MAX_PATH_LENGTH} characters,
 * text at most {@value #MAX_TEXT_BYTES} bytes) and the facts form a tree the server can rebuild: no path is both
 * a value and the parent of another.
 *
 * <p>Immutable and thread-safe; {@link Builder} is not thread-safe.
 */
public final class Inventory {
  /** The server's limit on a path, in characters. */
  public static final int MAX_PATH_LENGTH = 512;
  /** The server's limit on a text value (4 KiB), counted here in UTF-8 bytes so that either reading holds. */
  public static final int MAX_TEXT_BYTES = 4096;
  /** The server's limit on the number of facts of one endpoint. */
  public static final int MAX_FACTS = 50_000;
  private static final Inventory EMPTY = new Inventory(new TreeMap<>());

  private final SortedMap<String, FactValue> facts;

  private Inventory(TreeMap<String, FactValue> facts) {
    this.facts = Collections.unmodifiableSortedMap(facts);
  }

  public static Inventory empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every fact, sorted by path. */
  public List<Fact> facts() {
    List<Fact> list = new ArrayList<>(facts.size());
    facts.forEach((path, value) -> list.add(new Fact(path, value)));
    return list;
  }

  /** The facts as a sorted, unmodifiable map from canonical path to value. */
  public SortedMap<String, FactValue> asMap() {
    return facts;
  }

  public Optional<FactValue> get(String path) {
    return Optional.ofNullable(facts.get(path));
  }

  /** The text at {@code path}, if it holds text. */
  public Optional<String> text(String path) {
    return get(path).filter(FactValue.Text.class::isInstance).map(v -> ((FactValue.Text) v).value());
  }

  public int size() {
    return facts.size();
  }

  /** What turns {@code base} into this inventory: facts added or changed, paths removed (both sorted). */
  public InventoryChanges changesSince(Inventory base) {
    List<Fact> set = new ArrayList<>();
    facts.forEach((path, value) -> {
      if (!value.equals(base.facts.get(path))) {
        set.add(new Fact(path, value));
      }
    });
    List<String> removed = base.facts.keySet().stream().filter(path -> !facts.containsKey(path)).toList();
    return new InventoryChanges(set, removed);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Inventory inventory && inventory.facts.equals(facts);
  }

  @Override
  public int hashCode() {
    return facts.hashCode();
  }

  @Override
  public String toString() {
    return "Inventory" + facts;
  }

  /** Collects facts, refusing any the server would refuse. Not thread-safe. */
  public static final class Builder {
    private final TreeMap<String, FactValue> facts = new TreeMap<>();
    private final Set<String> parents = new HashSet<>(); // canonical texts of every proper prefix

    private Builder() {}

    /**
     * Why {@code path} = {@code value} cannot be added: too long, or it would make a path both a value and a
     * parent; empty if it can (replacing a value at the same path is allowed).
     */
    public Optional<String> problem(FactPath path, FactValue value) {
      String text = path.toString();
      if (text.length() > MAX_PATH_LENGTH) {
        return Optional.of("path " + abbreviate(text) + ": " + text.length() + " characters (expected: <= "
            + MAX_PATH_LENGTH + ")");
      }
      // a char is at most 3 UTF-8 bytes: only long texts are encoded to be measured
      if (value instanceof FactValue.Text t && t.value().length() > MAX_TEXT_BYTES / 3
          && t.value().getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
        return Optional.of(text + ": text of " + t.value().getBytes(StandardCharsets.UTF_8).length
            + " bytes (expected: <= " + MAX_TEXT_BYTES + ")");
      }
      if (parents.contains(text)) {
        return Optional.of(text + ": already holds other facts (expected: a value or a parent, not both)");
      }
      for (int n = 1; n < path.depth(); n++) {
        if (facts.containsKey(path.prefix(n))) {
          return Optional.of(text + ": " + path.prefix(n) + " already holds a value (expected: a value or a parent, not both)");
        }
      }
      return Optional.empty();
    }

    /** Adds or replaces a fact. @throws IllegalArgumentException with {@link #problem}'s message */
    public Builder put(FactPath path, FactValue value) {
      offer(path, value).ifPresent(p -> {
        throw new IllegalArgumentException("fact " + p);
      });
      return this;
    }

    /**
     * Adds or replaces a fact unless {@link #problem} finds one, checking once.
     *
     * @return the problem that kept it out, or empty if it was added
     */
    public Optional<String> offer(FactPath path, FactValue value) {
      Optional<String> problem = problem(path, value);
      if (problem.isEmpty()) {
        facts.put(path.toString(), value);
        for (int n = 1; n < path.depth(); n++) {
          parents.add(path.prefix(n));
        }
      }
      return problem;
    }

    /** The first problem adding all of {@code other}'s facts would meet (see {@link #problem}). */
    public Optional<String> problem(Builder other) {
      for (Map.Entry<String, FactValue> fact : other.facts.entrySet()) {
        FactPath path = FactPath.parse(fact.getKey());
        if (facts.containsKey(fact.getKey())) {
          return Optional.of(fact.getKey() + ": already reported");
        }
        Optional<String> problem = problem(path, fact.getValue());
        if (problem.isPresent()) {
          return problem;
        }
      }
      return Optional.empty();
    }

    /** Adds all of {@code other}'s facts. @throws IllegalArgumentException if {@link #problem(Builder)} finds one */
    public Builder putAll(Builder other) {
      problem(other).ifPresent(p -> {
        throw new IllegalArgumentException("fact " + p);
      });
      other.facts.forEach((path, value) -> put(FactPath.parse(path), value));
      return this;
    }

    public boolean isEmpty() {
      return facts.isEmpty();
    }

    public int size() {
      return facts.size();
    }

    public Inventory build() {
      return new Inventory(new TreeMap<>(facts));
    }

    private static String abbreviate(String text) {
      return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
  }
}
