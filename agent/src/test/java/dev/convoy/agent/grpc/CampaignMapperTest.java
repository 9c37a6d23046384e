package dev.convoy.agent.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.convoy.agent.deployment.CampaignTerms;
import dev.convoy.agent.deployment.Delivery;
import dev.convoy.agent.deployment.DeploymentState;
import dev.convoy.agent.deployment.Execution;
import dev.convoy.agent.deployment.InstallGate;
import dev.convoy.agent.deployment.StatusReport;
import dev.convoy.agent.deployment.TimeWindow;
import dev.convoy.protocol.v1.Deferral;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.Notice;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignMapperTest {
  private static Timestamp ts(long seconds) {
    return Timestamp.newBuilder().setSeconds(seconds).build();
  }

  @Test
  void terms_everyCampaignField_isMapped() {
    DeploymentSpec proto = DeploymentSpec.newBuilder().setCampaignTitle("Weekend")
        .setDelivery(dev.convoy.protocol.v1.Delivery.PULL).setExecution(dev.convoy.protocol.v1.Execution.TECHNICIAN)
        .setNotice(Notice.newBuilder().setTitle("t").setMessage("m").setLeadTime(Duration.newBuilder().setSeconds(3600))
            .setDeliveredAt(ts(10)))
        .setGate(dev.convoy.protocol.v1.InstallGate.newBuilder().setHold(true).setNotBefore(ts(20))
            .addWindows(dev.convoy.protocol.v1.TimeWindow.newBuilder().setStart(ts(100)).setEnd(ts(200)))
            .addWindows(dev.convoy.protocol.v1.TimeWindow.newBuilder().setStart(ts(300)).setEnd(ts(300)))
            .setPrestage(true).setDeadline(ts(400)).setUserRequestRequired(true).setTechnicianRequired(true)
            .setTechnicianPresent(true))
        .setDeferral(Deferral.newBuilder().setMaxCount(3).setMaxTotal(Duration.newBuilder().setSeconds(7200))
            .setUsedCount(1).setDeferredUntil(ts(50)).setLatest(ts(400)))
        .build();

    CampaignTerms terms = CampaignMapper.terms(proto);

    assertThat(terms.title()).isEqualTo("Weekend");
    assertThat(terms.delivery()).isEqualTo(Delivery.PULL);
    assertThat(terms.execution()).isEqualTo(Execution.TECHNICIAN);
    assertThat(terms.notice().leadTime()).isEqualTo(java.time.Duration.ofHours(1));
    assertThat(terms.notice().deliveredAt()).isEqualTo(Instant.ofEpochSecond(10));
    InstallGate gate = terms.gate();
    assertThat(gate.hold()).isTrue();
    assertThat(gate.notBefore()).isEqualTo(Instant.ofEpochSecond(20));
    assertThat(gate.anytime()).isFalse();
    assertThat(gate.windows()).as("an empty window is dropped")
        .containsExactly(new TimeWindow(Instant.ofEpochSecond(100), Instant.ofEpochSecond(200)));
    assertThat(gate.deadline()).isEqualTo(Instant.ofEpochSecond(400));
    assertThat(gate.userRequestRequired() && gate.technicianRequired() && gate.technicianPresent() && gate.prestage())
        .isTrue();
    assertThat(terms.deferral().maxCount()).isEqualTo(3);
    assertThat(terms.deferral().maxTotal()).isEqualTo(java.time.Duration.ofHours(2));
    assertThat(terms.deferral().deferredUntil()).isEqualTo(Instant.ofEpochSecond(50));
    assertThat(terms.deferral().latest()).isEqualTo(Instant.ofEpochSecond(400));
  }

  @Test
  void terms_noGate_isAnOpenGateLikeTheWalkingSkeletons() {
    CampaignTerms terms = CampaignMapper.terms(DeploymentSpec.getDefaultInstance());

    assertThat(terms.gate()).isEqualTo(InstallGate.OPEN);
    assertThat(terms.delivery()).isEqualTo(Delivery.PUSH);
    assertThat(terms.gate().notBefore()).isNull();
  }

  @Test
  void statusReport_campaignFields_areSent() {
    StatusReport report = new StatusReport("d", 1, 3, DeploymentState.DEFERRED, "", 0, "", Instant.ofEpochSecond(5),
        0, 0, Instant.ofEpochSecond(99), true, true);

    dev.convoy.protocol.v1.StatusReport proto = ProtoMapper.statusReport("ep", report);

    assertThat(proto.getDeferredUntil().getSeconds()).isEqualTo(99);
    assertThat(proto.getUserInitiated()).isTrue();
    assertThat(proto.getRetryable()).isTrue();
    assertThat(ProtoMapper.statusReport("ep", new StatusReport("d", 1, 3, DeploymentState.NOTIFIED, "", 0, "",
        Instant.ofEpochSecond(5), 0, 0)).hasDeferredUntil()).isFalse();
  }
}
