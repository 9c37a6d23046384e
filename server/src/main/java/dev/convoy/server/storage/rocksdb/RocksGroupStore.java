package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.group.Group;
import dev.convoy.server.group.GroupStore;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.GroupRecord;
import java.util.List;
import java.util.Optional;

/** Dynamic groups in {@link ColumnFamily#GROUPS}, keyed by name. */
public final class RocksGroupStore implements GroupStore {
  private final RocksStorage storage;

  public RocksGroupStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<Group> find(String name) {
    return Optional.ofNullable(storage.get(ColumnFamily.GROUPS, Keys.of(name))).map(RocksGroupStore::decode);
  }

  @Override
  public List<Group> list() {
    return storage.scan(ColumnFamily.GROUPS, Keys.EMPTY).stream().map(e -> decode(e.getValue())).toList();
  }

  @Override
  public void put(ChangeSet changes, Group group) {
    GroupRecord record = GroupRecord.newBuilder()
        .setName(group.name()).setQuery(group.query()).setDescription(group.description())
        .setCreatedBy(group.createdBy()).setCreatedAt(Keys.timestamp(group.createdAt()))
        .build();
    ((RocksChangeSet) changes).put(ColumnFamily.GROUPS, Keys.of(group.name()), record.toByteArray());
  }

  private static Group decode(byte[] bytes) {
    try {
      GroupRecord r = GroupRecord.parseFrom(bytes);
      return new Group(r.getName(), true, r.getQuery(), r.getDescription(), r.getCreatedBy(),
          Keys.instant(r.getCreatedAt()));
    } catch (InvalidProtocolBufferException e) {
      throw ConvoyException.internal("corrupt group record: " + e.getMessage(), e);
    }
  }
}
