package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.GetInventoryRequest;
import dev.convoy.protocol.v1.Group;
import dev.convoy.protocol.v1.ListCampaignsRequest;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.ListGroupsRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.server.testing.TestPeople;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person scoped to group lab sees and may touch (docs/roles.md "Scope"). */
class ScopeGrpcTest {
  @TempDir Path dir;
  private TestServer server;
  private AdminServiceBlockingStub labManager;
  private String labEndpoint;
  private String officeEndpoint;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    labEndpoint = TestServer.endpointId(server.enroll("lab", "pc-lab"));
    officeEndpoint = TestServer.endpointId(server.enroll("office", "pc-office"));
    SignedPublisher.trusted(server, dir.resolve("publisher")).publish("hello", "1.0.0");
    labManager = AdminServiceGrpc.newBlockingStub(server.channel(TestPeople.issue(server.adminStub(), "lab-rm",
        List.of("release-manager"), List.of("lab")))).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static CreateCampaignRequest campaign(Targets.Builder targets) {
    return CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello").setReleaseVersion("1.0.0")
        .setTargets(targets).build();
  }

  @Test
  void lists_scoped_onlyWhatLiesInScope() {
    server.adminStub().createCampaign(campaign(Targets.newBuilder().setAll(true)));
    String own = labManager.createCampaign(campaign(Targets.newBuilder().addGroups("lab"))).getCampaignId();

    assertThat(labManager.listEndpoints(ListEndpointsRequest.getDefaultInstance()).getEndpointsList())
        .extracting(Endpoint::getEndpointId).containsExactly(labEndpoint);
    assertThat(labManager.listGroups(ListGroupsRequest.getDefaultInstance()).getGroupsList())
        .extracting(Group::getName).containsExactly("lab");
    assertThat(labManager.listCampaigns(ListCampaignsRequest.getDefaultInstance()).getCampaignsList())
        .extracting(c -> c.getCampaignId()).containsExactly(own);
    assertThat(server.adminStub().listCampaigns(ListCampaignsRequest.getDefaultInstance()).getCampaignsCount())
        .isEqualTo(2);
  }

  @Test
  void createCampaign_targetsBeyondScope_refusedNamingTargetAndScope() {
    assertThat(assertStatus(() -> labManager.createCampaign(campaign(Targets.newBuilder().setAll(true))),
        Status.Code.PERMISSION_DENIED)).isEqualTo("targets: all is outside the scope of lab-rm (groups lab)");
    assertThat(assertStatus(() -> labManager.createCampaign(campaign(Targets.newBuilder().addGroups("lab")
        .addEndpointIds(officeEndpoint))), Status.Code.PERMISSION_DENIED))
        .isEqualTo("targets.endpoint_ids: endpoint " + officeEndpoint + " is outside the scope of lab-rm (groups lab)");
    assertThat(server.adminStub().listCampaigns(ListCampaignsRequest.getDefaultInstance()).getCampaignsCount())
        .isZero();
  }

  @Test
  void getInventory_outOfScopeEndpoint_permissionDeniedNamingEndpointAndScope() {
    String message = assertStatus(() -> labManager.getInventory(GetInventoryRequest.newBuilder()
        .setEndpointId(officeEndpoint).build()), Status.Code.PERMISSION_DENIED);

    assertThat(message).isEqualTo("endpoint_id: endpoint " + officeEndpoint
        + " is outside the scope of lab-rm (groups lab)");
    assertThat(labManager.getInventory(GetInventoryRequest.newBuilder().setEndpointId(labEndpoint).build())
        .getEndpointId()).isEqualTo(labEndpoint);
  }
}
