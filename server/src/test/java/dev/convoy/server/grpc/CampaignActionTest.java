package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.ListCampaignsRequest;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.protocol.v1.SyncRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uninstall campaigns, explicit downgrades, and one endpoint's campaign status. */
class CampaignActionTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private Identity a;
  private Identity b;
  private SignedPublisher publisher;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    a = server.enroll("lab", "pc-a");
    b = server.enroll("lab", "pc-b");
    publisher = SignedPublisher.trusted(server, work);
    publisher.publish("hello", "1.0.0");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void publishSigned(String version, boolean downgrade) throws Exception {
    publisher.publish("office", version, 0, b -> b.downgrade(downgrade));
  }

  private static CreateCampaignRequest.Builder campaign(String name, String version) {
    return CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName(name).setReleaseVersion(version)
        .setTargets(Targets.newBuilder().addGroups("lab"));
  }

  private Campaign createAndStart(CreateCampaignRequest request) {
    Campaign draft = server.adminStub().createCampaign(request);
    return server.adminStub().startCampaign(StartCampaignRequest.newBuilder()
        .setCampaignId(draft.getCampaignId()).build());
  }

  private DeploymentSpec only(Identity endpoint) {
    List<DeploymentSpec> specs = server.agentStub(endpoint).sync(SyncRequest.newBuilder()
        .setEndpointId(TestServer.endpointId(endpoint)).build()).getDeploymentsList();
    assertThat(specs).hasSize(1);
    return specs.get(0);
  }

  private CampaignStatus status(Campaign campaign, String endpointId) {
    return server.adminStub().getCampaignStatus(GetCampaignStatusRequest.newBuilder()
        .setCampaignId(campaign.getCampaignId()).setEndpointId(endpointId).build());
  }

  @Test
  void createCampaign_uninstall_deploymentsCarryUninstall() throws Exception {
    Campaign started = createAndStart(campaign("hello", "1.0.0").setAction(DeploymentAction.UNINSTALL).build());

    assertThat(started.getAction()).isEqualTo(DeploymentAction.UNINSTALL);
    assertThat(only(a).getAction()).isEqualTo(DeploymentAction.UNINSTALL);
    assertThat(only(b).getAction()).isEqualTo(DeploymentAction.UNINSTALL);
    assertThat(only(a).getAllowDowngrade()).isFalse();
    server.restart();
    assertThat(server.adminStub().listCampaigns(ListCampaignsRequest.getDefaultInstance()).getCampaignsList())
        .extracting(Campaign::getAction).containsExactly(DeploymentAction.UNINSTALL);
  }

  @Test
  void createCampaign_defaultAction_install() {
    Campaign started = createAndStart(campaign("hello", "1.0.0").build());

    assertThat(started.getAction()).isEqualTo(DeploymentAction.INSTALL);
    assertThat(only(a).getAction()).isEqualTo(DeploymentAction.INSTALL);
  }

  @Test
  void createCampaign_downgradeOfReleaseWithoutFlag_failedPrecondition() throws Exception {
    publishSigned("2.0.0", false);

    assertThat(assertStatus(() -> server.adminStub().createCampaign(campaign("office", "2.0.0")
        .setAllowDowngrade(true).build()), Status.Code.FAILED_PRECONDITION))
        .isEqualTo("release office@2.0.0 does not allow downgrades (its manifest's downgrade flag is false)");
    assertThat(assertStatus(() -> server.adminStub().createCampaign(campaign("hello", "1.0.0")
        .setAllowDowngrade(true).build()), Status.Code.FAILED_PRECONDITION))
        .isEqualTo("release hello@1.0.0 does not allow downgrades (its manifest's downgrade flag is false)");
    assertThat(server.adminStub().listCampaigns(ListCampaignsRequest.getDefaultInstance()).getCampaignsCount())
        .isZero();
  }

  @Test
  void createCampaign_downgradeOfSignedDowngradeRelease_allowDowngradeInSpec() throws Exception {
    publishSigned("1.5.0", true);

    Campaign started = createAndStart(campaign("office", "1.5.0").setAllowDowngrade(true).build());

    assertThat(started.getAllowDowngrade()).isTrue();
    DeploymentSpec spec = only(a);
    assertThat(spec.getAllowDowngrade()).isTrue();
    assertThat(spec.getAction()).isEqualTo(DeploymentAction.INSTALL);
    assertThat(spec.getRelease().getFormat()).isEqualTo("convoy-release");
    assertThat(spec.getRelease().getDowngrade()).isTrue();
    assertThat(spec.getRelease().getSignerKeyId()).isEqualTo(publisher.key().publicKey().id().hex());
    assertThat(spec.getRelease().getChunkSha256Count()).isPositive();
  }

  @Test
  void createCampaign_uninstallWithDowngrade_invalidArgument() {
    assertThat(assertStatus(() -> server.adminStub().createCampaign(campaign("hello", "1.0.0")
        .setAction(DeploymentAction.UNINSTALL).setAllowDowngrade(true).build()), Status.Code.INVALID_ARGUMENT))
        .isEqualTo("allow_downgrade: true (expected: false for an UNINSTALL campaign)");
  }

  @Test
  void getCampaignStatus_endpointFilter_onlyItsDeploymentWithFullLog() {
    Campaign campaign = createAndStart(campaign("hello", "1.0.0").build());
    DeploymentSpec spec = only(a);
    String log = "line\n".repeat(2000); // 10,000 characters: more than the 4 KiB a whole-campaign listing shows
    server.agentStub(a).reportStatus(StatusReport.newBuilder().setEndpointId(TestServer.endpointId(a))
        .setDeploymentId(spec.getDeploymentId()).setAttempt(1).setSequence(1).setState(DeploymentState.FAILED)
        .setExitCode(28).setLogExcerpt(log).build());

    CampaignStatus one = status(campaign, TestServer.endpointId(a));
    CampaignStatus all = status(campaign, "");

    assertThat(one.getDeploymentsList()).extracting(DeploymentStatus::getEndpointId)
        .containsExactly(TestServer.endpointId(a));
    assertThat(one.getDeployments(0).getLogExcerpt()).isEqualTo(log);
    assertThat(one.getDeployments(0).getExitCode()).isEqualTo(28);
    assertThat(one.getDeployments(0).getHostname()).isEqualTo("pc-a");
    assertThat(one.getTotal()).isEqualTo(2); // counters stay those of the whole campaign
    assertThat(all.getDeploymentsCount()).isEqualTo(2);
    assertThat(all.getDeploymentsList().stream().filter(d -> d.getEndpointId().equals(TestServer.endpointId(a)))
        .findFirst().orElseThrow().getLogExcerpt()).hasSize(CampaignProtoMapper.STATUS_LOG_EXCERPT);
  }

  @Test
  void getCampaignStatus_endpointNotInCampaign_notFound() {
    Identity outsider = server.enroll("office", "pc-c");
    Campaign campaign = createAndStart(campaign("hello", "1.0.0").build());
    String outsiderId = TestServer.endpointId(outsider);

    assertThat(assertStatus(() -> status(campaign, outsiderId), Status.Code.NOT_FOUND))
        .isEqualTo("endpoint_id: " + outsiderId + " has no deployment in campaign " + campaign.getCampaignId());
    assertThat(assertStatus(() -> status(campaign, "pc-a"), Status.Code.INVALID_ARGUMENT))
        .startsWith("endpoint_id: 'pc-a'");
  }
}
