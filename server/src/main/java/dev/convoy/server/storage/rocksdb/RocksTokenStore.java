package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.enrollment.EnrollmentToken;
import dev.convoy.server.enrollment.TokenStore;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.TokenRecord;
import java.util.List;
import java.util.Optional;

/** Enrollment tokens (hashed) in {@link ColumnFamily#TOKENS}, keyed by token id. */
public final class RocksTokenStore implements TokenStore {
  private final RocksStorage storage;

  public RocksTokenStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<EnrollmentToken> find(String tokenId) {
    return Optional.ofNullable(storage.get(ColumnFamily.TOKENS, Keys.of(tokenId))).map(RocksTokenStore::decode);
  }

  @Override
  public List<EnrollmentToken> list() {
    return storage.scan(ColumnFamily.TOKENS, Keys.EMPTY).stream().map(e -> decode(e.getValue())).toList();
  }

  @Override
  public void put(ChangeSet changes, EnrollmentToken t) {
    TokenRecord record = TokenRecord.newBuilder()
        .setTokenId(t.tokenId()).setGroup(t.group()).setSecretSha256(ByteString.copyFrom(t.secretSha256()))
        .setUsesTotal(t.usesTotal()).setUsesLeft(t.usesLeft()).setCreatedAt(Keys.timestamp(t.createdAt()))
        .setExpiresAt(Keys.timestamp(t.expiresAt())).setCreatedBy(t.createdBy())
        .build();
    ((RocksChangeSet) changes).put(ColumnFamily.TOKENS, Keys.of(t.tokenId()), record.toByteArray());
  }

  private static EnrollmentToken decode(byte[] bytes) {
    try {
      TokenRecord r = TokenRecord.parseFrom(bytes);
      return new EnrollmentToken(r.getTokenId(), r.getGroup(), r.getSecretSha256().toByteArray(), r.getUsesTotal(),
          r.getUsesLeft(), Keys.instant(r.getCreatedAt()), Keys.instant(r.getExpiresAt()), r.getCreatedBy());
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw ConvoyException.internal("corrupt token record: " + e.getMessage(), e);
    }
  }
}
