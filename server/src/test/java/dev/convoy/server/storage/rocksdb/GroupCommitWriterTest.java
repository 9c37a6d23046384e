package dev.convoy.server.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {
  @TempDir Path dir;

  @Test
  void commit_concurrentWriters_allAcknowledgedAndDurableAfterReopen() throws Exception {
    int writers = 32;
    int perWriter = 20;
    try (RocksStorage storage = RocksStorage.open(dir)) {
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> results = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        results.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perWriter; i++) {
            RocksChangeSet changes = (RocksChangeSet) storage.begin();
            changes.put(ColumnFamily.ENDPOINTS, Keys.of("w" + writer, "k" + i), Keys.of("v" + i));
            changes.addToCounter(Keys.of("total"), 1);
            storage.commit(changes);
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> result : results) {
        result.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(storage.writer().changeSetsWritten()).isEqualTo(writers * perWriter);
      assertThat(storage.writer().groupsWritten()).isBetween(1L, (long) writers * perWriter);
    }
    try (RocksStorage reopened = RocksStorage.open(dir)) {
      for (int w = 0; w < writers; w++) {
        assertThat(reopened.scan(ColumnFamily.ENDPOINTS, Keys.prefix("w" + w))).hasSize(perWriter);
      }
      assertThat(reopened.counter(Keys.of("total"))).isEqualTo(writers * perWriter);
    }
  }

  @Test
  void submit_queuedBeforeWriterRuns_writtenAsOneSyncedGroup() throws Exception {
    try (RocksStorage storage = RocksStorage.open(dir, false)) {
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        RocksChangeSet changes = (RocksChangeSet) storage.begin();
        changes.put(ColumnFamily.TOKENS, Keys.of("t" + i), Keys.EMPTY);
        acks.add(storage.writer().submit(changes));
      }
      assertThat(acks).noneMatch(CompletableFuture::isDone);

      storage.writer().start();
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

      assertThat(storage.writer().groupsWritten()).isEqualTo(1);
      assertThat(storage.scan(ColumnFamily.TOKENS, Keys.of("t"))).hasSize(50);
    }
  }

  @Test
  void addToCounter_negativeDelta_subtracts() {
    try (RocksStorage storage = RocksStorage.open(dir)) {
      RocksChangeSet changes = (RocksChangeSet) storage.begin();
      changes.addToCounter(Keys.of("c"), 5);
      changes.addToCounter(Keys.of("c"), -7);
      storage.commit(changes);
      assertThat(storage.counter(Keys.of("c"))).isEqualTo(-2);
      assertThat(storage.counter(Keys.of("never-written"))).isZero();
    }
  }

  @Test
  void commit_counterDeltasInOneGroupAndAcrossGroups_addUpExactly() throws Exception {
    try (RocksStorage storage = RocksStorage.open(dir, false)) {
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        RocksChangeSet changes = (RocksChangeSet) storage.begin();
        changes.addToCounter(Keys.of("wave", "c1", "0", "SUCCEEDED"), 1);
        changes.addToCounter(Keys.of("wave", "c1", "0", "PENDING"), -1);
        changes.put(ColumnFamily.TOKENS, Keys.of("t" + i), Keys.EMPTY);
        acks.add(storage.writer().submit(changes));
      }
      storage.writer().start();
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
      assertThat(storage.writer().groupsWritten()).isEqualTo(1);
      for (int i = 0; i < 3; i++) { // later groups start from the stored value
        RocksChangeSet changes = (RocksChangeSet) storage.begin();
        changes.addToCounter(Keys.of("wave", "c1", "0", "SUCCEEDED"), 2);
        storage.commit(changes);
      }

      assertThat(storage.counter(Keys.of("wave", "c1", "0", "SUCCEEDED"))).isEqualTo(46);
      assertThat(storage.counter(Keys.of("wave", "c1", "0", "PENDING"))).isEqualTo(-40);
      assertThat(storage.scan(ColumnFamily.TOKENS, Keys.of("t"))).hasSize(40);
    }
    try (RocksStorage reopened = RocksStorage.open(dir)) {
      assertThat(reopened.counter(Keys.of("wave", "c1", "0", "SUCCEEDED"))).isEqualTo(46);
    }
  }

  @Test
  void commit_afterClose_unavailable() {
    RocksStorage storage = RocksStorage.open(dir);
    storage.close();
    RocksChangeSet changes = (RocksChangeSet) storage.begin();
    changes.put(ColumnFamily.PEOPLE, Keys.of("x"), Keys.EMPTY);
    assertThatThrownBy(() -> storage.commit(changes))
        .isInstanceOfSatisfying(ConvoyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    assertThatThrownBy(() -> storage.get(ColumnFamily.PEOPLE, Keys.of("x")))
        .isInstanceOfSatisfying(ConvoyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
  }

  @Test
  void open_whileAnotherHoldsTheDatabase_unavailable() {
    try (RocksStorage first = RocksStorage.open(dir)) {
      assertThat(first.counter(Keys.of("x"))).isZero();
      assertThatThrownBy(() -> RocksStorage.open(dir))
          .isInstanceOfSatisfying(ConvoyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
          .hasMessageContaining("cannot open database");
    }
  }
}
