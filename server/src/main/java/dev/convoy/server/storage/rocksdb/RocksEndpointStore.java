package dev.convoy.server.storage.rocksdb;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointStore;
import dev.convoy.server.endpoint.ManagedPackage;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.v1.EndpointRecord;
import dev.convoy.server.storage.rocksdb.v1.ManagedPackageRecord;
import java.util.List;
import java.util.Optional;

/** Endpoints in {@link ColumnFamily#ENDPOINTS}; revisions as counters {@code revision/<endpoint id>}. */
public final class RocksEndpointStore implements EndpointStore {
  private final RocksStorage storage;

  public RocksEndpointStore(RocksStorage storage) {
    this.storage = storage;
  }

  @Override
  public Optional<Endpoint> find(String endpointId) {
    return Optional.ofNullable(storage.get(ColumnFamily.ENDPOINTS, Keys.of(endpointId)))
        .map(RocksEndpointStore::decode);
  }

  @Override
  public List<Endpoint> list() {
    return storage.scan(ColumnFamily.ENDPOINTS, Keys.EMPTY).stream().map(e -> decode(e.getValue())).toList();
  }

  @Override
  public void put(ChangeSet changes, Endpoint endpoint) {
    ((RocksChangeSet) changes).put(ColumnFamily.ENDPOINTS, Keys.of(endpoint.id()), encode(endpoint).toByteArray());
  }

  @Override
  public long revision(String endpointId) {
    return storage.counter(revisionKey(endpointId));
  }

  @Override
  public void bumpRevision(ChangeSet changes, String endpointId) {
    ((RocksChangeSet) changes).addToCounter(revisionKey(endpointId), 1);
  }

  private static byte[] revisionKey(String endpointId) {
    return Keys.of("revision", endpointId);
  }

  static EndpointRecord encode(Endpoint e) {
    EndpointRecord.Builder b = EndpointRecord.newBuilder()
        .setEndpointId(e.id()).setHostname(e.hostname()).setGroup(e.group())
        .setEnrolledAt(Keys.timestamp(e.enrolledAt())).setCertificateSerial(e.certificateSerial())
        .setOs(e.os()).setOsVersion(e.osVersion()).setArchitecture(e.architecture())
        .setAgentVersion(e.agentVersion()).setRevoked(e.revoked());
    if (e.certificateNotAfter() != null) {
      b.setCertificateNotAfter(Keys.timestamp(e.certificateNotAfter()));
    }
    if (e.lastSeen() != null) {
      b.setLastSeen(Keys.timestamp(e.lastSeen()));
    }
    if (e.inventoryAt() != null) {
      b.setInventoryAt(Keys.timestamp(e.inventoryAt()));
    }
    for (ManagedPackage p : e.managedPackages()) {
      b.addManagedPackages(ManagedPackageRecord.newBuilder()
          .setName(p.name()).setVersion(p.version()).setState(p.state()));
    }
    return b.build();
  }

  static Endpoint decode(byte[] bytes) {
    EndpointRecord r;
    try {
      r = EndpointRecord.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw ConvoyException.internal("corrupt endpoint record: " + e.getMessage(), e);
    }
    List<ManagedPackage> packages = r.getManagedPackagesList().stream()
        .map(p -> new ManagedPackage(p.getName(), p.getVersion(), p.getState())).toList();
    return new Endpoint(r.getEndpointId(), r.getHostname(), r.getGroup(), Keys.instant(r.getEnrolledAt()),
        r.getCertificateSerial(), r.hasCertificateNotAfter() ? Keys.instant(r.getCertificateNotAfter()) : null,
        r.getOs(), r.getOsVersion(), r.getArchitecture(), r.getAgentVersion(),
        r.hasLastSeen() ? Keys.instant(r.getLastSeen()) : null, r.getRevoked(), packages,
        r.hasInventoryAt() ? Keys.instant(r.getInventoryAt()) : null);
  }
}
