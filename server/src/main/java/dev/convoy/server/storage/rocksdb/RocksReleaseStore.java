package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.catalogue.Release;
import dev.convoy.release.PackageConstraint;
import dev.convoy.server.catalogue.PackageRelations;
import dev.convoy.server.catalogue.ReleaseDocument;
import dev.convoy.server.catalogue.SignedManifest;
import dev.convoy.server.catalogue.ReleaseStore;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.PackageRangeRecord;
import dev.convoy.server.storage.rocksdb.v1.ReleaseDocumentRecord;
import dev.convoy.server.storage.rocksdb.v1.ReleaseRecord;
import dev.convoy.server.storage.rocksdb.v1.SignedManifestRecord;
import java.util.List;
import java.util.Optional;

/** Releases in {@link ColumnFamily#RELEASES}, keyed {@code <name>/<version>}. */
public final class RocksReleaseStore implements ReleaseStore {
  /** Releases being deployed at once are few; each is read by every Sync and download of its deployments. */
  private static final int CACHED_RELEASES = 1_024;
  private final RocksStorage storage;
  private final DecodedCache<Release> decoded = new DecodedCache<>(CACHED_RELEASES, RocksReleaseStore::decode);

  public RocksReleaseStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<Release> find(String name, String version) {
    return Optional.ofNullable(storage.get(ColumnFamily.RELEASES, Keys.of(name, version)))
        .map(bytes -> decoded.decode(name + '/' + version, bytes));
  }

  @Override
  public List<Release> list(String name) {
    byte[] prefix = name.isEmpty() ? Keys.EMPTY : Keys.prefix(name);
    return storage.scan(ColumnFamily.RELEASES, prefix).stream().map(e -> decode(e.getValue())).toList();
  }

  @Override
  public void put(ChangeSet changes, Release r) {
    ReleaseRecord.Builder record = ReleaseRecord.newBuilder()
        .setName(r.name()).setVersion(r.version()).setInstaller(r.installer()).setArchiveFormat(r.archiveFormat())
        .setSha256(r.sha256()).setLength(r.length()).setChunkSize(r.chunkSize()).addAllChunkSha256(r.chunkSha256())
        .setPublishedAt(Keys.timestamp(r.publishedAt())).setPublishedBy(r.publishedBy());
    r.signed().ifPresent(signed -> record.setSigned(encode(signed)));
    ((RocksChangeSet) changes).put(ColumnFamily.RELEASES, Keys.of(r.name(), r.version()), record.build().toByteArray());
  }

  private static SignedManifestRecord encode(SignedManifest s) {
    SignedManifestRecord.Builder b = SignedManifestRecord.newBuilder()
        .setSignerKeyId(s.signerKeyId()).setManifestSha256(s.manifestSha256())
        .putAllInstallerParameters(s.installerParameters()).setDowngrade(s.downgrade());
    for (ReleaseDocument d : s.documents()) {
      b.addDocuments(ReleaseDocumentRecord.newBuilder().setKind(d.kind()).setName(d.name()).setTitle(d.title())
          .setId(d.id()).setLength(d.length()).setSha256(d.sha256()));
    }
    PackageRelations r = s.relations();
    r.dependencies().forEach(c -> b.addDependencies(range(c)));
    r.conflicts().forEach(c -> b.addConflicts(range(c)));
    r.supersedes().forEach(c -> b.addSupersedes(range(c)));
    return b.putAllOsRequirements(r.osRequirements()).build();
  }

  private static PackageRangeRecord range(PackageConstraint c) {
    return PackageRangeRecord.newBuilder().setName(c.name()).setVersions(c.versions().toString()).build();
  }

  private static List<PackageConstraint> constraints(List<PackageRangeRecord> records) {
    return records.stream().map(r -> PackageConstraint.of(r.getName(), r.getVersions())).toList();
  }

  private static SignedManifest decode(SignedManifestRecord s) {
    return new SignedManifest(s.getSignerKeyId(), s.getManifestSha256(), s.getInstallerParametersMap(),
        s.getDowngrade(), s.getDocumentsList().stream().map(d -> new ReleaseDocument(d.getKind(), d.getName(),
            d.getTitle(), d.getId(), d.getLength(), d.getSha256())).toList(),
        new PackageRelations(constraints(s.getDependenciesList()), constraints(s.getConflictsList()),
            constraints(s.getSupersedesList()), s.getOsRequirementsMap()));
  }

  private static Release decode(byte[] bytes) {
    try {
      ReleaseRecord r = ReleaseRecord.parseFrom(bytes);
      return new Release(r.getName(), r.getVersion(), r.getInstaller(), r.getArchiveFormat(), r.getSha256(),
          r.getLength(), r.getChunkSize(), r.getChunkSha256List(), Keys.instant(r.getPublishedAt()),
          r.getPublishedBy(), r.hasSigned() ? Optional.of(decode(r.getSigned())) : Optional.empty());
    } catch (InvalidProtocolBufferException e) {
      throw ConvoyException.internal("corrupt release record: " + e.getMessage(), e);
    }
  }
}
