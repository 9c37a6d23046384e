package dev.convoy.server.campaign;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port: what the inventory says about one endpoint, for {@link ReleaseRequirements}. Implementations are
 * thread-safe.
 */
public interface TargetInventory {
  /** Nothing known about any endpoint: only deployments and the endpoints' managed packages count. */
  TargetInventory NONE = new TargetInventory() {
    @Override
    public Optional<String> installedVersion(String endpointId, String packageName) {
      return Optional.empty();
    }

    @Override
    public Map<String, String> facts(String endpointId, Set<String> paths) {
      return Map.of();
    }
  };

  /**
   * The version of {@code packageName} installed on the endpoint as its inventory reports it (a release Convoy
   * manages, else a system package), as reported: it may not be a semantic version.
   */
  Optional<String> installedVersion(String endpointId, String packageName);

  /** The endpoint's text values of the facts at {@code paths}; a fact it does not report is absent. */
  Map<String, String> facts(String endpointId, Set<String> paths);
}
