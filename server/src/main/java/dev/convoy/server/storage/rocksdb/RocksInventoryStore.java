package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.inventory.ChangeKind;
import dev.convoy.server.inventory.FactChange;
import dev.convoy.server.inventory.InventoryMeta;
import dev.convoy.server.inventory.InventoryStore;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.FactChangeRecord;
import dev.convoy.server.storage.rocksdb.v1.InventoryMetaRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Inventories in {@link ColumnFamily#INVENTORY_FACTS} (by endpoint), {@link ColumnFamily#INVENTORY_INDEX} (by index
 * key), {@link ColumnFamily#INVENTORY_META} and {@link ColumnFamily#INVENTORY_HISTORY}, with per-key entry counts
 * in {@link ColumnFamily#COUNTERS}; {@link InventoryKeys} has the layout. Thread-safe.
 */
public final class RocksInventoryStore implements InventoryStore {
  private final RocksStorage storage;

  public RocksInventoryStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<InventoryMeta> meta(String endpointId) {
    return Optional.ofNullable(storage.get(ColumnFamily.INVENTORY_META, Keys.of(endpointId)))
        .map(RocksInventoryStore::decodeMeta);
  }

  @Override
  public SortedMap<String, Object> facts(String endpointId) {
    SortedMap<String, Object> facts = new TreeMap<>();
    storage.visit(ColumnFamily.INVENTORY_FACTS, InventoryKeys.endpointPrefix(endpointId), (key, value) -> {
      facts.put(InventoryKeys.factPath(key), FactValues.decode(value));
      return true;
    });
    return facts;
  }

  @Override
  public Map<String, Object> facts(String endpointId, Map<String, String> indexKeys) {
    List<String> paths = new ArrayList<>(indexKeys.size());
    List<byte[]> keys = new ArrayList<>(indexKeys.size());
    indexKeys.forEach((path, indexKey) -> {
      paths.add(path);
      keys.add(InventoryKeys.fact(endpointId, indexKey, path));
    });
    List<byte[]> values = storage.multiGet(ColumnFamily.INVENTORY_FACTS, keys);
    Map<String, Object> facts = new HashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      if (values.get(i) != null) {
        facts.put(paths.get(i), FactValues.decode(values.get(i)));
      }
    }
    return facts;
  }

  @Override
  public void putFact(ChangeSet changes, String endpointId, String path, String indexKey, Object value) {
    RocksChangeSet rocks = (RocksChangeSet) changes;
    byte[] encoded = FactValues.encode(value);
    rocks.put(ColumnFamily.INVENTORY_FACTS, InventoryKeys.fact(endpointId, indexKey, path), encoded);
    rocks.put(ColumnFamily.INVENTORY_INDEX, InventoryKeys.indexEntry(indexKey, endpointId, path), encoded);
  }

  @Override
  public void removeFact(ChangeSet changes, String endpointId, String path, String indexKey) {
    RocksChangeSet rocks = (RocksChangeSet) changes;
    rocks.delete(ColumnFamily.INVENTORY_FACTS, InventoryKeys.fact(endpointId, indexKey, path));
    rocks.delete(ColumnFamily.INVENTORY_INDEX, InventoryKeys.indexEntry(indexKey, endpointId, path));
  }

  @Override
  public void addToEntryCount(ChangeSet changes, String indexKey, long delta) {
    ((RocksChangeSet) changes).addToCounter(InventoryKeys.counter(indexKey), delta);
  }

  @Override
  public void putMeta(ChangeSet changes, String endpointId, InventoryMeta meta) {
    InventoryMetaRecord record = InventoryMetaRecord.newBuilder()
        .setSha256(meta.sha256()).setUpdatedAt(Keys.timestamp(meta.updatedAt()))
        .setReportedAt(Keys.timestamp(meta.reportedAt())).setFactCount(meta.factCount())
        .setHistorySequence(meta.historySequence()).setHistoryCount(meta.historyCount())
        .setDigest(meta.digest()).build();
    ((RocksChangeSet) changes).put(ColumnFamily.INVENTORY_META, Keys.of(endpointId), record.toByteArray());
  }

  @Override
  public void addHistory(ChangeSet changes, String endpointId, long sequence, FactChange change) {
    FactChangeRecord.Builder record = FactChangeRecord.newBuilder()
        .setAt(Keys.timestamp(change.at())).setPath(change.path()).setKind(change.kind().name())
        .setReason(change.reason());
    if (change.oldValue() != null) {
      record.setOldValue(FactValues.record(change.oldValue()));
    }
    if (change.newValue() != null) {
      record.setNewValue(FactValues.record(change.newValue()));
    }
    ((RocksChangeSet) changes).put(ColumnFamily.INVENTORY_HISTORY,
        InventoryKeys.history(endpointId, change.at().toEpochMilli(), sequence), record.build().toByteArray());
  }

  @Override
  public void removeOldestHistory(ChangeSet changes, String endpointId, long count) {
    List<byte[]> oldest = new ArrayList<>();
    storage.visit(ColumnFamily.INVENTORY_HISTORY, InventoryKeys.endpointPrefix(endpointId), (key, value) -> {
      oldest.add(key);
      return oldest.size() < count;
    });
    oldest.forEach(key -> ((RocksChangeSet) changes).delete(ColumnFamily.INVENTORY_HISTORY, key));
  }

  @Override
  public List<FactChange> history(String endpointId, Instant since, int limit) {
    List<FactChange> changes = new ArrayList<>();
    storage.visitBackward(ColumnFamily.INVENTORY_HISTORY, InventoryKeys.endpointPrefix(endpointId),
        InventoryKeys.historyEnd(endpointId), (key, value) -> {
          FactChange change = decodeChange(value);
          if (since != null && change.at().isBefore(since)) {
            return false;
          }
          changes.add(change);
          return changes.size() < limit;
        });
    return changes;
  }

  @Override
  public long entryCount(String indexKey, boolean subtree) {
    byte[] key = InventoryKeys.counter(indexKey);
    long total = storage.counter(key);
    if (subtree) {
      for (byte[] prefix : InventoryKeys.subtreePrefixes(key).subList(1, 3)) {
        long[] below = {0};
        storage.visit(ColumnFamily.COUNTERS, prefix, (k, value) -> {
          below[0] += Keys.counterValue(value);
          return true;
        });
        total += below[0];
      }
    }
    return total;
  }

  @Override
  public void scanIndex(String indexKey, boolean subtree, IndexVisitor visitor) {
    byte[] key = indexKey.getBytes(StandardCharsets.UTF_8);
    List<byte[]> prefixes = InventoryKeys.subtreePrefixes(key);
    boolean[] stopped = {false};
    for (byte[] prefix : subtree ? prefixes : prefixes.subList(0, 1)) {
      storage.visit(ColumnFamily.INVENTORY_INDEX, prefix, (entryKey, value) -> {
        InventoryKeys.Parts parts = InventoryKeys.parts(entryKey, true);
        stopped[0] = !visitor.visit(parts.second(), parts.path(), FactValues.decode(value));
        return !stopped[0];
      });
      if (stopped[0]) {
        return;
      }
    }
  }

  @Override
  public List<String> endpointIds() {
    List<String> ids = new ArrayList<>();
    storage.visit(ColumnFamily.INVENTORY_META, Keys.EMPTY, (key, value) -> ids.add(Keys.text(key)));
    return ids;
  }

  @Override
  public FactReader reader() {
    RocksCursor cursor = storage.cursor(ColumnFamily.INVENTORY_FACTS);
    return new FactReader() {
      @Override
      public Map<String, Object> subtree(String endpointId, String indexKey) {
        byte[] endpoint = InventoryKeys.endpointPrefix(endpointId);
        Map<String, Object> facts = new HashMap<>();
        EntryVisitor collect = (key, value) -> {
          facts.put(InventoryKeys.factPath(key), FactValues.decode(value));
          return true;
        };
        if (indexKey.isEmpty()) {
          cursor.visit(endpoint, collect);
        } else {
          cursor.visitSubtree(InventoryKeys.concat(endpoint, indexKey.getBytes(StandardCharsets.UTF_8)), collect);
        }
        return facts;
      }

      @Override
      public void close() {
        cursor.close();
      }
    };
  }

  private static InventoryMeta decodeMeta(byte[] bytes) {
    try {
      InventoryMetaRecord r = InventoryMetaRecord.parseFrom(bytes);
      return new InventoryMeta(r.getSha256(), Keys.instant(r.getUpdatedAt()), Keys.instant(r.getReportedAt()),
          r.getFactCount(), r.getHistorySequence(), r.getHistoryCount(), r.getDigest());
    } catch (InvalidProtocolBufferException e) {
      throw ConvoyException.internal("corrupt inventory meta record: " + e.getMessage(), e);
    }
  }

  private static FactChange decodeChange(byte[] bytes) {
    try {
      FactChangeRecord r = FactChangeRecord.parseFrom(bytes);
      return new FactChange(Keys.instant(r.getAt()), r.getPath(), ChangeKind.valueOf(r.getKind()),
          r.hasOldValue() ? FactValues.value(r.getOldValue()) : null,
          r.hasNewValue() ? FactValues.value(r.getNewValue()) : null, r.getReason());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw ConvoyException.internal("corrupt inventory history record: " + e.getMessage(), e);
    }
  }
}
