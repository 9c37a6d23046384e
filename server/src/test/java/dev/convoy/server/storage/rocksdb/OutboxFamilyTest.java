package dev.convoy.server.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.notify.Destination;
import dev.convoy.server.notify.Notification;
import dev.convoy.server.notify.OutboxEntry;
import dev.convoy.server.storage.ChangeSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

/** The outbox column family: added to a database written before it existed, and its key order. */
class OutboxFamilyTest {
  @TempDir Path dir;

  @Test
  void open_databaseWithoutOutboxFamily_opensWithAnEmptyOutbox() throws Exception {
    RocksDB.loadLibrary();
    List<ColumnFamilyDescriptor> older = new ArrayList<>();
    for (ColumnFamily family : ColumnFamily.values()) {
      if (family != ColumnFamily.OUTBOX) {
        older.add(new ColumnFamilyDescriptor(family.nameBytes()));
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        RocksDB db = RocksDB.open(options, dir.toString(), older, handles)) {
      db.put(handles.get(0), Keys.of("schema_version"), Keys.counter(RocksStorage.SCHEMA_VERSION));
      handles.forEach(ColumnFamilyHandle::close);
    }

    try (RocksStorage storage = RocksStorage.open(dir)) {
      RocksOutboxStore outbox = new RocksOutboxStore(storage);
      assertThat(outbox.lastSequence()).isZero();
      assertThat(outbox.pending(0, 10)).isEmpty();
    }
  }

  @Test
  void pendingAndDead_keptApartInSequenceOrderAndSurviveReopen() {
    Instant now = Instant.parse("2027-01-01T00:00:00Z");
    // Map.of iterates in an order that changes from one JVM to the next: the order to keep is a LinkedHashMap's.
    Map<String, String> details = new java.util.LinkedHashMap<>();
    details.put("b", "2");
    details.put("a", "1");
    Notification n = Notification.of("campaign.paused", "cmp-1", "T", now, "s", details);
    try (RocksStorage storage = RocksStorage.open(dir)) {
      RocksOutboxStore outbox = new RocksOutboxStore(storage);
      ChangeSet changes = storage.begin();
      for (long seq : new long[] {300, 2, 256}) {
        outbox.put(changes, OutboxEntry.pending(seq, Destination.webhook("ops"), n, now));
      }
      outbox.put(changes, OutboxEntry.pending(7, Destination.mail("a@example.org"), n, now).buried("HTTP 400", now));
      storage.commit(changes);
    }
    try (RocksStorage storage = RocksStorage.open(dir)) {
      RocksOutboxStore outbox = new RocksOutboxStore(storage);
      assertThat(outbox.pending(0, 10)).extracting(OutboxEntry::sequence).containsExactly(2L, 256L, 300L);
      assertThat(outbox.pending(2, 1)).extracting(OutboxEntry::sequence).containsExactly(256L);
      assertThat(outbox.dead(0, 10)).singleElement().satisfies(e -> {
        assertThat(e.sequence()).isEqualTo(7);
        assertThat(e.destination()).isEqualTo(Destination.mail("a@example.org"));
        assertThat(e.lastError()).isEqualTo("HTTP 400");
        assertThat(e.notification()).isEqualTo(n);
        assertThat(e.notification().details().keySet()).as("detail order kept").containsExactly("b", "a");
      });
      assertThat(outbox.lastSequence()).isEqualTo(300);
      assertThat(outbox.find(7)).get().extracting(OutboxEntry::dead).isEqualTo(true);
    }
  }
}
