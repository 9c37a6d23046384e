package dev.convoy.server.inventory;

import dev.convoy.server.inventory.query.InventoryDocument;
import dev.convoy.server.inventory.query.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * A report that changed an endpoint's stored inventory, as {@link InventoryListener}s see it right after it became
 * durable: which fact paths changed, and the whole inventory now. Thread-safe; the facts are read and the document is
 * built on first use.
 */
public final class InventoryChange {
  private final String endpointId;
  private final Set<String> changedPaths;
  private final Supplier<SortedMap<String, Object>> read;
  private volatile SortedMap<String, Object> facts;
  private final InventoryReport report;
  private volatile InventoryDocument document;
  private volatile List<Path> changedLeaves;

  /** @param facts reads the whole inventory after the change (only if a listener asks for it) */
  InventoryChange(String endpointId, Set<String> changedPaths, Supplier<SortedMap<String, Object>> facts,
      InventoryReport report) {
    this.endpointId = endpointId;
    this.changedPaths = Collections.unmodifiableSet(changedPaths);
    this.read = facts;
    this.report = report;
  }

  public String endpointId() {
    return endpointId;
  }

  /** Canonical paths of the facts added, changed or removed (every path for a first inventory). */
  public Set<String> changedPaths() {
    return changedPaths;
  }

  /** {@link #changedPaths()} parsed, e.g. for {@link dev.convoy.server.inventory.query.Query#dependsOn}. */
  public List<Path> changedLeaves() {
    List<Path> parsed = changedLeaves;
    if (parsed == null) {
      parsed = changedPaths.stream().map(FactPaths::parse).toList();
      changedLeaves = parsed;
    }
    return parsed;
  }

  /**
   * The endpoint's whole inventory after the change, sorted by path. Read on first use (a delta does not read the
   * whole inventory otherwise): call it while being notified, when it is still the stored inventory.
   */
  public SortedMap<String, Object> facts() {
    SortedMap<String, Object> read = facts;
    if (read == null) {
      read = Collections.unmodifiableSortedMap(this.read.get());
      facts = read;
    }
    return read;
  }

  /** The report that made the change. */
  public InventoryReport report() {
    return report;
  }

  /** The inventory after the change as a query document. */
  public InventoryDocument document() {
    InventoryDocument built = document;
    if (built == null) {
      built = FactTree.lenient(facts());
      document = built;
    }
    return built;
  }
}
