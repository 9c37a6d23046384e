package dev.convoy.server.storage.rocksdb;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The counter updates of one group commit, folded into one absolute value per counter. Every counter delta of the
 * group is added up per key; when the group is written, each counter's stored value is read once and the sum is
 * written as a plain put. This is exact because the group-commit writer is the only writer and applies groups one
 * after another: nothing can change a counter between that read and the group's write.
 *
 * <p>Why not the merge operator alone: RocksDB keeps every merge operand of a key until a flush or compaction
 * combines them, and every read of the key combines them again, so a counter that a campaign's every transition
 * moves (its per-wave state counts, read by each gate evaluation) grew slower to read with each transition: a
 * campaign to N endpoints paid O(N) per read. Puts keep a read at one value. Values left as merge operands by
 * older servers are folded in by the first read ({@link RocksDB#get} applies the operator).
 *
 * <p>Not thread-safe: the writer thread alone uses it, for one group.
 */
final class CounterFold {
  private final Map<ByteBuffer, Long> deltas = new LinkedHashMap<>();

  /** Adds {@code delta} to the counter {@code key} in this group. */
  void add(byte[] key, long delta) {
    deltas.merge(ByteBuffer.wrap(key), delta, Long::sum);
  }

  /** Number of distinct counters this group changes. */
  int size() {
    return deltas.size();
  }

  /** Stages each folded counter's new absolute value ({@code stored + sum of deltas}) into {@code batch}. */
  void writeTo(WriteBatch batch, RocksDB db, ColumnFamilyHandle counters) throws RocksDBException {
    for (Map.Entry<ByteBuffer, Long> e : deltas.entrySet()) {
      byte[] key = e.getKey().array();
      long stored = Keys.counterValue(db.get(counters, key));
      batch.put(counters, key, Keys.counter(stored + e.getValue()));
    }
  }
}
