package dev.convoy.server.inventory;

import dev.convoy.server.campaign.TargetInventory;
import dev.convoy.server.inventory.query.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link TargetInventory} over the inventory store. A package's installed version is
 * {@code convoy.releases["<name>"].version} (a release Convoy manages), else
 * {@code software["<name>"].upstream_version}, else {@code software["<name>"].version}. Thread-safe.
 */
public final class InventoryTargets implements TargetInventory {
  private final InventoryStore store;

  public InventoryTargets(InventoryStore store) {
    this.store = store;
  }

  @Override
  public Optional<String> installedVersion(String endpointId, String packageName) {
    String managed = Path.of("convoy", "releases", packageName, "version").toString();
    String upstream = Path.of("software", packageName, "upstream_version").toString();
    String version = Path.of("software", packageName, "version").toString();
    try (InventoryStore.FactReader reader = store.reader()) {
      for (String path : new String[] {managed, upstream, version}) {
        Object value = reader.subtree(endpointId, path).get(path);
        if (value != null && !String.valueOf(value).isBlank()) {
          return Optional.of(String.valueOf(value));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public Map<String, String> facts(String endpointId, Set<String> paths) {
    Map<String, String> found = new TreeMap<>();
    try (InventoryStore.FactReader reader = store.reader()) {
      for (String path : paths) {
        Object value = reader.subtree(endpointId, path).get(path);
        if (value != null) {
          found.put(path, String.valueOf(value));
        }
      }
    }
    return found;
  }
}
