package dev.convoy.cli.inventory;

import java.util.List;
import java.util.Optional;

/**
 * A fact path as the CLI reads it, in the query language's canonical form (docs/inventory.md): {@code os.family},
 * {@code software["g++"].version}, {@code network.interfaces.eth0.ipv4[0]}; {@code [*]} is accepted too, for the
 * paths people pass to {@code --field}. Only what the views need: the segments, the top-level key, and whether a
 * field asked for reads a given fact. The server owns the language; this reader never rejects what it sends, it
 * just falls back to the whole text as one key. Immutable and thread-safe.
 *
 * @param segments at least one
 */
public record FactPath(List<Segment> segments) {
  /** One step of a path. */
  public sealed interface Segment permits Key, Index, Any {}

  /** A map key. */
  public record Key(String name) implements Segment {}

  /** A list position. */
  public record Index(int index) implements Segment {}

  /** {@code [*]}: any one key or position. */
  public record Any() implements Segment {}

  public FactPath {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("fact path: no segments (expected: at least one)");
    }
  }

  /** Parses {@code text}; a text that is not a path is one key holding the whole text. */
  public static FactPath of(String text) {
    return parse(text).orElseGet(() -> new FactPath(List.of(new Key(text))));
  }

  /** Parses {@code text}, or empty if it is not a path in the canonical notation. */
  public static Optional<FactPath> parse(String text) {
    return new FactPathReader(text).read().map(FactPath::new);
  }

  /** The first key: the section of {@code inventory show} ({@code os}, {@code software} ...). */
  public String top() {
    return segments.get(0) instanceof Key key ? key.name() : render(segments.subList(0, 1));
  }

  /** The last map key, if there is one: {@code free_bytes} for {@code filesystems["/"].free_bytes}. */
  public Optional<String> lastKey() {
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (segments.get(i) instanceof Key key) {
        return Optional.of(key.name());
      }
    }
    return Optional.empty();
  }

  /** Segments {@code from} to the end as text, without a leading dot: {@code cpu.model} for hardware's. */
  public String tail(int from) {
    return render(segments.subList(from, segments.size()));
  }

  /**
   * Whether the field {@code this} reads {@code fact}: the same keys and positions, where {@code [*]} stands for
   * any one segment, a key applied to a list applies to each element ({@code network.interfaces.mac} reads
   * {@code network.interfaces[0].mac}), and a field that ends at a list reads its elements.
   */
  public boolean reads(FactPath fact) {
    return reads(0, fact, 0);
  }

  private boolean reads(int i, FactPath fact, int j) {
    List<Segment> facts = fact.segments;
    if (i == segments.size()) {
      return facts.subList(j, facts.size()).stream().allMatch(s -> s instanceof Index);
    }
    if (j == facts.size()) {
      return false;
    }
    Segment want = segments.get(i);
    Segment have = facts.get(j);
    if (want instanceof Any || want.equals(have)) {
      return reads(i + 1, fact, j + 1);
    }
    return want instanceof Key && have instanceof Index && reads(i, fact, j + 1);
  }

  /**
   * The canonical text: identifier keys dotted, other keys (and a keyword in first position) quoted, positions in
   * brackets.
   */
  @Override
  public String toString() {
    return render(segments);
  }

  private static String render(List<Segment> segments) {
    StringBuilder out = new StringBuilder();
    for (Segment segment : segments) {
      if (segment instanceof Key key && FactPathReader.isIdentifier(key.name())
          && !(out.length() == 0 && FactPathReader.isKeyword(key.name()))) {
        out.append(out.length() == 0 ? "" : ".").append(key.name());
      } else if (segment instanceof Key key) {
        out.append('[').append(FactPathReader.quote(key.name())).append(']');
      } else if (segment instanceof Index index) {
        out.append('[').append(index.index()).append(']');
      } else {
        out.append("[*]");
      }
    }
    return out.toString();
  }
}
