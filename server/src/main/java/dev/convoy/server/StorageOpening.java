package dev.convoy.server;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.storage.rocksdb.v1.StorageRecordsProto;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * RocksDB opening on a thread of its own, so that the server's start can read its PKI and build its TLS context
 * meanwhile (loading the native library, the column families and replaying the WAL take a large share of a cold
 * start; BENCHMARKS.md, scenario 8). The same thread then initialises the stores' protobuf record schema, which
 * every store needs next and which otherwise costs the starting thread a further ~7 % of the start. Either {@link #await()} the storage or {@link #abandon()} it. Not thread-safe:
 * one starting thread uses it.
 */
final class StorageOpening {
  private final FutureTask<RocksStorage> task;

  private StorageOpening(FutureTask<RocksStorage> task) {
    this.task = task;
  }

  /** Starts opening the database in {@code directory}. */
  static StorageOpening start(Path directory) {
    FutureTask<RocksStorage> task = new FutureTask<>(() -> {
      RocksStorage storage = RocksStorage.open(directory);
      StorageRecordsProto.getDescriptor(); // class initialisation only: builds the descriptors once
      return storage;
    });
    Thread thread = new Thread(task, "convoy-storage-open");
    thread.setDaemon(true);
    thread.start();
    return new StorageOpening(task);
  }

  /**
   * Waits for the storage.
   *
   * @throws ConvoyException as {@link RocksStorage#open} threw it (UNAVAILABLE if another process holds the
   *     database, FAILED_PRECONDITION for a schema from the future); UNAVAILABLE if interrupted meanwhile (the
   *     storage is then closed once open)
   */
  RocksStorage await() {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("cannot open storage", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon();
      throw new ConvoyException(ErrorCode.UNAVAILABLE, "interrupted while opening storage");
    }
  }

  /** The start failed elsewhere: closes the storage once it is open, releasing the database's lock. */
  void abandon() {
    boolean interrupted = Thread.interrupted();
    while (true) {
      try {
        task.get().close();
        break;
      } catch (ExecutionException e) {
        break; // it did not open: nothing to close
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
