package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignCommandRequest;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeferralPolicy;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DesiredState;
import dev.convoy.protocol.v1.MaintenanceWindow;
import dev.convoy.protocol.v1.Rollout;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.protocol.v1.SyncRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.protocol.v1.Threshold;
import dev.convoy.protocol.v1.WaveSpec;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must-hold 6 of issue 4, over the wire: invalid campaigns refused at creation with INVALID_ARGUMENT naming the
 * field (and nothing created); deferrals beyond the campaign's limits or past its deadline refused with
 * FAILED_PRECONDITION and a message meant for the user (and nothing changed).
 */
class CampaignRefusalsTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private Identity a;
  private CreateCampaignRequest valid;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    a = server.enroll("lab", "pc-a");
    SignedPublisher.trusted(server, work).publish("hello", "1.0.0", 5_000, b -> { });
    valid = CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello").setReleaseVersion("1.0.0")
        .setTargets(Targets.newBuilder().addGroups("lab")).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Duration hours(long h) {
    return Duration.newBuilder().setSeconds(h * 3600).build();
  }

  private String refused(CreateCampaignRequest request) {
    return assertStatus(() -> server.adminStub().createCampaign(request), Status.Code.INVALID_ARGUMENT);
  }

  private static WaveSpec percent(double p) {
    return WaveSpec.newBuilder().setPercent(p).build();
  }

  @Test
  void create_invalidCampaigns_refusedNamingTheFieldNothingCreated() {
    AdminServiceGrpc.AdminServiceBlockingStub admin = server.adminStub();
    assertThat(refused(valid.toBuilder().setTargets(Targets.newBuilder().addGroups("nobody")).build()))
        .isEqualTo("targets: group:nobody (expected: at least one enrolled endpoint)");
    assertThat(refused(valid.toBuilder().setTargets(Targets.newBuilder().addGroups("lab").addExcludeGroups("lab"))
        .build())).startsWith("targets: group:lab,-group:lab (expected: at least one enrolled endpoint)");
    assertThat(refused(valid.toBuilder().setRollout(Rollout.PHASED).addWaves(percent(10).toBuilder()
        .setError(Threshold.newBuilder().setPercent(120))).build()))
        .isEqualTo("waves[0].error.percent: 120.0 (expected: 0 to 100)");
    assertThat(refused(valid.toBuilder().setRollout(Rollout.PHASED).addWaves(percent(10).toBuilder()
        .setSuccess(Threshold.newBuilder().setCount(-1))).build()))
        .isEqualTo("waves[0].success.count: -1.0 (expected: a whole number >= 0)");
    assertThat(refused(valid.toBuilder().setRollout(Rollout.PHASED).addWaves(percent(60)).addWaves(percent(70))
        .build())).isEqualTo("waves: percentages add up to 130 % (expected: at most 100 %)");
    assertThat(refused(valid.toBuilder().setRollout(Rollout.PHASED).addWaves(percent(0)).build()))
        .isEqualTo("waves[0].percent: 0.0 (expected: more than 0 and at most 100, or groups)");
    assertThat(refused(valid.toBuilder().addWindows(MaintenanceWindow.newBuilder()
        .setRrule("FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0").setZone("endpoint")).build()))
        .isEqualTo("windows[0].duration: PT0S (expected: > 0)");
    assertThat(refused(valid.toBuilder().addWindows(MaintenanceWindow.newBuilder().setCron("0 0 * * SAT")
        .setDuration(Duration.newBuilder()).setZone("Europe/Paris")).build()))
        .startsWith("windows[0].duration: ");
    assertThat(refused(valid.toBuilder().addWindows(MaintenanceWindow.newBuilder().setCron("0 0 * * SAT")
        .setDuration(hours(4)).setZone("Mars/Olympus")).build()))
        .isEqualTo("windows[0].zone: Mars/Olympus (expected: an IANA time zone id or \"endpoint\")");
    assertThat(refused(valid.toBuilder().setNotice(dev.convoy.protocol.v1.NoticeSpec.newBuilder()
        .setLeadTime(hours(-1))).build())).isEqualTo("notice.lead_time: PT-1H (expected: 0 to 60 days)");
    assertThat(refused(valid.toBuilder().setPreset("holiday").build()))
        .isEqualTo("preset: 'holiday' (expected: weekend, or none)");
    assertThat(admin.listCampaigns(dev.convoy.protocol.v1.ListCampaignsRequest.getDefaultInstance())
        .getCampaignsList()).as("nothing was created").isEmpty();
  }

  @Test
  void defer_beyondLimitsOrPastDeadline_refusedWithAClearMessageNothingChanged() {
    Instant now = server.clock.instant();
    Timestamp deadline = Timestamp.newBuilder().setSeconds(now.plusSeconds(48 * 3600).getEpochSecond()).build();
    Campaign draft = server.adminStub().createCampaign(valid.toBuilder()
        .setNotice(dev.convoy.protocol.v1.NoticeSpec.newBuilder().setMessage("Bonjour").setLeadTime(hours(1)))
        .setDeferral(DeferralPolicy.newBuilder().setMaxCount(2).setMaxTotal(hours(8))).setDeadline(deadline)
        .build());
    server.adminStub().startCampaign(StartCampaignRequest.newBuilder().setCampaignId(draft.getCampaignId()).build());
    DesiredState desired = server.agentStub(a).sync(SyncRequest.newBuilder().setEndpointId(TestServer.endpointId(a))
        .build());
    DeploymentSpec spec = desired.getDeployments(0);
    assertThat(spec.getNotice().getMessage()).isEqualTo("Bonjour");
    assertThat(spec.getDeferral().getMaxCount()).isEqualTo(2);
    report(spec, 1, DeploymentState.OFFERED, null);
    report(spec, 2, DeploymentState.NOTIFIED, null);

    assertThat(assertStatus(() -> report(spec, 3, DeploymentState.DEFERRED, now.plusSeconds(9 * 3600)),
        Status.Code.FAILED_PRECONDITION)).isEqualTo("deferral: 9h would exceed the 8h allowed in total (8h left)");
    assertThat(assertStatus(() -> report(spec, 3, DeploymentState.DEFERRED, now.minusSeconds(60)),
        Status.Code.INVALID_ARGUMENT)).startsWith("deferred_until: ");
    report(spec, 3, DeploymentState.DEFERRED, now.plusSeconds(3 * 3600));
    report(spec, 4, DeploymentState.DEFERRED, now.plusSeconds(4 * 3600));
    assertThat(assertStatus(() -> report(spec, 5, DeploymentState.DEFERRED, now.plusSeconds(5 * 3600)),
        Status.Code.FAILED_PRECONDITION)).isEqualTo("deferral: all 2 deferrals allowed by campaign \"hello 1.0.0\""
            + " have been used");
    DeploymentSpec after = server.agentStub(a).sync(SyncRequest.newBuilder().setEndpointId(TestServer.endpointId(a))
        .build()).getDeployments(0);
    assertThat(after.getDeferral().getUsedCount()).isEqualTo(2);
    assertThat(after.getDeferral().getDeferredUntil().getSeconds()).isEqualTo(now.plusSeconds(4 * 3600)
        .getEpochSecond());

    Campaign second = server.adminStub().createCampaign(valid.toBuilder().setTitle("second")
        .setDeferral(DeferralPolicy.newBuilder().setMaxCount(5)).setDeadline(deadline).build());
    server.adminStub().startCampaign(StartCampaignRequest.newBuilder().setCampaignId(second.getCampaignId())
        .build());
    DeploymentSpec spec2 = server.agentStub(a).sync(SyncRequest.newBuilder().setEndpointId(TestServer.endpointId(a))
        .build()).getDeploymentsList().stream().filter(d -> d.getCampaignId().equals(second.getCampaignId()))
        .findFirst().orElseThrow();
    report(spec2, 1, DeploymentState.OFFERED, null);
    assertThat(assertStatus(() -> report(spec2, 2, DeploymentState.DEFERRED, now.plusSeconds(72 * 3600)),
        Status.Code.FAILED_PRECONDITION)).startsWith("deferral: until " + now.plusSeconds(72 * 3600)
            + " is past the deadline " + Instant.ofEpochSecond(deadline.getSeconds()));
  }

  @Test
  void pause_onADraft_failedPreconditionNamingTheState() {
    Campaign draft = server.adminStub().createCampaign(valid);
    assertThat(assertStatus(() -> server.adminStub().pauseCampaign(CampaignCommandRequest.newBuilder()
        .setCampaignId(draft.getCampaignId()).build()), Status.Code.FAILED_PRECONDITION))
        .isEqualTo("campaign " + draft.getCampaignId() + " is DRAFT (expected: one of RUNNING to become PAUSED)");
    assertThat(server.adminStub().cancelCampaign(CampaignCommandRequest.newBuilder()
        .setCampaignId(draft.getCampaignId()).setComment("wrong release").build()).getState())
        .isEqualTo(CampaignState.CANCELLED_CAMPAIGN);
  }

  private void report(DeploymentSpec spec, long sequence, DeploymentState state, Instant deferredUntil) {
    StatusReport.Builder r = StatusReport.newBuilder().setEndpointId(TestServer.endpointId(a))
        .setDeploymentId(spec.getDeploymentId()).setAttempt(spec.getAttempt()).setSequence(sequence).setState(state);
    if (deferredUntil != null) {
      r.setDeferredUntil(Timestamp.newBuilder().setSeconds(deferredUntil.getEpochSecond())
          .setNanos(deferredUntil.getNano()));
    }
    assertThat(server.agentStub(a).reportStatus(r.build()).getApplied()).isTrue();
  }
}
