package dev.convoy.server.inventory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The facts an {@link InventorySummary} is made of, read without the rest of the inventory: the four scalar paths
 * (point reads the caller folds into its own) and the {@code convoy.releases} subtree (one range read). Stateless.
 */
final class SummaryFacts {
  /** The scalar facts a summary shows. */
  static final List<String> PATHS = List.of("host.name", "os.name", "os.arch", "agent.version");
  private static final String RELEASES = "convoy.releases";

  private SummaryFacts() {}

  /**
   * The summary of the inventory after {@code delta}.
   *
   * @param before the stored facts at least at {@link #PATHS} (as read before the delta)
   */
  static InventorySummary after(InventoryStore store, String endpointId, Map<String, Object> before,
      ReportValidator.Valid delta) {
    TreeMap<String, Object> facts = new TreeMap<>();
    for (String path : PATHS) {
      Object value = before.get(path);
      if (value != null) {
        facts.put(path, value);
      }
    }
    try (InventoryStore.FactReader reader = store.reader()) {
      facts.putAll(reader.subtree(endpointId, RELEASES));
    }
    delta.facts().forEach((path, value) -> {
      if (shown(path)) {
        facts.put(path, value);
      }
    });
    delta.removed().stream().filter(SummaryFacts::shown).forEach(facts::remove);
    return InventorySummary.of(facts);
  }

  private static boolean shown(String path) {
    return PATHS.contains(path) || path.startsWith(RELEASES);
  }
}
