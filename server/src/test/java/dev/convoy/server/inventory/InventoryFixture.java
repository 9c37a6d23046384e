package dev.convoy.server.inventory;

import dev.convoy.inventory.InventoryDigest;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.grpc.CanonicalInventoryHasher;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.rocksdb.RocksInventoryStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.testing.MutableClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The inventory domain over a real RocksDB in a directory, with a counting store and an injected clock;
 * {@link #reopen()} simulates a restart. Also builds reports with correct hashes, as an agent does.
 */
final class InventoryFixture implements AutoCloseable {
  final Path dir;
  final MutableClock clock;
  final InventoryConfig config;
  final InventoryHasher hasher = new CanonicalInventoryHasher();
  final List<String> fullReportRequests = new CopyOnWriteArrayList<>();
  RocksStorage storage;
  RocksEndpointStore endpoints;
  CountingInventoryStore store;
  InventoryService service;

  InventoryFixture(Path dir, MutableClock clock, InventoryConfig config) {
    this.dir = dir;
    this.clock = clock;
    this.config = config;
    open();
  }

  InventoryFixture(Path dir) {
    this(dir, new MutableClock(), InventoryConfig.defaults());
  }

  private void open() {
    storage = RocksStorage.open(dir.resolve("db"));
    endpoints = new RocksEndpointStore(storage);
    store = new CountingInventoryStore(new RocksInventoryStore(storage));
    service = new InventoryService(store, storage, clock, hasher, config, endpoints, id -> {
      fullReportRequests.add(id);
      return id.endsWith("1");
    });
  }

  void reopen() {
    storage.close();
    open();
  }

  /** Enrolls an endpoint record (host name {@code host-<id>}), as enrollment would. */
  void enroll(String id, String group) {
    ChangeSet changes = storage.begin();
    endpoints.put(changes, Endpoint.enrolled(id, "host-" + id, group, clock.instant(), "01", clock.instant()));
    storage.commit(changes);
  }

  String sha(Map<String, ?> facts) {
    return hasher.sha256(new TreeMap<>(facts));
  }

  InventoryReport full(String endpointId, Map<String, ?> facts) {
    return InventoryReport.full(endpointId, facts, sha(facts), "connect");
  }

  ReportOutcome reportFull(String endpointId, Map<String, ?> facts) {
    return service.report(full(endpointId, facts));
  }

  /** A delta from {@code before} (what the agent believes the server has) to {@code after}. */
  InventoryReport delta(String endpointId, Map<String, ?> before, Map<String, ?> after, String reason) {
    Map<String, Object> set = new TreeMap<>();
    after.forEach((path, value) -> {
      if (!value.equals(before.get(path))) {
        set.put(path, value);
      }
    });
    List<String> removed = before.keySet().stream().filter(path -> !after.containsKey(path)).toList();
    return InventoryReport.delta(endpointId, sha(before), set, removed, sha(after), reason);
  }

  String digest(Map<String, ?> facts) {
    return InventoryDigest.of(facts).hex();
  }

  /** A full report with its digest (and without its hash), as an agent that knows digests may send. */
  InventoryReport digestFull(String endpointId, Map<String, ?> facts) {
    return InventoryReport.fullWithDigest(endpointId, facts, "", digest(facts), "connect");
  }

  /** A digest delta from {@code before} (what the agent believes the server has) to {@code after}. */
  InventoryReport digestDelta(String endpointId, Map<String, ?> before, Map<String, ?> after, String reason) {
    Map<String, Object> set = new TreeMap<>();
    after.forEach((path, value) -> {
      if (!value.equals(before.get(path))) {
        set.put(path, value);
      }
    });
    List<String> removed = before.keySet().stream().filter(path -> !after.containsKey(path)).toList();
    return InventoryReport.digestDelta(endpointId, digest(before), set, removed, digest(after), reason);
  }

  SortedMap<String, Object> stored(String endpointId) {
    return service.inventory(endpointId).map(StoredInventory::facts).orElse(new TreeMap<>());
  }

  @Override
  public void close() {
    storage.close();
  }
}
