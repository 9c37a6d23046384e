package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.knowledge.Attestation;
import dev.convoy.server.knowledge.AttestationStore;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.TrainingAttestationRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Training attestations in {@link ColumnFamily#TRAINING_ATTESTATIONS}, keyed
 * {@code <name>/<version>/<endpoint id>/<item sha256>/<user sha256>}: the item title and user name are free text
 * (they may hold {@code /}), so the key carries their hashes and the record their text. Thread-safe.
 */
public final class RocksAttestationStore implements AttestationStore {
  private final RocksStorage storage;

  public RocksAttestationStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<Attestation> find(String name, String version, String endpointId, String item, String user) {
    return Optional.ofNullable(storage.get(ColumnFamily.TRAINING_ATTESTATIONS,
        key(name, version, endpointId, item, user))).map(RocksAttestationStore::decode);
  }

  @Override
  public List<Attestation> list(String name, String version) {
    return storage.scan(ColumnFamily.TRAINING_ATTESTATIONS, Keys.prefix(name, version)).stream()
        .map(e -> decode(e.getValue())).toList();
  }

  @Override
  public void put(ChangeSet changes, Attestation a) {
    TrainingAttestationRecord record = TrainingAttestationRecord.newBuilder().setEndpointId(a.endpointId())
        .setReleaseName(a.releaseName()).setReleaseVersion(a.releaseVersion()).setItem(a.item()).setUser(a.user())
        .setAttestedAt(Keys.timestamp(a.attestedAt())).setRecordedAt(Keys.timestamp(a.recordedAt())).build();
    ((RocksChangeSet) changes).put(ColumnFamily.TRAINING_ATTESTATIONS,
        key(a.releaseName(), a.releaseVersion(), a.endpointId(), a.item(), a.user()), record.toByteArray());
  }

  private static byte[] key(String name, String version, String endpointId, String item, String user) {
    return Keys.of(name, version, endpointId, sha256(item), sha256(user));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static Attestation decode(byte[] bytes) {
    try {
      TrainingAttestationRecord r = TrainingAttestationRecord.parseFrom(bytes);
      return new Attestation(r.getEndpointId(), r.getReleaseName(), r.getReleaseVersion(), r.getItem(), r.getUser(),
          Keys.instant(r.getAttestedAt()), Keys.instant(r.getRecordedAt()));
    } catch (InvalidProtocolBufferException e) {
      throw ConvoyException.internal("storage: unreadable training attestation record", e);
    }
  }
}
