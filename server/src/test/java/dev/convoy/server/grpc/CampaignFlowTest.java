package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.Rollout;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DesiredState;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.Hello;
import dev.convoy.protocol.v1.ListCampaignsRequest;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.StatusAck;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.protocol.v1.SyncRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.server.testing.Await;
import dev.convoy.server.testing.Collector;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignFlowTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private Identity a;
  private Identity b;
  private dev.convoy.protocol.v1.Release release;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    a = server.enroll("lab", "pc-a");
    b = server.enroll("lab", "pc-b");
    release = SignedPublisher.trusted(server, work).publish("hello", "1.0.0", 10_000, b -> { });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String id(Identity identity) {
    return TestServer.endpointId(identity);
  }

  private Campaign startCampaign() {
    AdminServiceGrpc.AdminServiceBlockingStub admin = server.adminStub();
    Campaign draft = admin.createCampaign(CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello")
        .setReleaseVersion("1.0.0").setTargets(Targets.newBuilder().addGroups("lab")).build());
    assertThat(draft.getState()).isEqualTo(CampaignState.DRAFT);
    return admin.startCampaign(StartCampaignRequest.newBuilder().setCampaignId(draft.getCampaignId()).build());
  }

  private DeploymentSpec only(Identity endpoint) {
    DesiredState desired = server.agentStub(endpoint).sync(SyncRequest.newBuilder().setEndpointId(id(endpoint))
        .build());
    assertThat(desired.getDeploymentsList()).hasSize(1);
    return desired.getDeployments(0);
  }

  private StatusAck report(Identity endpoint, DeploymentSpec spec, long sequence, DeploymentState state) {
    return server.agentStub(endpoint).reportStatus(StatusReport.newBuilder().setEndpointId(id(endpoint))
        .setDeploymentId(spec.getDeploymentId()).setAttempt(spec.getAttempt()).setSequence(sequence)
        .setState(state).setDetail("step " + sequence).build());
  }

  private CampaignStatus status(Campaign campaign) {
    return server.adminStub().getCampaignStatus(GetCampaignStatusRequest.newBuilder()
        .setCampaignId(campaign.getCampaignId()).build());
  }

  @Test
  void campaign_sessionSyncReportWatch_reachesCompleted() throws Exception {
    Collector<ServerHint> hints = new Collector<>();
    StreamObserver<AgentMessage> session = AgentServiceGrpc.newStub(server.channel(a)).session(hints);
    session.onNext(AgentMessage.newBuilder().setHello(Hello.newBuilder().setEndpointId(id(a))
        .setAgentVersion("0.1.0")).build());
    Await.until(() -> server.adminStub().listEndpoints(ListEndpointsRequest.getDefaultInstance())
        .getEndpointsList().stream().anyMatch(e -> e.getEndpointId().equals(id(a)) && e.getOnline()));

    Campaign campaign = startCampaign();

    // the session's first message is its SessionAccepted (the answer to Hello); the hint comes after it
    Await.until(() -> hints.values().size() > 1);
    assertThat(hints.values().get(0).hasSessionAccepted()).isTrue();
    assertThat(hints.values().get(1).getRevisionReady().getRevision()).isEqualTo(1);
    DeploymentSpec specA = only(a);
    assertThat(specA.getCampaignId()).isEqualTo(campaign.getCampaignId());
    assertThat(specA.getAction()).isEqualTo(DeploymentAction.INSTALL);
    assertThat(specA.getAttempt()).isEqualTo(1);
    assertThat(specA.getServerState()).isEqualTo(DeploymentState.PENDING);
    assertThat(specA.getRelease().getSha256()).isEqualTo(release.getSha256());
    assertThat(specA.getRelease().getFormat()).isEqualTo("convoy-release");
    assertThat(specA.getRelease().getChunkSha256Count()).isEqualTo((int) (release.getLength() + 4095) / 4096)
        .isGreaterThan(1);

    Collector<CampaignStatus> watch = new Collector<>();
    AdminServiceGrpc.newStub(server.channel(server.admin)).watchCampaign(GetCampaignStatusRequest.newBuilder()
        .setCampaignId(campaign.getCampaignId()).build(), watch);
    Await.until(() -> !watch.values().isEmpty());

    DeploymentSpec specB = only(b);
    List<DeploymentState> chain = List.of(DeploymentState.OFFERED, DeploymentState.NOTIFIED,
        DeploymentState.DOWNLOADING,
        DeploymentState.DOWNLOADED, DeploymentState.INSTALLING, DeploymentState.VERIFYING, DeploymentState.SUCCEEDED);
    for (int i = 0; i < chain.size(); i++) {
      StatusAck ack = report(a, specA, i + 1, chain.get(i));
      assertThat(ack.getApplied()).isTrue();
      assertThat(ack.getCurrentState()).isEqualTo(chain.get(i));
      assertThat(ack.getCurrentSequence()).isEqualTo(i + 1);
    }
    CampaignStatus half = status(campaign);
    assertThat(half.getCountsMap()).containsOnly(java.util.Map.entry("SUCCEEDED", 1), java.util.Map.entry(
        "PENDING", 1));
    assertThat(half.getSucceeded()).isEqualTo(1);
    assertThat(half.getInProgress()).isEqualTo(1);
    report(b, specB, 1, DeploymentState.ALREADY_INSTALLED);

    List<CampaignStatus> updates = watch.await();
    CampaignStatus last = updates.get(updates.size() - 1);
    assertThat(last.getCampaign().getState()).isEqualTo(CampaignState.COMPLETED);
    assertThat(last.getTotal()).isEqualTo(2);
    assertThat(last.getSucceeded()).isEqualTo(2);
    assertThat(last.getDeploymentsList()).extracting(d -> d.getHostname()).containsExactlyInAnyOrder("pc-a", "pc-b");
    assertThat(updates.size()).isGreaterThan(1);
    assertThat(server.agentStub(a).sync(SyncRequest.newBuilder().setEndpointId(id(a)).build()).getDeploymentsCount())
        .isZero();
    // A notice receipt without lead time and a final state the agent reported change nothing it must Sync for.
    assertThat(hints.values()).filteredOn(ServerHint::hasRevisionReady)
        .extracting(h -> h.getRevisionReady().getRevision()).containsOnly(1L);
    assertThat(hints.values()).hasSize(2);
    session.onCompleted();
  }

  @Test
  void agentA_actingForB_permissionDeniedAndNothingWritten() throws Exception {
    Campaign campaign = startCampaign();
    DeploymentSpec specB = only(b);
    CampaignStatus before = status(campaign);
    AgentServiceGrpc.AgentServiceBlockingStub agentA = server.agentStub(a);

    assertStatus(() -> agentA.sync(SyncRequest.newBuilder().setEndpointId(id(b)).build()),
        Status.Code.PERMISSION_DENIED);
    assertThat(assertStatus(() -> agentA.reportStatus(StatusReport.newBuilder().setEndpointId(id(a))
        .setDeploymentId(specB.getDeploymentId()).setAttempt(1).setSequence(1).setState(DeploymentState.FAILED)
        .build()), Status.Code.PERMISSION_DENIED))
        .isEqualTo("deployment_id: " + specB.getDeploymentId() + " is not a deployment of endpoint " + id(a));
    assertStatus(() -> agentA.reportStatus(StatusReport.newBuilder().setEndpointId(id(b))
        .setDeploymentId(specB.getDeploymentId()).setAttempt(1).setSequence(1).setState(DeploymentState.FAILED)
        .build()), Status.Code.PERMISSION_DENIED);
    assertStatus(() -> agentA.download(dev.convoy.protocol.v1.DownloadRequest.newBuilder().setEndpointId(id(a))
        .setDeploymentId(specB.getDeploymentId()).build()).hasNext(), Status.Code.PERMISSION_DENIED);

    assertThat(status(campaign)).isEqualTo(before);
  }

  @Test
  void reportStatus_duplicateIllegalAndInvalid_answeredWithoutChange() throws Exception {
    Campaign campaign = startCampaign();
    DeploymentSpec spec = only(a);
    report(a, spec, 1, DeploymentState.DOWNLOADED);

    StatusAck duplicate = report(a, spec, 1, DeploymentState.DOWNLOADED);
    assertThat(duplicate.getApplied()).isFalse();
    assertThat(duplicate.getCurrentState()).isEqualTo(DeploymentState.DOWNLOADED);
    assertThat(assertStatus(() -> report(a, spec, 2, DeploymentState.NOTIFIED), Status.Code.FAILED_PRECONDITION))
        .startsWith("state: DOWNLOADED -> NOTIFIED is not a legal transition");
    assertThat(assertStatus(() -> report(a, spec, 2, DeploymentState.DEPLOYMENT_STATE_UNSPECIFIED),
        Status.Code.INVALID_ARGUMENT)).startsWith("state: DEPLOYMENT_STATE_UNSPECIFIED (expected:");
    assertThat(assertStatus(() -> report(a, spec, 0, DeploymentState.INSTALLING), Status.Code.INVALID_ARGUMENT))
        .isEqualTo("sequence: 0 (expected: >= 1)");
    assertThat(assertStatus(() -> server.agentStub(a).reportStatus(StatusReport.newBuilder().setEndpointId(id(a))
        .setDeploymentId("nonsense").setAttempt(1).setSequence(1).setState(DeploymentState.OFFERED).build()),
        Status.Code.INVALID_ARGUMENT)).startsWith("deployment_id: 'nonsense'");
    assertThat(status(campaign).getCountsMap()).containsEntry("DOWNLOADED", 1);
  }

  @Test
  void status_afterServerRestart_identical() throws Exception {
    Campaign campaign = startCampaign();
    DeploymentSpec spec = only(a);
    report(a, spec, 1, DeploymentState.OFFERED);
    report(a, spec, 2, DeploymentState.FAILED);
    CampaignStatus before = status(campaign);

    server.restart();

    assertThat(status(campaign)).isEqualTo(before);
    assertThat(server.adminStub().listCampaigns(ListCampaignsRequest.getDefaultInstance()).getCampaignsList())
        .extracting(Campaign::getCampaignId).containsExactly(campaign.getCampaignId());
    assertThat(report(a, spec, 2, DeploymentState.FAILED).getApplied()).isFalse();
  }

  @Test
  void createCampaign_badRequests_invalidArgumentOrNotFound() {
    AdminServiceGrpc.AdminServiceBlockingStub admin = server.adminStub();
    CreateCampaignRequest valid = CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello")
        .setReleaseVersion("1.0.0").setTargets(Targets.newBuilder().setAll(true)).build();

    assertThat(assertStatus(() -> admin.createCampaign(valid.toBuilder().clearTargets().build()),
        Status.Code.INVALID_ARGUMENT)).startsWith("targets: missing");
    assertThat(assertStatus(() -> admin.createCampaign(valid.toBuilder().setRollout(Rollout.PHASED).build()),
        Status.Code.INVALID_ARGUMENT)).isEqualTo("waves: none (expected: at least one wave for a PHASED rollout)");
    assertThat(assertStatus(() -> admin.createCampaign(valid.toBuilder().setDeliveryValue(9).build()),
        Status.Code.INVALID_ARGUMENT)).isEqualTo("delivery: 9 (expected: PUSH or PULL)");
    assertThat(assertStatus(() -> admin.createCampaign(valid.toBuilder().setReleaseVersion("2.0.0").build()),
        Status.Code.NOT_FOUND)).isEqualTo("release: hello@2.0.0 not found");
    assertThat(assertStatus(() -> admin.createCampaign(valid.toBuilder().setTargets(Targets.newBuilder()
        .addGroups("empty-group")).build()), Status.Code.INVALID_ARGUMENT))
        .isEqualTo("targets: group:empty-group (expected: at least one enrolled endpoint)");
    assertThat(assertStatus(() -> admin.startCampaign(StartCampaignRequest.newBuilder().setCampaignId("x").build()),
        Status.Code.INVALID_ARGUMENT)).startsWith("campaign_id: 'x'");
    assertThat(assertStatus(() -> admin.getCampaignStatus(GetCampaignStatusRequest.newBuilder()
        .setCampaignId("cmp-0000000000000000").build()), Status.Code.NOT_FOUND))
        .isEqualTo("campaign_id: cmp-0000000000000000 not found");
    Release release = admin.createCampaign(valid).getRelease();
    assertThat(release.getName()).isEqualTo("hello");
  }
}
