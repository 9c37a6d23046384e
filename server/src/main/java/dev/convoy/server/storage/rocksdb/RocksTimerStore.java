package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.campaign.Timer;
import dev.convoy.server.campaign.TimerStore;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.TimerRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Timers in {@link ColumnFamily#TIMERS}, keyed {@code <due epoch millis, 8 bytes big-endian><KIND>/<id>} so that
 * RocksDB's byte order is due order: "what is due" is a scan from the first key that stops at the first future one.
 * Due times are never before 1970 (the server's clock), so the unsigned byte order of the millis is correct.
 */
public final class RocksTimerStore implements TimerStore {
  private final RocksStorage storage;

  public RocksTimerStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public void put(ChangeSet changes, Timer timer) {
    TimerRecord record = TimerRecord.newBuilder().setKind(timer.kind().name()).setCampaignId(timer.campaignId())
        .setDeploymentId(timer.deploymentId()).setWave(timer.wave()).setDueAt(Keys.timestamp(timer.dueAt())).build();
    ((RocksChangeSet) changes).put(ColumnFamily.TIMERS, key(timer), record.toByteArray());
  }

  @Override
  public void delete(ChangeSet changes, Timer timer) {
    ((RocksChangeSet) changes).delete(ColumnFamily.TIMERS, key(timer));
  }

  @Override
  public List<Timer> due(Instant now, int max) {
    long limit = now.toEpochMilli();
    List<Timer> due = new ArrayList<>();
    storage.visit(ColumnFamily.TIMERS, Keys.EMPTY, (key, value) -> {
      if (ByteBuffer.wrap(key, 0, Long.BYTES).getLong() > limit || due.size() >= max) {
        return false;
      }
      due.add(decode(value));
      return true;
    });
    return due;
  }

  @Override
  public Optional<Instant> earliest() {
    List<Timer> first = new ArrayList<>(1);
    storage.visit(ColumnFamily.TIMERS, Keys.EMPTY, (key, value) -> {
      first.add(decode(value));
      return false;
    });
    return first.stream().findFirst().map(Timer::dueAt);
  }

  private static byte[] key(Timer timer) {
    byte[] rest = (timer.kind().name() + "/" + timer.id()).getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Long.BYTES + rest.length).putLong(timer.dueAt().toEpochMilli()).put(rest).array();
  }

  private static Timer decode(byte[] value) {
    try {
      TimerRecord r = TimerRecord.parseFrom(value);
      return new Timer(Keys.instant(r.getDueAt()), Timer.Kind.valueOf(r.getKind()), r.getCampaignId(),
          r.getDeploymentId(), r.getWave());
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw ConvoyException.internal("corrupt timer record: " + e.getMessage(), e);
    }
  }
}
