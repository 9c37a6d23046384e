package dev.convoy.server.grpc;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import dev.convoy.protocol.v1.InventoryReport;
import dev.convoy.server.catalogue.PackageRelations;
import dev.convoy.server.catalogue.Release;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointView;
import dev.convoy.server.endpoint.Inventory;
import dev.convoy.server.endpoint.ManagedPackage;
import dev.convoy.server.enrollment.IssuedToken;
import java.time.Instant;

/**
 * Domain ↔ protocol conversions for endpoints, enrollment and time; campaign and catalogue messages are in
 * {@link CampaignProtoMapper}. Conversions from the protocol validate through the domain constructors, which throw
 * INVALID_ARGUMENT naming the field. Stateless.
 */
final class ProtoMapper {
  private ProtoMapper() {}

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  /** The instant of a protocol timestamp; null when unset (all zero). */
  static Instant instantOrNull(Timestamp timestamp) {
    if (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0) {
      return null;
    }
    return Instant.ofEpochSecond(timestamp.getSeconds(), Math.max(0, Math.min(timestamp.getNanos(), 999_999_999)));
  }

  static dev.convoy.protocol.v1.Endpoint endpoint(EndpointView view) {
    Endpoint e = view.endpoint();
    var b = dev.convoy.protocol.v1.Endpoint.newBuilder()
        .setEndpointId(e.id()).setHostname(e.hostname()).setGroup(e.group()).setOnline(view.online())
        .setEnrolledAt(timestamp(e.enrolledAt())).setOs(e.osDisplayName()).setAgentVersion(e.agentVersion())
        .setCertificateSerial(e.certificateSerial());
    if (view.lastSeen() != null) {
      b.setLastSeen(timestamp(view.lastSeen()));
    }
    if (e.certificateNotAfter() != null) {
      b.setCertificateNotAfter(timestamp(e.certificateNotAfter()));
    }
    return b.build();
  }

  static dev.convoy.protocol.v1.Release release(Release r) {
    var b = dev.convoy.protocol.v1.Release.newBuilder()
        .setName(r.name()).setVersion(r.version()).setInstaller(r.installer()).setSha256(r.sha256())
        .setLength(r.length()).setChunkSize(r.chunkSize()).addAllChunkSha256(r.chunkSha256())
        .setArchiveFormat(r.archiveFormat()).setPublishedAt(timestamp(r.publishedAt()))
        .setPublishedBy(r.publishedBy()).setFormat(r.format());
    r.signed().ifPresent(s -> {
      b.setSignerKeyId(s.signerKeyId()).setManifestSha256(s.manifestSha256())
          .putAllInstallerParameters(s.installerParameters()).setDowngrade(s.downgrade());
      s.documents().forEach(d -> b.addDocuments(dev.convoy.protocol.v1.ReleaseDocument.newBuilder()
          .setKind(d.kind()).setName(d.name()).setTitle(d.title()).setId(d.id()).setLength(d.length())
          .setSha256(d.sha256())));
      PackageRelations rel = s.relations();
      rel.dependencies().forEach(c -> b.addDependencies(packageRange(c)));
      rel.conflicts().forEach(c -> b.addConflicts(packageRange(c)));
      rel.supersedes().forEach(c -> b.addSupersedes(packageRange(c)));
      b.putAllOsRequirements(rel.osRequirements());
    });
    return b.build();
  }

  private static dev.convoy.protocol.v1.PackageRange packageRange(dev.convoy.release.PackageConstraint c) {
    return dev.convoy.protocol.v1.PackageRange.newBuilder().setName(c.name()).setVersions(c.versions().toString())
        .build();
  }

  /**
   * A release for listings (ListReleases, campaigns): without {@code chunk_sha256}, which grows with the payload
   * (64 KiB of hashes for 1 GiB) and is only needed where a payload is transferred (the PublishRelease answer and
   * an agent's DeploymentSpec), so that listings stay far below the message size limit.
   */
  static dev.convoy.protocol.v1.Release releaseSummary(Release r) {
    return release(r).toBuilder().clearChunkSha256().build();
  }

  static dev.convoy.protocol.v1.PublisherKey publisherKey(dev.convoy.server.publisher.PublisherKey k) {
    return dev.convoy.protocol.v1.PublisherKey.newBuilder()
        .setKeyId(k.keyId()).setName(k.name()).setPublicKeyPem(k.publicKeyPem()).setAddedBy(k.addedBy())
        .setAddedAt(timestamp(k.addedAt()))
        .build();
  }

  static CreateEnrollmentTokenResponse token(IssuedToken issued) {
    return CreateEnrollmentTokenResponse.newBuilder()
        .setToken(issued.text()).setTokenId(issued.token().tokenId())
        .setExpiresAt(timestamp(issued.token().expiresAt())).setUses(issued.token().usesTotal())
        .setGroup(issued.token().group())
        .build();
  }

  /** The report's deprecated summary fields (older agents send only these), validated. */
  @SuppressWarnings("deprecation") // reading the deprecated fields is the point: they are the fallback
  static Inventory inventory(InventoryReport report) {
    if (report.getManagedPackagesCount() > Inventory.MAX_PACKAGES) {
      throw dev.convoy.server.error.ConvoyException.invalidArgument("managed_packages: "
          + report.getManagedPackagesCount() + " entries (expected: at most " + Inventory.MAX_PACKAGES + ")");
    }
    var packages = report.getManagedPackagesList().stream()
        .map(p -> new ManagedPackage(p.getName(), p.getVersion(), p.getState())).toList();
    return new Inventory(report.getHostname(), report.getOs(), report.getOsVersion(), report.getArchitecture(),
        report.getAgentVersion(), packages, instantOrNull(report.getCollectedAt()));
  }
}
