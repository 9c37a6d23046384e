package dev.convoy.agent.grpc;

import com.google.protobuf.Timestamp;
import dev.convoy.agent.deployment.DeploymentAction;
import dev.convoy.agent.deployment.DeploymentSpec;
import dev.convoy.agent.deployment.DeploymentState;
import dev.convoy.agent.deployment.DesiredState;
import dev.convoy.agent.deployment.Release;
import dev.convoy.agent.deployment.StatusAck;
import dev.convoy.agent.deployment.StatusReport;
import dev.convoy.agent.session.Hello;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.PublisherPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where protobuf messages become agent records and back. Proto types are written in full
 * ({@code dev.convoy.protocol.v1.X}) where their simple names equal the agent's. Thread-safe (stateless).
 */
final class ProtoMapper {
  private static final Logger logger = LoggerFactory.getLogger(ProtoMapper.class);

  private ProtoMapper() {}

  static DesiredState desiredState(dev.convoy.protocol.v1.DesiredState proto) {
    List<PublisherPublicKey> keys = trustedKeys(proto.getTrustedPublisherKeysList());
    List<DeploymentSpec> specs = proto.getDeploymentsList().stream().map(spec -> spec(spec, keys)).toList();
    List<dev.convoy.agent.technician.TechnicianVisit> visits = proto.getDeploymentsList().stream()
        .filter(dev.convoy.protocol.v1.DeploymentSpec::hasTechnicianVisit).map(ProtoMapper::visit).toList();
    return new DesiredState(proto.getRevision(), specs, keys, visits);
  }

  static dev.convoy.agent.technician.TechnicianVisit visit(dev.convoy.protocol.v1.DeploymentSpec spec) {
    var v = spec.getTechnicianVisit();
    return new dev.convoy.agent.technician.TechnicianVisit(spec.getDeploymentId(), spec.getRelease().getName(),
        spec.getRelease().getVersion(), v.getTechnician(), v.getCode(), v.getCodeId(),
        java.time.Instant.ofEpochSecond(v.getExpiresAt().getSeconds(), v.getExpiresAt().getNanos()));
  }

  static DeploymentSpec spec(dev.convoy.protocol.v1.DeploymentSpec proto) {
    return spec(proto, List.of());
  }

  static DeploymentSpec spec(dev.convoy.protocol.v1.DeploymentSpec proto, List<PublisherPublicKey> keys) {
    DeploymentAction action = proto.getAction() == dev.convoy.protocol.v1.DeploymentAction.UNINSTALL
        ? DeploymentAction.UNINSTALL : DeploymentAction.INSTALL;
    return new DeploymentSpec(proto.getDeploymentId(), proto.getCampaignId(), release(proto.getRelease()), action,
        proto.getAttempt(), proto.getAllowDowngrade(), keys, CampaignMapper.terms(proto));
  }

  static Release release(dev.convoy.protocol.v1.Release proto) {
    return new Release(proto.getName(), proto.getVersion(), proto.getInstaller(), proto.getSha256(),
        proto.getLength(), proto.getChunkSize(), proto.getChunkSha256List(), proto.getArchiveFormat(),
        proto.getFormat(), proto.getSignerKeyId(), proto.getInstallerParametersMap(), proto.getManifestSha256(),
        proto.getDowngrade(), new dev.convoy.agent.deployment.Relations(constraints(proto.getDependenciesList()),
            constraints(proto.getConflictsList()), constraints(proto.getSupersedesList()),
            proto.getOsRequirementsMap()));
  }

  /**
   * The ranges as constraints. A malformed one (the server checked the signed manifest, so only a broken server
   * sends one) is kept as "any version" of the package and logged: a dependency or conflict is never dropped.
   */
  private static List<dev.convoy.release.PackageConstraint> constraints(
      List<dev.convoy.protocol.v1.PackageRange> ranges) {
    List<dev.convoy.release.PackageConstraint> result = new ArrayList<>();
    for (dev.convoy.protocol.v1.PackageRange range : ranges) {
      try {
        result.add(dev.convoy.release.PackageConstraint.of(range.getName(), range.getVersions()));
      } catch (IllegalArgumentException e) {
        logger.warn("package range malformed name=\"{}\" versions=\"{}\" reason=\"{}\" (taken as any version)",
            range.getName(), range.getVersions(), e.getMessage());
        result.add(new dev.convoy.release.PackageConstraint(range.getName(), dev.convoy.release.VersionRange.ANY));
      }
    }
    return result;
  }

  /**
   * The keys whose PEM parses. A malformed key is left out and logged: it could not verify anything anyway, and
   * the releases it signed then fail verification as signed by an untrusted key, which names the problem.
   */
  static List<PublisherPublicKey> trustedKeys(List<dev.convoy.protocol.v1.PublisherKey> proto) {
    List<PublisherPublicKey> keys = new ArrayList<>();
    for (dev.convoy.protocol.v1.PublisherKey key : proto) {
      try {
        keys.add(PublisherKeys.parsePublicKeyPem(key.getPublicKeyPem()));
      } catch (IllegalArgumentException e) {
        logger.warn("trusted publisher key ignored key_id={} name=\"{}\" reason=\"{}\"", key.getKeyId(),
            key.getName(), e.getMessage());
      }
    }
    return keys;
  }

  static dev.convoy.protocol.v1.StatusReport statusReport(String endpointId, StatusReport report) {
    dev.convoy.protocol.v1.StatusReport.Builder builder = dev.convoy.protocol.v1.StatusReport.newBuilder()
        .setEndpointId(endpointId)
        .setDeploymentId(report.deploymentId())
        .setAttempt(report.attempt())
        .setSequence(report.sequence())
        .setState(state(report.state()))
        .setDetail(report.detail())
        .setExitCode(report.exitCode())
        .setLogExcerpt(report.logExcerpt())
        .setAt(timestamp(report.at()))
        .setBytesDownloaded(report.bytesDownloaded())
        .setResumedFromOffset(report.resumedFromOffset())
        .setUserInitiated(report.userInitiated())
        .setRetryable(report.retryable());
    if (report.deferredUntil() != null) {
      builder.setDeferredUntil(timestamp(report.deferredUntil()));
    }
    return builder.build();
  }

  static StatusAck statusAck(dev.convoy.protocol.v1.StatusAck proto) {
    return new StatusAck(proto.getApplied(), state(proto.getCurrentState()), proto.getCurrentSequence());
  }

  static dev.convoy.protocol.v1.Hello hello(Hello hello) {
    return dev.convoy.protocol.v1.Hello.newBuilder()
        .setEndpointId(hello.endpointId())
        .setAgentVersion(hello.agentVersion())
        .setKnownRevision(hello.knownRevision())
        .build();
  }

  static dev.convoy.protocol.v1.DeploymentState state(DeploymentState state) {
    return dev.convoy.protocol.v1.DeploymentState.valueOf(state.name());
  }

  /** The agent's state, or null for UNSPECIFIED, PENDING and values unknown to this agent version. */
  static DeploymentState state(dev.convoy.protocol.v1.DeploymentState proto) {
    try {
      return DeploymentState.valueOf(proto.name());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }
}
