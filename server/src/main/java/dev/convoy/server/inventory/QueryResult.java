package dev.convoy.server.inventory;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answer to an inventory query: the first matches in endpoint id order, how many there are in all, and how
 * the query was answered.
 *
 * @param truncated {@code total} exceeds the matches returned
 * @param plan how it was answered, e.g. {@code index os.family (3 entries)} or {@code scan (no indexable predicate)}
 * @param candidates endpoints whose facts were evaluated
 */
public record QueryResult(List<Match> matches, int total, boolean truncated, String plan, int candidates) {
  public QueryResult {
    matches = List.copyOf(matches);
    Objects.requireNonNull(plan, "plan");
  }

  /**
   * One matching endpoint.
   *
   * @param hostname its registered host name ("" if unknown)
   * @param facts the facts under the requested fields that it has, by path
   */
  public record Match(String endpointId, String hostname, SortedMap<String, Object> facts) {
    public Match {
      Objects.requireNonNull(endpointId, "endpointId");
      hostname = Objects.requireNonNullElse(hostname, "");
      facts = Collections.unmodifiableSortedMap(new TreeMap<>(facts));
    }
  }
}
