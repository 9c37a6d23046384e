package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.notify.Destination;
import dev.convoy.server.notify.Notification;
import dev.convoy.server.notify.OutboxEntry;
import dev.convoy.server.notify.OutboxStore;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.NotificationRecord;
import dev.convoy.server.storage.rocksdb.v1.OutboxRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox in {@link ColumnFamily#OUTBOX}: pending entries under {@code p} + the sequence as 8 bytes big-endian
 * (key order is delivery order), dead letters under {@code x} + the sequence. Thread-safe.
 */
public final class RocksOutboxStore implements OutboxStore {
  private static final byte PENDING = 'p';
  private static final byte DEAD = 'x';

  private final RocksStorage storage;

  public RocksOutboxStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public void put(ChangeSet changes, OutboxEntry entry) {
    ((RocksChangeSet) changes).put(ColumnFamily.OUTBOX, key(entry.dead() ? DEAD : PENDING, entry.sequence()),
        encode(entry).toByteArray());
  }

  @Override
  public void remove(ChangeSet changes, OutboxEntry entry) {
    ((RocksChangeSet) changes).delete(ColumnFamily.OUTBOX, key(entry.dead() ? DEAD : PENDING, entry.sequence()));
  }

  @Override
  public List<OutboxEntry> pending(long afterSequence, int limit) {
    return scan(PENDING, afterSequence, limit);
  }

  @Override
  public List<OutboxEntry> dead(long afterSequence, int limit) {
    return scan(DEAD, afterSequence, limit);
  }

  private List<OutboxEntry> scan(byte area, long afterSequence, int limit) {
    List<OutboxEntry> entries = new ArrayList<>();
    if (limit <= 0 || afterSequence == Long.MAX_VALUE) {
      return entries;
    }
    storage.visitFrom(ColumnFamily.OUTBOX, new byte[] {area}, key(area, afterSequence + 1), (key, value) -> {
      entries.add(decode(value));
      return entries.size() < limit;
    });
    return entries;
  }

  @Override
  public Optional<OutboxEntry> find(long sequence) {
    for (byte area : new byte[] {PENDING, DEAD}) {
      byte[] value = storage.get(ColumnFamily.OUTBOX, key(area, sequence));
      if (value != null) {
        return Optional.of(decode(value));
      }
    }
    return Optional.empty();
  }

  @Override
  public long lastSequence() {
    long last = 0;
    for (byte area : new byte[] {PENDING, DEAD}) {
      long[] found = {0};
      storage.visitBackward(ColumnFamily.OUTBOX, new byte[] {area}, key(area, Long.MAX_VALUE), (key, value) -> {
        found[0] = ByteBuffer.wrap(key, 1, Long.BYTES).getLong();
        return false;
      });
      last = Math.max(last, found[0]);
    }
    return last;
  }

  static byte[] key(byte area, long sequence) {
    return ByteBuffer.allocate(1 + Long.BYTES).put(area).putLong(sequence).array();
  }

  static OutboxRecord encode(OutboxEntry entry) {
    Notification n = entry.notification();
    NotificationRecord.Builder notification = NotificationRecord.newBuilder().setEventId(n.id()).setKind(n.kind())
        .setCampaignId(n.campaignId()).setCampaignTitle(n.campaignTitle())
        .setOccurredAt(Keys.timestamp(n.occurredAt())).setSummary(n.summary()).putAllDetails(n.details())
        .addAllDetailKeys(n.details().keySet()).addAllRecipients(n.recipients());
    OutboxRecord.Builder record = OutboxRecord.newBuilder().setSequence(entry.sequence())
        .setDestination(entry.destination().toString()).setNotification(notification)
        .setAttempts(entry.attempts()).setSince(Keys.timestamp(entry.since()))
        .setNextAttemptAt(Keys.timestamp(entry.nextAttemptAt())).setLastError(entry.lastError());
    if (entry.deadAt() != null) {
      record.setDeadAt(Keys.timestamp(entry.deadAt()));
    }
    return record.build();
  }

  static OutboxEntry decode(byte[] value) {
    try {
      OutboxRecord r = OutboxRecord.parseFrom(value);
      NotificationRecord n = r.getNotification();
      Map<String, String> details = new LinkedHashMap<>();
      n.getDetailKeysList().forEach(k -> details.put(k, n.getDetailsOrDefault(k, "")));
      details.putAll(n.getDetailsMap());
      Notification notification = new Notification(n.getEventId(), n.getKind(), n.getCampaignId(),
          n.getCampaignTitle(), Keys.instant(n.getOccurredAt()), n.getSummary(), details, n.getRecipientsList());
      return new OutboxEntry(r.getSequence(), Destination.parse(r.getDestination()), notification, r.getAttempts(),
          Keys.instant(r.getSince()), Keys.instant(r.getNextAttemptAt()), r.getLastError(),
          Keys.instantOrNull(r.hasDeadAt(), r.getDeadAt()));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw ConvoyException.internal("corrupt outbox record: " + e.getMessage(), e);
    }
  }
}
