package dev.convoy.server;

import dev.convoy.server.grpc.CanonicalInventoryHasher;
import dev.convoy.server.inventory.InventoryConfig;
import dev.convoy.server.inventory.InventoryHasher;
import dev.convoy.server.inventory.InventoryService;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.rocksdb.RocksInventoryStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SortedMap;

/**
 * The inventory registry on its own RocksDB, without gRPC, sessions or campaigns: what a benchmark loads inventories
 * into and queries, exactly as the server does (same validation, group commit, index and planner).
 * <pre>{@code
 * try (StandaloneInventory inventory = StandaloneInventory.open(dir, Clock.systemUTC())) {
 *   SortedMap<String, Object> facts = ...;                       // canonical path -> String/Long/Double/Boolean
 *   inventory.service().report(InventoryReport.full("ep-0123456789abcdef", facts, inventory.sha256(facts), "bench"));
 *   QueryResult result = inventory.service().query("os.family = \"debian\"", List.of("os.name"), 100);
 * }
 * }</pre>
 * Reports of different endpoints may be sent from many threads at once: their synced writes are grouped.
 * Thread-safe; {@link #close()} closes the database.
 */
public final class StandaloneInventory implements AutoCloseable {
  private final RocksStorage storage;
  private final InventoryHasher hasher = new CanonicalInventoryHasher();
  private final InventoryService service;

  private StandaloneInventory(RocksStorage storage, Clock clock, InventoryConfig config) {
    this.storage = storage;
    this.service = service(storage, clock, config);
  }

  /** Opens (creating if needed) a database in {@code databaseDirectory} with the default limits. */
  public static StandaloneInventory open(Path databaseDirectory, Clock clock) {
    return open(databaseDirectory, clock, InventoryConfig.defaults());
  }

  /** Opens (creating if needed) a database in {@code databaseDirectory}. */
  public static StandaloneInventory open(Path databaseDirectory, Clock clock, InventoryConfig config) {
    return new StandaloneInventory(RocksStorage.open(databaseDirectory), clock, config);
  }

  /**
   * An inventory service over an open storage (which the caller closes), with no connected agents: a refresh
   * finds every endpoint offline, and matches have a host name only for endpoints enrolled in that storage.
   */
  public static InventoryService service(RocksStorage storage, Clock clock, InventoryConfig config) {
    return new InventoryService(new RocksInventoryStore(storage), storage, clock, new CanonicalInventoryHasher(),
        config, new RocksEndpointStore(storage), endpointId -> false);
  }

  public InventoryService service() {
    return service;
  }

  /** The canonical hash of {@code facts} (sorted by path), which a report must carry. */
  public String sha256(SortedMap<String, Object> facts) {
    return hasher.sha256(facts);
  }

  @Override
  public void close() {
    storage.close();
  }
}
