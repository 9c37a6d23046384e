package dev.convoy.server.inventory.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A path into an {@link InventoryDocument}: {@code os.family}, {@code software["libreoffice"].version},
 * {@code network.interfaces[*].mac}, {@code disks[0].size_gb}.
 *
 * <p>Two paths are equal when they name the same segments, whatever notation was used: {@code software.vim} and
 * {@code software["vim"]} are the same path. {@link #toString()} is the canonical text: a key is written as a bare
 * name when it is an identifier ({@code [A-Za-z_][A-Za-z0-9_-]*}, and not a keyword in first position), otherwise as a
 * quoted subscript. {@link InventoryDocument#flatten()} uses this same text for its keys.
 *
 * <p>Immutable and thread-safe.
 *
 * @param segments at least one segment
 */
public record Path(List<Segment> segments) {

  /** One step of a path. */
  public sealed interface Segment permits Key, Index, Wildcard {}

  /** A map key: {@code .name} or {@code ["any text"]}. Applied to a list, it applies to every element. */
  public record Key(String name) implements Segment {
    public Key {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A list position, {@code [0]}; zero-based. */
  public record Index(int index) implements Segment {
    public Index {
      if (index < 0) {
        throw new IllegalArgumentException("path index: " + index + " (expected: >= 0)");
      }
    }
  }

  /** {@code [*]}: every element of a list or every value of a map. */
  public record Wildcard() implements Segment {}

  /** @throws IllegalArgumentException if {@code segments} is empty */
  public Path {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("path: no segments (expected: at least one)");
    }
  }

  /**
   * Parses a path written as in the query language.
   *
   * @throws QuerySyntaxException with the column of the first error
   */
  public static Path parse(String text) {
    return Parser.parsePath(text);
  }

  /** A path made of map keys only: {@code Path.of("software", "libreoffice", "version")}. */
  public static Path of(String first, String... more) {
    List<Segment> keys = new ArrayList<>();
    keys.add(new Key(first));
    for (String name : more) {
      keys.add(new Key(name));
    }
    return new Path(keys);
  }

  /** This path followed by {@code segment}. */
  public Path child(Segment segment) {
    List<Segment> longer = new ArrayList<>(segments);
    longer.add(segment);
    return new Path(longer);
  }

  /**
   * Whether values at this path compare as versions: the last key is {@code version} or ends in {@code _version}
   * (case-insensitive), e.g. {@code software["vim"].version}, {@code os.version}, {@code os.kernel_version}.
   */
  public boolean isVersionField() {
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (segments.get(i) instanceof Key key) {
        String name = key.name().toLowerCase(Locale.ROOT);
        return name.equals("version") || name.endsWith("_version");
      }
    }
    return false;
  }

  /**
   * The key under which an index stores the values this path can read: the canonical text with list positions
   * removed ({@code network.interfaces[0].mac} and {@code network.interfaces.mac} both give
   * {@code network.interfaces.mac}), the same key {@link InventoryDocument#indexEntries()} produces. Empty when
   * the path has a {@code [*]}, which can range over map keys and so over many index keys.
   */
  public Optional<String> indexKey() {
    List<Segment> keys = new ArrayList<>();
    for (Segment segment : segments) {
      if (segment instanceof Wildcard) {
        return Optional.empty();
      }
      if (segment instanceof Key) {
        keys.add(segment);
      }
    }
    return keys.isEmpty() ? Optional.empty() : Optional.of(new Path(keys).toString());
  }

  /**
   * Whether a change to the fact at {@code leaf} (a concrete path, as in {@link InventoryDocument#flatten()} keys)
   * can change what this path reads: the two lead to the same place, or one lies under the other, given that a key
   * here passes over list positions there and {@code [*]} stands for any one segment.
   */
  public boolean overlaps(Path leaf) {
    int i = 0;
    int j = 0;
    while (i < segments.size() && j < leaf.segments.size()) {
      Segment mine = segments.get(i);
      Segment theirs = leaf.segments.get(j);
      if (mine instanceof Key && theirs instanceof Index) {
        j++; // a key applied to a list applies to each element
      } else if (mine instanceof Wildcard || mine.equals(theirs)) {
        i++;
        j++;
      } else {
        return false;
      }
    }
    return true;
  }

  /** The canonical text of this path, which {@link #parse} reads back to an equal path. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Segment segment : segments) {
      if (segment instanceof Key key) {
        boolean first = out.length() == 0;
        if (Syntax.isIdentifier(key.name()) && !(first && Syntax.isKeyword(key.name()))) {
          out.append(first ? "" : ".").append(key.name());
        } else {
          out.append('[').append(Syntax.quote(key.name())).append(']');
        }
      } else if (segment instanceof Index index) {
        out.append('[').append(index.index()).append(']');
      } else {
        out.append("[*]");
      }
    }
    return out.toString();
  }
}
