package dev.convoy.server.storage.rocksdb;

/**
 * Writes straight into a {@link RocksStorage}, bypassing every store and service: for tests that corrupt the stored
 * state on purpose and check that the server notices.
 */
public final class RawRocks {
  private RawRocks() {}

  /** Overwrites the row-major copy of one fact (not the index, not the meta): a server view gone wrong. */
  public static void overwriteFactRow(RocksStorage storage, String endpointId, String path, String indexKey,
      Object value) {
    RocksChangeSet changes = (RocksChangeSet) storage.begin();
    changes.put(ColumnFamily.INVENTORY_FACTS, InventoryKeys.fact(endpointId, indexKey, path),
        FactValues.encode(value));
    storage.commit(changes);
  }
}
