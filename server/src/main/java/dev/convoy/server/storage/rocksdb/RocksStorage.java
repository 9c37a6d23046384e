package dev.convoy.server.storage.rocksdb;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.UInt64AddOperator;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's RocksDB (in {@code DIR/db}): one column family per aggregate ({@link ColumnFamily}), every write
 * through the {@link GroupCommitWriter}. Reads go straight to RocksDB and see every acknowledged write.
 *
 * <p>Thread-safe. {@link #close()} waits for in-flight reads, writes what is queued, then releases every native
 * handle; afterwards every call fails with UNAVAILABLE instead of touching freed memory.
 */
public final class RocksStorage implements Storage, AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(RocksStorage.class);
  private static final int MAX_GROUP = 512;
  /**
   * Version of the key layout and record encoding; a server refuses a database newer than it understands and
   * upgrades an older one on open ({@link SchemaUpgrade}). 2: inventory families, groups, and the
   * {@code e/<campaign>/<endpoint>} deployment index.
   */
  static final long SCHEMA_VERSION = 3;
  private static final byte[] SCHEMA_KEY = Keys.of("schema_version");

  private final Path directory;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions plainOptions;
  private final ColumnFamilyOptions counterOptions;
  private final UInt64AddOperator addOperator;
  private final WriteOptions syncWrite;
  private final RocksDB db;
  private final Map<ColumnFamily, ColumnFamilyHandle> handles;
  private final GroupCommitWriter writer;
  private final ReadWriteLock closeLock = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksStorage(Path directory, boolean startWriter) throws RocksDBException {
    this.directory = directory;
    dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    plainOptions = new ColumnFamilyOptions();
    addOperator = new UInt64AddOperator();
    counterOptions = new ColumnFamilyOptions().setMergeOperator(addOperator);
    syncWrite = new WriteOptions().setSync(true);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (ColumnFamily family : ColumnFamily.values()) {
      descriptors.add(new ColumnFamilyDescriptor(family.nameBytes(),
          family.counters() ? counterOptions : plainOptions));
    }
    List<ColumnFamilyHandle> opened = new ArrayList<>();
    try {
      db = RocksDB.open(dbOptions, directory.toString(), descriptors, opened);
    } catch (RocksDBException e) {
      closeOptions();
      throw e;
    }
    handles = new EnumMap<>(ColumnFamily.class);
    for (ColumnFamily family : ColumnFamily.values()) {
      handles.put(family, opened.get(family.ordinal()));
    }
    writer = new GroupCommitWriter(this, db, syncWrite, MAX_GROUP);
    if (startWriter) {
      writer.start();
    }
  }

  /**
   * Opens (creating if needed) the database in {@code directory}.
   *
   * @throws ConvoyException UNAVAILABLE if it cannot be opened (e.g. another server holds its lock)
   */
  public static RocksStorage open(Path directory) {
    return open(directory, true);
  }

  static RocksStorage open(Path directory, boolean startWriter) {
    RocksDB.loadLibrary();
    try {
      Files.createDirectories(directory);
      RocksStorage storage = new RocksStorage(directory, startWriter);
      try {
        storage.checkSchema();
      } catch (RuntimeException | RocksDBException e) {
        storage.close();
        throw e;
      }
      logger.info("storage opened path={} schemaVersion={}", directory, SCHEMA_VERSION);
      return storage;
    } catch (RocksDBException | java.io.IOException e) {
      throw new ConvoyException(ErrorCode.UNAVAILABLE, "cannot open database " + directory + ": " + e.getMessage(), e);
    }
  }

  private void checkSchema() throws RocksDBException {
    byte[] stored = db.get(handles.get(ColumnFamily.DEFAULT), SCHEMA_KEY);
    if (stored == null) {
      db.put(handles.get(ColumnFamily.DEFAULT), syncWrite, SCHEMA_KEY, Keys.counter(SCHEMA_VERSION));
    } else if (Keys.counterValue(stored) < SCHEMA_VERSION) {
      SchemaUpgrade.upgrade(db, handles, syncWrite, Keys.counterValue(stored), SCHEMA_VERSION, SCHEMA_KEY);
      logger.info("storage upgraded path={} from={} to={}", directory, Keys.counterValue(stored), SCHEMA_VERSION);
    } else if (Keys.counterValue(stored) > SCHEMA_VERSION) {
      throw new ConvoyException(ErrorCode.FAILED_PRECONDITION, "database " + directory + " has schema version "
          + Keys.counterValue(stored) + " (expected: <= " + SCHEMA_VERSION + "; it was written by a newer server)");
    }
  }

  GroupCommitWriter writer() {
    return writer;
  }

  ColumnFamilyHandle handle(ColumnFamily family) {
    return handles.get(family);
  }

  @Override
  public ChangeSet begin() {
    return new RocksChangeSet(this);
  }

  @Override
  public void commit(ChangeSet changes) {
    try {
      commitInOrder(changes).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvoyException(ErrorCode.UNAVAILABLE, "interrupted while waiting for a durable write");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof ConvoyException ce ? ce : ConvoyException.internal("storage write failed", e);
    }
  }

  /** Queued to the group-commit writer, which applies batches in the order they were queued. */
  @Override
  public java.util.concurrent.CompletableFuture<Void> commitInOrder(ChangeSet changes) {
    if (!(changes instanceof RocksChangeSet rocks) || rocks.owner() != this) {
      throw new IllegalArgumentException("change set was not made by this storage");
    }
    return writer.submit(rocks);
  }

  /** The value stored under {@code key}, or null. */
  byte[] get(ColumnFamily family, byte[] key) {
    return read(() -> {
      try {
        return db.get(handles.get(family), key);
      } catch (RocksDBException e) {
        throw ConvoyException.internal("storage read failed: " + e.getMessage(), e);
      }
    });
  }

  /** Every entry whose key starts with {@code prefix}, in key order. */
  List<Map.Entry<byte[], byte[]>> scan(ColumnFamily family, byte[] prefix) {
    return read(() -> {
      List<Map.Entry<byte[], byte[]>> result = new ArrayList<>();
      try (RocksIterator it = db.newIterator(handles.get(family))) {
        for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
          result.add(Map.entry(it.key(), it.value()));
        }
      }
      return result;
    });
  }

  /** Reads one entry per key, in order; null where a key has no value. */
  List<byte[]> multiGet(ColumnFamily family, List<byte[]> keys) {
    return read(() -> {
      if (keys.isEmpty()) {
        return List.of();
      }
      List<ColumnFamilyHandle> families = java.util.Collections.nCopies(keys.size(), handles.get(family));
      try {
        return db.multiGetAsList(families, keys);
      } catch (RocksDBException e) {
        throw ConvoyException.internal("storage read failed: " + e.getMessage(), e);
      }
    });
  }

  /** Calls {@code visitor} for every entry whose key starts with {@code prefix}, in key order, until it says stop. */
  void visit(ColumnFamily family, byte[] prefix, EntryVisitor visitor) {
    visitFrom(family, prefix, prefix, visitor);
  }

  /** Like {@link #visit}, starting at the first key that is at least {@code from} (which must start with prefix). */
  void visitFrom(ColumnFamily family, byte[] prefix, byte[] from, EntryVisitor visitor) {
    read(() -> {
      try (RocksIterator it = db.newIterator(handles.get(family))) {
        for (it.seek(from); it.isValid() && startsWith(it.key(), prefix); it.next()) {
          if (!visitor.visit(it.key(), it.value())) {
            break;
          }
        }
      }
      return null;
    });
  }

  /**
   * Like {@link #visit} in descending key order, starting at the last key that is at most {@code from} (which must
   * start with {@code prefix}).
   */
  void visitBackward(ColumnFamily family, byte[] prefix, byte[] from, EntryVisitor visitor) {
    read(() -> {
      try (RocksIterator it = db.newIterator(handles.get(family))) {
        for (it.seekForPrev(from); it.isValid() && startsWith(it.key(), prefix); it.prev()) {
          if (!visitor.visit(it.key(), it.value())) {
            break;
          }
        }
      }
      return null;
    });
  }

  /**
   * A cursor over {@code family} for many short scans in a row (one iterator, one consistent view). It holds off
   * {@link #close()} until it is closed itself: use it in try-with-resources, on one thread.
   */
  RocksCursor cursor(ColumnFamily family) {
    closeLock.readLock().lock();
    try {
      if (closed) {
        throw new ConvoyException(ErrorCode.UNAVAILABLE, "storage is closed (the server is shutting down)");
      }
      return new RocksCursor(db.newIterator(handles.get(family)), closeLock.readLock());
    } catch (RuntimeException e) {
      closeLock.readLock().unlock();
      throw e;
    }
  }

  /** The current value of a counter in {@link ColumnFamily#COUNTERS}; 0 if never written. */
  long counter(byte[] key) {
    return Keys.counterValue(get(ColumnFamily.COUNTERS, key));
  }

  private <T> T read(Supplier<T> body) {
    closeLock.readLock().lock();
    try {
      if (closed) {
        throw new ConvoyException(ErrorCode.UNAVAILABLE, "storage is closed (the server is shutting down)");
      }
      return body.get();
    } finally {
      closeLock.readLock().unlock();
    }
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  public void close() {
    writer.close();
    closeLock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      handles.values().forEach(ColumnFamilyHandle::close);
      db.close();
      closeOptions();
      logger.info("storage closed path={}", directory);
    } finally {
      closeLock.writeLock().unlock();
    }
  }

  private void closeOptions() {
    syncWrite.close();
    counterOptions.close();
    addOperator.close();
    plainOptions.close();
    dbOptions.close();
  }
}
