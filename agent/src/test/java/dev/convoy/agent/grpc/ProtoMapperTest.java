package dev.convoy.agent.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.deployment.DeploymentAction;
import dev.convoy.agent.deployment.DeploymentState;
import dev.convoy.agent.deployment.DesiredState;
import dev.convoy.agent.deployment.StatusReport;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtoMapperTest {
  @ParameterizedTest
  @EnumSource(DeploymentState.class)
  void state_everyAgentState_roundTripsThroughTheWireEnum(DeploymentState state) {
    assertThat(ProtoMapper.state(ProtoMapper.state(state))).isEqualTo(state);
  }

  @Test
  void state_serverOnlyOrUnknownValues_mapToNull() {
    assertThat(ProtoMapper.state(dev.convoy.protocol.v1.DeploymentState.PENDING)).isNull();
    assertThat(ProtoMapper.state(dev.convoy.protocol.v1.DeploymentState.DEPLOYMENT_STATE_UNSPECIFIED)).isNull();
    assertThat(ProtoMapper.state(dev.convoy.protocol.v1.DeploymentState.UNRECOGNIZED)).isNull();
  }

  @Test
  void desiredState_carriesEveryReleaseField() {
    var proto = dev.convoy.protocol.v1.DesiredState.newBuilder().setRevision(4).addDeployments(
        dev.convoy.protocol.v1.DeploymentSpec.newBuilder().setDeploymentId("d-1").setCampaignId("c-1").setAttempt(2)
            .setAction(dev.convoy.protocol.v1.DeploymentAction.UNINSTALL)
            .setRelease(dev.convoy.protocol.v1.Release.newBuilder().setName("hello").setVersion("1.2.0")
                .setInstaller("archive").setSha256("ab").setLength(10).setChunkSize(4)
                .addChunkSha256("c1").addChunkSha256("c2").addChunkSha256("c3").setArchiveFormat("zip"))).build();

    DesiredState desired = ProtoMapper.desiredState(proto);

    assertThat(desired.revision()).isEqualTo(4);
    var spec = desired.deployments().get(0);
    assertThat(spec.deploymentId()).isEqualTo("d-1");
    assertThat(spec.campaignId()).isEqualTo("c-1");
    assertThat(spec.attempt()).isEqualTo(2);
    assertThat(spec.action()).isEqualTo(DeploymentAction.UNINSTALL);
    assertThat(spec.release().coordinates()).isEqualTo("hello@1.2.0");
    assertThat(spec.release().chunkSha256()).containsExactly("c1", "c2", "c3");
    assertThat(spec.release().archiveFormat()).isEqualTo("zip");
  }

  @Test
  void statusReport_carriesIdentityAndCounters() {
    StatusReport report = new StatusReport("d-1", 2, 5, DeploymentState.DOWNLOADED, "ok", 0, "tail",
        Instant.ofEpochSecond(100, 5), 300, 1024);

    var proto = ProtoMapper.statusReport("ep-1", report);

    assertThat(proto.getEndpointId()).isEqualTo("ep-1");
    assertThat(proto.getSequence()).isEqualTo(5);
    assertThat(proto.getState()).isEqualTo(dev.convoy.protocol.v1.DeploymentState.DOWNLOADED);
    assertThat(proto.getBytesDownloaded()).isEqualTo(300);
    assertThat(proto.getResumedFromOffset()).isEqualTo(1024);
    assertThat(proto.getAt().getSeconds()).isEqualTo(100);
    assertThat(proto.getAt().getNanos()).isEqualTo(5);
  }
}
