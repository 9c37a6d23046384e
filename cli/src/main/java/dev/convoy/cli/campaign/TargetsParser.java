package dev.convoy.cli.campaign;

import dev.convoy.protocol.v1.Targets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code --targets} values into {@link Targets}. Each value is a comma-separated list of {@code all},
 * {@code group:G} and {@code endpoint:ID}; an item without a prefix continues the kind before it, so
 * {@code endpoint:ep-1,ep-2} names two endpoints. The option may be repeated; duplicates collapse.
 */
public final class TargetsParser {
  static final String EXPECTED = "expected: group:G, all, or endpoint:ID[,ID...]; comma separated or repeated";

  private TargetsParser() {}

  /**
   * Parses the values of every {@code --targets} given.
   *
   * @throws IllegalArgumentException naming the offending item and the expected forms; also when {@code all} is
   *     combined with other targets, or nothing is targeted
   */
  public static Targets parse(List<String> values) {
    boolean all = false;
    Set<String> groups = new LinkedHashSet<>();
    Set<String> endpoints = new LinkedHashSet<>();
    for (String value : values) {
      Set<String> current = null;
      for (String raw : value.split(",", -1)) {
        String item = raw.trim();
        if (item.equals("all")) {
          all = true;
          current = null;
        } else if (item.startsWith("group:")) {
          current = groups;
          add(current, item.substring("group:".length()), item);
        } else if (item.startsWith("endpoint:")) {
          current = endpoints;
          add(current, item.substring("endpoint:".length()), item);
        } else if (current != null && !item.isEmpty() && !item.contains(":")) {
          add(current, item, item);
        } else {
          throw new IllegalArgumentException("'" + item + "' in '" + value + "' (" + EXPECTED + ")");
        }
      }
    }
    if (all && (!groups.isEmpty() || !endpoints.isEmpty())) {
      throw new IllegalArgumentException("'all' already targets every endpoint; drop the group: and endpoint: targets");
    }
    if (!all && groups.isEmpty() && endpoints.isEmpty()) {
      throw new IllegalArgumentException("nothing targeted (" + EXPECTED + ")");
    }
    return Targets.newBuilder().setAll(all).addAllGroups(groups).addAllEndpointIds(endpoints).build();
  }

  /**
   * The inverse: {@code all}, or {@code group:a, endpoint:ep-1}, then the exclusions if any:
   * {@code all except group:kiosks, endpoint:ep-3}.
   */
  public static String format(Targets targets) {
    List<String> parts = new java.util.ArrayList<>();
    if (targets.getAll()) {
      parts.add("all");
    }
    targets.getGroupsList().forEach(g -> parts.add("group:" + g));
    targets.getEndpointIdsList().forEach(e -> parts.add("endpoint:" + e));
    List<String> excluded = new java.util.ArrayList<>();
    targets.getExcludeGroupsList().forEach(g -> excluded.add("group:" + g));
    targets.getExcludeEndpointIdsList().forEach(e -> excluded.add("endpoint:" + e));
    String included = parts.isEmpty() ? "(none)" : String.join(", ", parts);
    return excluded.isEmpty() ? included : included + " except " + String.join(", ", excluded);
  }

  private static void add(Set<String> into, String name, String item) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("'" + item + "' has an empty name (" + EXPECTED + ")");
    }
    into.add(name.trim());
  }
}
