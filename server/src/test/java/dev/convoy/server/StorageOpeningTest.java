package dev.convoy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RocksDB opened on a thread of its own during the start, over a real database in a temporary directory. */
class StorageOpeningTest {
  @TempDir Path dir;

  @Test
  void await_freeDatabase_answersTheOpenStorage() {
    try (RocksStorage storage = StorageOpening.start(dir.resolve("db")).await()) {
      storage.commit(storage.begin()); // usable: an empty batch commits
    }
  }

  @Test
  void await_databaseHeldByAnotherStorage_throwsUnavailableAsOpenDoes() {
    RocksStorage holder = RocksStorage.open(dir.resolve("db"));
    try {
      Throwable thrown = catchThrowable(() -> StorageOpening.start(dir.resolve("db")).await());

      assertThat(thrown).isInstanceOfSatisfying(ConvoyException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    } finally {
      holder.close();
    }
  }

  @Test
  void abandon_startFailedElsewhere_closesTheStorageAndReleasesItsLock() {
    StorageOpening.start(dir.resolve("db")).abandon();

    try (RocksStorage again = RocksStorage.open(dir.resolve("db"))) {
      assertThat(again).isNotNull();
    }
  }

  @Test
  void abandon_openingFailed_returnsQuietly() {
    RocksStorage holder = RocksStorage.open(dir.resolve("db"));
    try {
      StorageOpening opening = StorageOpening.start(dir.resolve("db"));

      opening.abandon();

      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    } finally {
      holder.close();
    }
  }
}
