package dev.convoy.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.server.people.Person;
import dev.convoy.server.people.Role;
import dev.convoy.server.storage.rocksdb.RawRocks;
import dev.convoy.server.storage.rocksdb.RocksPersonStore;
import java.util.Set;
import dev.convoy.server.storage.rocksdb.RocksAuditStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.storage.rocksdb.v1.AuditRecord;
import dev.convoy.server.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash chain over real RocksDB: appends, listing, and verification after tampering with raw access. */
class AuditLogTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private RocksStorage storage;
  private AuditLog audit;

  @BeforeEach
  void open() {
    storage = RocksStorage.open(dir);
    audit = new AuditLog(new RocksAuditStore(storage), storage, clock);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  private void appendFive() {
    for (int i = 1; i <= 5; i++) {
      audit.append(new AuditEvent("CN=admin,OU=person,O=Convoy", "campaign.pause", "cmp-" + i,
          Map.of("comment", "change " + i)));
      clock.advance(Duration.ofMinutes(1));
    }
  }

  private static AuditRecord record(byte[] bytes) throws Exception {
    return AuditRecord.parseFrom(bytes);
  }

  @Test
  void verify_untouchedStore_ok() {
    appendFive();

    AuditVerification result = audit.verify();

    assertThat(result.ok()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(5);
    assertThat(result.firstBadSequence()).isZero();
    assertThat(result.headSequence()).isEqualTo(5);
    assertThat(result.headHash()).isEqualTo(audit.list(4, e -> true, 10).get(0).hashHex());
  }

  @Test
  void verify_emptyLog_ok() {
    assertThat(audit.verify()).isEqualTo(new AuditVerification(true, 0, 0, "", 0, "0".repeat(64)));
  }

  @Test
  void append_chainsEachEntryToThePreviousOne() {
    appendFive();
    List<AuditEntry> entries = audit.list(0, e -> true, 10);

    assertThat(entries).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(entries.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).hash());
    }
    assertThat(entries.get(2).time()).isEqualTo(Instant.parse("2026-03-01T09:02:00Z"));
  }

  @Test
  void verify_modifiedEntry_namesIt() throws Exception {
    appendFive();
    AuditRecord original = record(RawRocks.auditEntry(storage, 3));
    RawRocks.putAuditEntry(storage, 3, original.toBuilder().setActor("CN=mallory,OU=person,O=Convoy").build()
        .toByteArray());

    AuditVerification result = audit.verify();

    assertThat(result.ok()).isFalse();
    assertThat(result.firstBadSequence()).isEqualTo(3);
    assertThat(result.entriesChecked()).isEqualTo(2);
    assertThat(result.reason()).contains("hash mismatch").contains("modified");
  }

  @Test
  void verify_modifiedEntryWithItsHashRecomputed_namesTheNextEntry() throws Exception {
    appendFive();
    AuditRecord original = record(RawRocks.auditEntry(storage, 3));
    AuditEntry forged = AuditChain.link(3, Instant.ofEpochSecond(original.getTime().getSeconds()),
        new AuditEvent("CN=mallory,OU=person,O=Convoy", original.getAction(), original.getTarget()),
        original.getPreviousHash().toByteArray());
    RawRocks.putAuditEntry(storage, 3, original.toBuilder().setActor(forged.event().actor()).clearDetails()
        .setHash(com.google.protobuf.ByteString.copyFrom(forged.hash())).build().toByteArray());

    AuditVerification result = audit.verify();

    assertThat(result.firstBadSequence()).isEqualTo(4);
    assertThat(result.reason()).contains("previous hash").contains("does not match entry 3");
  }

  @Test
  void verify_deletedEntry_namesIt() {
    appendFive();
    RawRocks.deleteAuditEntry(storage, 3);

    AuditVerification result = audit.verify();

    assertThat(result.ok()).isFalse();
    assertThat(result.firstBadSequence()).isEqualTo(3);
    assertThat(result.reason()).isEqualTo("entry 3 is missing (next stored key: 4)");
  }

  @Test
  void verify_deletedLastEntry_namesIt() {
    appendFive();
    RawRocks.deleteAuditEntry(storage, 5);

    AuditVerification result = audit.verify();

    assertThat(result.ok()).isFalse();
    assertThat(result.firstBadSequence()).isEqualTo(5);
    assertThat(result.reason()).contains("entry 5 is missing");
  }

  @Test
  void verify_reorderedEntries_namesTheFirst() {
    appendFive();
    byte[] second = RawRocks.auditEntry(storage, 2);
    byte[] third = RawRocks.auditEntry(storage, 3);
    RawRocks.putAuditEntry(storage, 2, third);
    RawRocks.putAuditEntry(storage, 3, second);

    AuditVerification result = audit.verify();

    assertThat(result.ok()).isFalse();
    assertThat(result.firstBadSequence()).isEqualTo(2);
    assertThat(result.reason()).contains("reordered");
  }

  @Test
  void verify_garbageBytes_namesTheEntry() {
    appendFive();
    RawRocks.putAuditEntry(storage, 4, new byte[] {(byte) 0xff, 0x01, 0x02});

    AuditVerification result = audit.verify();

    assertThat(result.firstBadSequence()).isEqualTo(4);
    assertThat(result.reason()).isEqualTo("entry 4 cannot be decoded");
  }

  @Test
  void append_withChangeSet_isOneBatchWithTheChange() {
    var people = new RocksPersonStore(storage);
    var changes = audit.newChangeSet();
    people.put(changes, new Person("bob", "CN=bob,OU=person,O=Convoy", Set.of(Role.ADMIN), clock.instant(), "1a"));
    assertThat(people.find("bob")).isEmpty();

    AuditEntry entry = audit.append(changes, new AuditEvent("server", "person.register", "bob"));

    assertThat(entry.sequence()).isEqualTo(1);
    assertThat(people.find("bob")).isPresent();
    assertThat(audit.verify().ok()).isTrue();
  }

  @Test
  void append_afterReopen_continuesTheChain() {
    appendFive();
    storage.close();
    storage = RocksStorage.open(dir);
    audit = new AuditLog(new RocksAuditStore(storage), storage, clock);

    AuditEntry sixth = audit.append(new AuditEvent("server", "test", "x"));

    assertThat(sixth.sequence()).isEqualTo(6);
    assertThat(audit.verify().ok()).isTrue();
  }

  @Test
  void append_concurrentCallers_chainStaysLinear() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            audit.append(new AuditEvent("CN=t" + thread, "test.append", "n" + i));
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    AuditVerification result = audit.verify();
    assertThat(result.ok()).as(result.reason()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(200);
  }

  @Test
  void list_afterSequenceAndFilter_pagesInOrder() {
    appendFive();

    assertThat(audit.list(2, e -> true, 2)).extracting(AuditEntry::sequence).containsExactly(3L, 4L);
    assertThat(audit.list(0, e -> e.event().target().equals("cmp-4"), 10))
        .extracting(AuditEntry::sequence).containsExactly(4L);
  }
}
