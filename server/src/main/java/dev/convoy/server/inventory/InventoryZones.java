package dev.convoy.server.inventory;

import dev.convoy.server.campaign.EndpointZones;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * An endpoint's time zone from its inventory: the fact {@code os.timezone} (an IANA id the agent reads from the
 * system). Unknown or unparsable: empty, and windows fall back to their fixed zone or UTC. Thread-safe.
 */
public final class InventoryZones implements EndpointZones {
  static final String FACT = "os.timezone";
  private final InventoryStore store;

  public InventoryZones(InventoryStore store) {
    this.store = store;
  }

  @Override
  public Optional<ZoneId> zoneOf(String endpointId) {
    try (InventoryStore.FactReader reader = store.reader()) {
      Object value = reader.subtree(endpointId, FACT).get(FACT);
      return value instanceof String id && !id.isBlank() ? Optional.of(ZoneId.of(id)) : Optional.empty();
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
