package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.audit.AuditEntry;
import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.audit.AuditStore;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.AuditHeadRecord;
import dev.convoy.server.storage.rocksdb.v1.AuditRecord;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The audit log in {@link ColumnFamily#AUDIT}: entries under {@code e} + the sequence as 8 bytes big-endian (so key
 * order is sequence order), and the head under {@code h}, written in the same batch as each entry.
 */
public final class RocksAuditStore implements AuditStore {
  private static final byte ENTRY = 'e';
  static final byte[] ENTRY_PREFIX = {ENTRY};
  static final byte[] HEAD_KEY = {'h'};

  private final RocksStorage storage;

  public RocksAuditStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<Head> head() {
    byte[] bytes = storage.get(ColumnFamily.AUDIT, HEAD_KEY);
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      AuditHeadRecord record = AuditHeadRecord.parseFrom(bytes);
      return Optional.of(new Head(record.getSequence(), record.getHash().toByteArray()));
    } catch (InvalidProtocolBufferException e) {
      throw ConvoyException.internal("corrupt audit head record: " + e.getMessage(), e);
    }
  }

  @Override
  public void append(ChangeSet changes, AuditEntry entry) {
    RocksChangeSet rocks = (RocksChangeSet) changes;
    rocks.put(ColumnFamily.AUDIT, key(entry.sequence()), encode(entry).toByteArray());
    rocks.put(ColumnFamily.AUDIT, HEAD_KEY, AuditHeadRecord.newBuilder().setSequence(entry.sequence())
        .setHash(ByteString.copyFrom(entry.hash())).build().toByteArray());
  }

  @Override
  public void scan(long afterSequence, Visitor visitor) {
    byte[] from = afterSequence <= 0 ? ENTRY_PREFIX : key(afterSequence + 1);
    storage.visitFrom(ColumnFamily.AUDIT, ENTRY_PREFIX, from,
        (key, value) -> visitor.visit(new Stored(sequenceOf(key), decode(value))));
  }

  static byte[] key(long sequence) {
    return ByteBuffer.allocate(1 + Long.BYTES).put(ENTRY).putLong(sequence).array();
  }

  static long sequenceOf(byte[] key) {
    return key.length == 1 + Long.BYTES ? ByteBuffer.wrap(key, 1, Long.BYTES).getLong() : -1;
  }

  static AuditRecord encode(AuditEntry entry) {
    return AuditRecord.newBuilder().setSequence(entry.sequence()).setTime(Keys.timestamp(entry.time()))
        .setActor(entry.event().actor()).setAction(entry.event().action()).setTarget(entry.event().target())
        .putAllDetails(entry.event().details())
        .setPreviousHash(ByteString.copyFrom(entry.previousHash())).setHash(ByteString.copyFrom(entry.hash()))
        .build();
  }

  /** The entry, or null if the bytes are not a well-formed record (verification reports it). */
  private static AuditEntry decode(byte[] value) {
    try {
      AuditRecord r = AuditRecord.parseFrom(value);
      return new AuditEntry(r.getSequence(), Keys.instant(r.getTime()),
          new AuditEvent(r.getActor(), r.getAction(), r.getTarget(), r.getDetailsMap()),
          r.getPreviousHash().toByteArray(), r.getHash().toByteArray());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      return null;
    }
  }
}
