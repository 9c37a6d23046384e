package dev.convoy.server.storage.rocksdb;

import dev.convoy.server.storage.ChangeSet;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The RocksDB form of a {@link ChangeSet}: plain Java operations, turned into a native {@link WriteBatch} only by
 * the group-commit writer thread. Keeping native handles out of callers' hands means a change set that is built
 * and then abandoned (an exception half-way) leaks nothing. Not thread-safe: one caller builds it.
 */
final class RocksChangeSet implements ChangeSet {
  private enum Kind { PUT, DELETE, MERGE }

  private record Op(Kind kind, ColumnFamily family, byte[] key, byte[] value) {}

  private final RocksStorage owner;
  private final List<Op> ops = new ArrayList<>();

  RocksChangeSet(RocksStorage owner) {
    this.owner = owner;
  }

  RocksStorage owner() {
    return owner;
  }

  void put(ColumnFamily family, byte[] key, byte[] value) {
    ops.add(new Op(Kind.PUT, family, key, value));
  }

  void delete(ColumnFamily family, byte[] key) {
    ops.add(new Op(Kind.DELETE, family, key, null));
  }

  /** Adds {@code delta} to a counter (see {@link ColumnFamily#COUNTERS}); negative deltas subtract. */
  void addToCounter(byte[] key, long delta) {
    ops.add(new Op(Kind.MERGE, ColumnFamily.COUNTERS, key, Keys.counter(delta)));
  }

  int size() {
    return ops.size();
  }

  /**
   * Stages the puts and deletes into {@code batch} and adds the counter deltas to {@code counters} (written by the
   * group-commit writer as absolute values after the whole group, see {@link CounterFold}). Counters are only ever
   * changed by deltas, so staging them last changes nothing about the order of other operations.
   */
  void applyTo(WriteBatch batch, RocksStorage storage, CounterFold counters) throws RocksDBException {
    for (Op op : ops) {
      switch (op.kind()) {
        case PUT -> batch.put(storage.handle(op.family()), op.key(), op.value());
        case DELETE -> batch.delete(storage.handle(op.family()), op.key());
        case MERGE -> counters.add(op.key(), Keys.counterValue(op.value()));
      }
    }
  }
}
