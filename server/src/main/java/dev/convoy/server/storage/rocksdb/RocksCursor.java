package dev.convoy.server.storage.rocksdb;

import java.util.List;
import java.util.concurrent.locks.Lock;
import org.rocksdb.RocksIterator;

/**
 * One RocksDB iterator reused for many prefix scans (seeking is far cheaper than creating an iterator), reading one
 * consistent view of the family. Holds the storage's close lock (shared) until {@link #close()}, so the database
 * cannot be closed under it. Not thread-safe: one thread opens, uses and closes it.
 */
final class RocksCursor implements AutoCloseable {
  private final RocksIterator iterator;
  private final Lock closeLock;
  private boolean closed;

  RocksCursor(RocksIterator iterator, Lock closeLock) {
    this.iterator = iterator;
    this.closeLock = closeLock;
  }

  /** Calls {@code visitor} for every entry whose key starts with {@code prefix}, in key order, until it says stop. */
  void visit(byte[] prefix, EntryVisitor visitor) {
    for (iterator.seek(prefix); iterator.isValid() && RocksStorage.startsWith(iterator.key(), prefix);
        iterator.next()) {
      if (!visitor.visit(iterator.key(), iterator.value())) {
        return;
      }
    }
  }

  /**
   * Visits the index subtree of the key at the end of {@code base} (see {@link InventoryKeys#subtreePrefixes}) with
   * as few seeks as the data allows: after the key's own entries the iterator usually already stands past
   * everything that starts with {@code base}, and then nothing below the key exists.
   */
  void visitSubtree(byte[] base, EntryVisitor visitor) {
    List<byte[]> prefixes = InventoryKeys.subtreePrefixes(base);
    iterator.seek(prefixes.get(0));
    if (!visitRange(prefixes.get(0), visitor)) {
      return;
    }
    while (iterator.isValid() && RocksStorage.startsWith(iterator.key(), base)) {
      int next = iterator.key()[base.length] & 0xff; // unsigned, as RocksDB orders keys
      if (next == '.' || next == '[') {
        if (!visitRange(next == '.' ? prefixes.get(1) : prefixes.get(2), visitor)) {
          return;
        }
      } else if (next < '.') {
        iterator.seek(prefixes.get(1));
      } else if (next < '[') {
        iterator.seek(prefixes.get(2));
      } else {
        return;
      }
    }
  }

  /** Visits entries from the current position while they start with {@code prefix}; false if the visitor stopped. */
  private boolean visitRange(byte[] prefix, EntryVisitor visitor) {
    for (; iterator.isValid() && RocksStorage.startsWith(iterator.key(), prefix); iterator.next()) {
      if (!visitor.visit(iterator.key(), iterator.value())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      iterator.close();
      closeLock.unlock();
    }
  }
}
