package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.AuditEntry;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignCommandRequest;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import dev.convoy.protocol.v1.CreateGroupRequest;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.ListAuditEntriesResponse;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.protocol.v1.VerifyAuditRequest;
import dev.convoy.protocol.v1.VerifyAuditResponse;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admin actions land in the audit log, listed and verified over the wire. */
class AuditGrpcTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private AdminServiceGrpc.AdminServiceBlockingStub admin;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
    admin = server.adminStub();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<AuditEntry> entries(ListAuditEntriesRequest request) {
    return admin.listAuditEntries(request).getEntriesList();
  }

  @Test
  void everyAdminMethod_isAuditedOrDeclaredReadOnly_exactlyOnce() {
    Set<String> classified = new HashSet<>();
    for (String name : AuditRules.rules().keySet()) {
      assertThat(classified.add(name)).as(name).isTrue();
    }
    for (String name : AuditRules.AUDITED_IN_DOMAIN) {
      assertThat(classified.add(name)).as(name).isTrue();
    }
    for (String name : AuditRules.READ_ONLY) {
      assertThat(classified.add(name)).as(name).isTrue();
    }
    assertThat(classified).containsExactlyInAnyOrderElementsOf(AdminServiceGrpc.getServiceDescriptor()
        .getMethods().stream().map(MethodDescriptor::getFullMethodName).toList());
  }

  @Test
  void adminActions_recordedWithActorTargetAndDetails_neverTheTokenSecret() throws Exception {
    String token = admin.createEnrollmentToken(CreateEnrollmentTokenRequest.newBuilder().setGroup("lab").setUses(2)
        .setTtlSeconds(600).build()).getToken();
    admin.createGroup(CreateGroupRequest.newBuilder().setName("debian").setQuery("os.family = \"debian\"").build());
    SignedPublisher.trusted(server, work).publish("hello", "1.0.0");
    server.enroll("lab", "pc-1");
    Campaign campaign = admin.createCampaign(CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello")
        .setReleaseVersion("1.0.0").setTargets(Targets.newBuilder().addGroups("lab")).build());
    admin.startCampaign(StartCampaignRequest.newBuilder().setCampaignId(campaign.getCampaignId()).build());
    admin.pauseCampaign(CampaignCommandRequest.newBuilder().setCampaignId(campaign.getCampaignId())
        .setComment("user reports").build());
    assertStatus(() -> admin.pauseCampaign(CampaignCommandRequest.newBuilder()
        .setCampaignId(campaign.getCampaignId()).build()), Status.Code.FAILED_PRECONDITION);

    List<AuditEntry> all = entries(ListAuditEntriesRequest.getDefaultInstance());

    assertThat(all).extracting(AuditEntry::getAction).containsExactly("person.register", "token.create",
        "group.create", "publisher-key.add", "release.publish", "token.create", "campaign.create", "campaign.start",
        "campaign.pause");
    assertThat(all).extracting(AuditEntry::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    AuditEntry pause = all.get(8);
    assertThat(pause.getActor()).isEqualTo(server.admin.subject());
    assertThat(pause.getTarget()).isEqualTo(campaign.getCampaignId());
    assertThat(pause.getDetailsMap()).containsEntry("comment", "user reports").containsEntry("state", "PAUSED");
    assertThat(all.get(4).getTarget()).isEqualTo("hello@1.0.0");
    assertThat(all.get(1).getDetailsMap()).containsEntry("group", "lab").containsEntry("uses", "2");
    assertThat(all.toString()).doesNotContain(token);
    assertThat(pause.getPreviousHash()).isEqualTo(all.get(7).getHash());
    VerifyAuditResponse verify = admin.verifyAudit(VerifyAuditRequest.getDefaultInstance());
    assertThat(verify.getOk()).isTrue();
    assertThat(verify.getEntriesChecked()).isEqualTo(9);
    assertThat(verify.getHeadHash()).isEqualTo(pause.getHash());
  }

  @Test
  void listAuditEntries_campaignSinceAndPaging_filter() {
    admin.createGroup(CreateGroupRequest.newBuilder().setName("g1").setQuery("os.family = \"x\"").build());
    server.clock.advance(Duration.ofHours(1));
    Timestamp since = Timestamp.newBuilder().setSeconds(server.clock.instant().getEpochSecond()).build();
    admin.createGroup(CreateGroupRequest.newBuilder().setName("g2").setQuery("os.family = \"x\"").build());
    admin.createGroup(CreateGroupRequest.newBuilder().setName("g3").setQuery("os.family = \"x\"").build());

    assertThat(entries(ListAuditEntriesRequest.newBuilder().setSince(since).build()))
        .extracting(AuditEntry::getTarget).containsExactly("g2", "g3");
    ListAuditEntriesResponse page = admin.listAuditEntries(ListAuditEntriesRequest.newBuilder().setLimit(2).build());
    assertThat(page.getEntriesList()).extracting(AuditEntry::getSequence).containsExactly(1L, 2L);
    ListAuditEntriesResponse next = admin.listAuditEntries(ListAuditEntriesRequest.newBuilder().setLimit(2)
        .setAfterSequence(page.getNextAfterSequence()).build());
    assertThat(next.getEntriesList()).extracting(AuditEntry::getSequence).containsExactly(3L, 4L);
    assertThat(entries(ListAuditEntriesRequest.newBuilder().setCampaignId("cmp-0123456789abcdef").build()))
        .isEmpty();
    assertStatus(() -> admin.listAuditEntries(ListAuditEntriesRequest.newBuilder().setLimit(-1).build()),
        Status.Code.INVALID_ARGUMENT);
    assertStatus(() -> admin.listAuditEntries(ListAuditEntriesRequest.newBuilder().setCampaignId("x").build()),
        Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void noticeDelivered_recordedOnceInTheCampaignsTrail_chainStillVerifies() throws Exception {
    SignedPublisher.trusted(server, work).publish("hello", "1.0.0");
    var endpoint = server.enroll("lab", "pc-1");
    Campaign campaign = admin.createCampaign(CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello")
        .setReleaseVersion("1.0.0").setTargets(Targets.newBuilder().addGroups("lab")).build());
    admin.startCampaign(dev.convoy.protocol.v1.StartCampaignRequest.newBuilder()
        .setCampaignId(campaign.getCampaignId()).build());
    var agent = server.agentStub(endpoint);
    String endpointId = TestServer.endpointId(endpoint);
    var spec = agent.sync(dev.convoy.protocol.v1.SyncRequest.newBuilder().setEndpointId(endpointId).build())
        .getDeployments(0);
    for (long sequence = 1; sequence <= 2; sequence++) { // the second receipt is a duplicate: one entry only
      agent.reportStatus(dev.convoy.protocol.v1.StatusReport.newBuilder().setEndpointId(endpointId)
          .setDeploymentId(spec.getDeploymentId()).setAttempt(spec.getAttempt()).setSequence(sequence)
          .setState(sequence == 1 ? dev.convoy.protocol.v1.DeploymentState.NOTIFIED
              : dev.convoy.protocol.v1.DeploymentState.DOWNLOADING).build());
    }

    List<AuditEntry> trail = entries(ListAuditEntriesRequest.newBuilder()
        .setCampaignId(campaign.getCampaignId()).build());
    assertThat(trail).filteredOn(e -> e.getAction().equals("notice.delivered")).singleElement().satisfies(e -> {
      assertThat(e.getTarget()).isEqualTo(spec.getDeploymentId());
      assertThat(e.getActor()).isEqualTo("CN=" + endpointId + ",OU=endpoint,O=Convoy");
      assertThat(e.getDetailsMap()).containsEntry("endpoint_id", endpointId).containsKey("delivered_at");
    });
    assertThat(admin.verifyAudit(VerifyAuditRequest.getDefaultInstance()).getOk()).isTrue();
  }
}
