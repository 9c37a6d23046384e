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
import java.time.Instant;
import java.util.List;

/**
 * The one place where protobuf messages become agent records and back. Proto types are written in full
 * ({@code dev.convoy.protocol.v1.X}) where their simple names equal the agent's. Thread-safe (stateless).
 */
final class ProtoMapper {
  private ProtoMapper() {}

  static DesiredState desiredState(dev.convoy.protocol.v1.DesiredState proto) {
    List<DeploymentSpec> specs = proto.getDeploymentsList().stream().map(ProtoMapper::spec).toList();
    return new DesiredState(proto.getRevision(), specs);
  }

  static DeploymentSpec spec(dev.convoy.protocol.v1.DeploymentSpec proto) {
    DeploymentAction action = proto.getAction() == dev.convoy.protocol.v1.DeploymentAction.UNINSTALL
        ? DeploymentAction.UNINSTALL : DeploymentAction.INSTALL;
    return new DeploymentSpec(proto.getDeploymentId(), proto.getCampaignId(), release(proto.getRelease()), action,
        proto.getAttempt());
  }

  static Release release(dev.convoy.protocol.v1.Release proto) {
    return new Release(proto.getName(), proto.getVersion(), proto.getInstaller(), proto.getSha256(),
        proto.getLength(), proto.getChunkSize(), proto.getChunkSha256List(), proto.getArchiveFormat());
  }

  static dev.convoy.protocol.v1.StatusReport statusReport(String endpointId, StatusReport report) {
    return dev.convoy.protocol.v1.StatusReport.newBuilder()
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
        .build();
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
