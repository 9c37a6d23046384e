package dev.convoy.server.inventory;

import dev.convoy.server.storage.ChangeSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link InventoryStore} that counts the entries (facts, index entries, ids, counters) read through it. */
public final class CountingInventoryStore implements InventoryStore {
  private final InventoryStore delegate;
  private final AtomicLong reads = new AtomicLong();

  public CountingInventoryStore(InventoryStore delegate) {
    this.delegate = delegate;
  }

  public long reads() {
    return reads.get();
  }

  public void reset() {
    reads.set(0);
  }

  @Override
  public Optional<InventoryMeta> meta(String endpointId) {
    reads.incrementAndGet();
    return delegate.meta(endpointId);
  }

  @Override
  public SortedMap<String, Object> facts(String endpointId) {
    SortedMap<String, Object> facts = delegate.facts(endpointId);
    reads.addAndGet(facts.size());
    return facts;
  }

  @Override
  public Map<String, Object> facts(String endpointId, Map<String, String> indexKeys) {
    Map<String, Object> facts = delegate.facts(endpointId, indexKeys);
    reads.addAndGet(facts.size());
    return facts;
  }

  @Override
  public void putFact(ChangeSet changes, String endpointId, String path, String indexKey, Object value) {
    delegate.putFact(changes, endpointId, path, indexKey, value);
  }

  @Override
  public void removeFact(ChangeSet changes, String endpointId, String path, String indexKey) {
    delegate.removeFact(changes, endpointId, path, indexKey);
  }

  @Override
  public void addToEntryCount(ChangeSet changes, String indexKey, long delta) {
    delegate.addToEntryCount(changes, indexKey, delta);
  }

  @Override
  public void putMeta(ChangeSet changes, String endpointId, InventoryMeta meta) {
    delegate.putMeta(changes, endpointId, meta);
  }

  @Override
  public void addHistory(ChangeSet changes, String endpointId, long sequence, FactChange change) {
    delegate.addHistory(changes, endpointId, sequence, change);
  }

  @Override
  public void removeOldestHistory(ChangeSet changes, String endpointId, long count) {
    delegate.removeOldestHistory(changes, endpointId, count);
  }

  @Override
  public List<FactChange> history(String endpointId, Instant since, int limit) {
    return delegate.history(endpointId, since, limit);
  }

  @Override
  public long entryCount(String indexKey, boolean subtree) {
    reads.incrementAndGet();
    return delegate.entryCount(indexKey, subtree);
  }

  @Override
  public void scanIndex(String indexKey, boolean subtree, IndexVisitor visitor) {
    delegate.scanIndex(indexKey, subtree, (endpointId, path, value) -> {
      reads.incrementAndGet();
      return visitor.visit(endpointId, path, value);
    });
  }

  @Override
  public List<String> endpointIds() {
    List<String> ids = delegate.endpointIds();
    reads.addAndGet(ids.size());
    return ids;
  }

  @Override
  public FactReader reader() {
    FactReader reader = delegate.reader();
    return new FactReader() {
      @Override
      public Map<String, Object> subtree(String endpointId, String indexKey) {
        Map<String, Object> facts = reader.subtree(endpointId, indexKey);
        reads.addAndGet(Math.max(1, facts.size())); // an empty range still costs a seek
        return facts;
      }

      @Override
      public void close() {
        reader.close();
      }
    };
  }
}
