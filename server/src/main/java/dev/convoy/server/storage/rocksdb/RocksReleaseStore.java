package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.catalogue.ReleaseStore;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.ReleaseRecord;
import java.util.List;
import java.util.Optional;

/** Releases in {@link ColumnFamily#RELEASES}, keyed {@code <name>/<version>}. */
public final class RocksReleaseStore implements ReleaseStore {
  private final RocksStorage storage;

  public RocksReleaseStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<Release> find(String name, String version) {
    return Optional.ofNullable(storage.get(ColumnFamily.RELEASES, Keys.of(name, version)))
        .map(RocksReleaseStore::decode);
  }

  @Override
  public List<Release> list(String name) {
    byte[] prefix = name.isEmpty() ? Keys.EMPTY : Keys.prefix(name);
    return storage.scan(ColumnFamily.RELEASES, prefix).stream().map(e -> decode(e.getValue())).toList();
  }

  @Override
  public void put(ChangeSet changes, Release r) {
    ReleaseRecord record = ReleaseRecord.newBuilder()
        .setName(r.name()).setVersion(r.version()).setInstaller(r.installer()).setArchiveFormat(r.archiveFormat())
        .setSha256(r.sha256()).setLength(r.length()).setChunkSize(r.chunkSize()).addAllChunkSha256(r.chunkSha256())
        .setPublishedAt(Keys.timestamp(r.publishedAt())).setPublishedBy(r.publishedBy())
        .build();
    ((RocksChangeSet) changes).put(ColumnFamily.RELEASES, Keys.of(r.name(), r.version()), record.toByteArray());
  }

  private static Release decode(byte[] bytes) {
    try {
      ReleaseRecord r = ReleaseRecord.parseFrom(bytes);
      return new Release(r.getName(), r.getVersion(), r.getInstaller(), r.getArchiveFormat(), r.getSha256(),
          r.getLength(), r.getChunkSize(), r.getChunkSha256List(), Keys.instant(r.getPublishedAt()),
          r.getPublishedBy());
    } catch (InvalidProtocolBufferException e) {
      throw ConvoyException.internal("corrupt release record: " + e.getMessage(), e);
    }
  }
}
