package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AcknowledgeCampaignRequest;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.ApproveCampaignRequest;
import dev.convoy.protocol.v1.AuditEntry;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignCommandRequest;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DesiredState;
import dev.convoy.protocol.v1.GetCampaignGovernanceRequest;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.RaciSubject;
import dev.convoy.protocol.v1.Rollout;
import dev.convoy.protocol.v1.SetRaciRequest;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.protocol.v1.SyncRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.protocol.v1.Threshold;
import dev.convoy.protocol.v1.UpdateCampaignRequest;
import dev.convoy.protocol.v1.WaveSpec;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.server.people.Role;
import dev.convoy.server.testing.Await;
import dev.convoy.server.testing.ReleaseFiles;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must-hold 2 of issue 7 over real gRPC/mTLS and RocksDB, with persons of different roles: rita (release manager)
 * creates campaigns, alice (approver) is the Accountable, carol (approver) is Consulted, bob is an admin who is
 * neither.
 */
class RaciApprovalTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private Identity a;
  private Identity b;
  private Map<String, Identity> people;
  private final PublisherKeyPair key = PublisherKeys.generate();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096)
        .withGovernance(config.governance().withPilotMaxTargets(1)));
    people = server.addPeople(Map.of("rita", Set.of(Role.RELEASE_MANAGER),
        "alice", Set.of(Role.APPROVER), "carol", Set.of(Role.APPROVER),
        "bob", Set.of(Role.ADMIN)));
    a = server.enroll("lab", "pc-a");
    b = server.enroll("lab", "pc-b");
    PublisherKeyGrpcTest.trust(server, "IT packaging", key);
    publishReady(work, key, server, "office", "1.0.0");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A release with every readiness item: runbook, user documentation, a KB article, a training text. */
  static void publishReady(Path work, PublisherKeyPair key, TestServer server, String name, String version)
      throws Exception {
    Path docs = Files.createTempDirectory(work, "docs-");
    Path user = Files.writeString(docs.resolve("user.md"), "How to use it.\n");
    Path training = Files.writeString(docs.resolve("training.md"), "Lesson 1.\n");
    byte[] file = ReleaseFiles.build(work, key, name, version,
        builder -> builder.userDoc(user).trainingDocument("Basics", "all users", training));
    SignedPublisher.upload(server, SignedPublisher.signedHeader(file), file);
  }

  private AdminServiceGrpc.AdminServiceBlockingStub as(String person) {
    Identity identity = person.equals("admin") ? server.admin : people.get(person);
    return AdminServiceGrpc.newBlockingStub(server.channel(identity)).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static CreateCampaignRequest.Builder production() {
    return CreateCampaignRequest.newBuilder().setReleaseName("office").setReleaseVersion("1.0.0")
        .setTargets(Targets.newBuilder().addGroups("lab"));
  }

  private String created(String by, CreateCampaignRequest request) {
    return as(by).createCampaign(request).getCampaignId();
  }

  private void raci(String by, String campaignId, String accountable, String... consulted) {
    as(by).setRaci(SetRaciRequest.newBuilder().setSubject(RaciSubject.newBuilder().setCampaignId(campaignId))
        .setResponsible("rita").setAccountable(accountable).addAllConsulted(List.of(consulted)).build());
  }

  private Campaign start(String by, String campaignId) {
    return as(by).startCampaign(StartCampaignRequest.newBuilder().setCampaignId(campaignId).build());
  }

  private void approve(String by, String campaignId, String... waive) {
    as(by).approveCampaign(ApproveCampaignRequest.newBuilder().setCampaignId(campaignId).setComment("CAB ok")
        .addAllWaiveConsulted(List.of(waive)).build());
  }

  private void ack(String by, String campaignId) {
    as(by).acknowledgeCampaign(AcknowledgeCampaignRequest.newBuilder().setCampaignId(campaignId)
        .setComment("fine by service desk").build());
  }

  private List<AuditEntry> audit() {
    return server.adminStub().listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getEntriesList();
  }

  @Test
  void approve_byCreator_permissionDeniedAndCreatorCannotBeAccountable() {
    String id = created("bob", production().build());
    assertThat(assertStatus(() -> raci("rita", id, "bob"), Status.Code.FAILED_PRECONDITION))
        .contains("accountable: bob created campaign " + id).contains("four-eyes");
    raci("rita", id, "alice");
    assertThat(assertStatus(() -> approve("bob", id), Status.Code.PERMISSION_DENIED))
        .contains("bob created campaign " + id).contains("creator can never approve").contains("alice");
    assertThat(assertStatus(() -> approve("carol", id), Status.Code.PERMISSION_DENIED))
        .contains("carol is not the Accountable").contains("the Accountable is alice");
    assertThat(assertStatus(() -> approve("rita", id), Status.Code.PERMISSION_DENIED)).contains("approve");
  }

  @Test
  void start_withoutApprovalThenWithoutAcknowledgement_refusedThenRuns() {
    String id = created("rita", production().build());
    assertThat(assertStatus(() -> start("rita", id), Status.Code.FAILED_PRECONDITION)).contains("no RACI");
    raci("rita", id, "alice", "carol");

    assertThat(assertStatus(() -> start("rita", id), Status.Code.FAILED_PRECONDITION))
        .contains("awaiting approval by alice").contains("awaiting acknowledgement by carol");
    approve("alice", id);
    String refusal = assertStatus(() -> start("rita", id), Status.Code.FAILED_PRECONDITION);
    assertThat(refusal).contains("awaiting acknowledgement by carol").doesNotContain("awaiting approval");
    assertThat(assertStatus(() -> ack("bob", id), Status.Code.PERMISSION_DENIED)).contains("not Consulted");
    ack("carol", id);

    assertThat(start("rita", id).getState()).isEqualTo(CampaignState.RUNNING);
    var governance = as("rita").getCampaignGovernance(GetCampaignGovernanceRequest.newBuilder()
        .setCampaignId(id).build());
    assertThat(governance.getApproval().getBy()).isEqualTo("alice");
    assertThat(governance.getApproval().getContentHash()).isEqualTo(governance.getContentHash());
    assertThat(audit()).extracting(AuditEntry::getAction)
        .contains("raci.set", "campaign.approve", "campaign.acknowledge", "campaign.start");
  }

  @Test
  void approve_waivingConsulted_letsItStartAndRecordsTheWaiver() {
    String id = created("rita", production().build());
    raci("rita", id, "alice", "carol");
    approve("alice", id, "carol");

    assertThat(start("rita", id).getState()).isEqualTo(CampaignState.RUNNING);
    AuditEntry approval = audit().stream().filter(e -> e.getAction().equals("campaign.approve")).findFirst()
        .orElseThrow();
    assertThat(approval.getDetailsMap()).containsEntry("waived_consulted", "carol");
  }

  @Test
  void updateTargets_afterApproval_voidsItAndStartSaysWhy() {
    String id = created("rita", production().build());
    raci("rita", id, "alice", "carol");
    approve("alice", id);
    ack("carol", id);

    Campaign edited = as("rita").updateCampaign(UpdateCampaignRequest.newBuilder().setCampaignId(id)
        .setTargets(Targets.newBuilder().addEndpointIds(TestServer.endpointId(a))).setComment("only pc-a").build());
    assertThat(edited.getTargets().getEndpointIdsList()).containsExactly(TestServer.endpointId(a));

    assertThat(assertStatus(() -> start("rita", id), Status.Code.FAILED_PRECONDITION))
        .contains("awaiting approval by alice").contains("voided").contains("targets changed")
        .contains("awaiting acknowledgement by carol");
    var governance = as("rita").getCampaignGovernance(GetCampaignGovernanceRequest.newBuilder()
        .setCampaignId(id).build());
    assertThat(governance.hasApproval()).isFalse();
    assertThat(governance.getVoidsList()).singleElement()
        .satisfies(v -> assertThat(v.getWasApprovedBy()).isEqualTo("alice"));
    assertThat(audit()).filteredOn(e -> e.getAction().equals("campaign.update")).singleElement()
        .satisfies(e -> assertThat(e.getDetailsMap()).containsEntry("changed", "targets")
            .containsEntry("voided", "approval by alice and acknowledgements"));

    approve("alice", id);
    ack("carol", id);
    assertThat(start("rita", id).getState()).isEqualTo(CampaignState.RUNNING);
  }

  @Test
  void advance_waveRequiringGo_onlyTheAccountable() throws Exception {
    String id = created("rita", production().setRollout(Rollout.PHASED)
        .addWaves(WaveSpec.newBuilder().setName("first").setPercent(50).setRequireGo(true)
            .setSuccess(Threshold.newBuilder().setCount(1)))
        .addWaves(WaveSpec.newBuilder().setName("rest").setPercent(50)).build());
    raci("rita", id, "alice");
    approve("alice", id);
    start("rita", id);
    Identity first = deploymentsOf(a).isEmpty() ? b : a;
    var spec = deploymentsOf(first).get(0);
    server.agentStub(first).reportStatus(StatusReport.newBuilder().setEndpointId(TestServer.endpointId(first))
        .setDeploymentId(spec.getDeploymentId()).setAttempt(spec.getAttempt()).setSequence(1)
        .setState(DeploymentState.ALREADY_INSTALLED).build());
    Await.until(() -> server.adminStub().getCampaignStatus(GetCampaignStatusRequest.newBuilder()
        .setCampaignId(id).build()).getWaves(0).getStateValue() == 4 /* WAVE_AWAITING_GO */);

    CampaignCommandRequest go = CampaignCommandRequest.newBuilder().setCampaignId(id).setComment("go").build();
    assertThat(assertStatus(() -> as("bob").advanceCampaign(go), Status.Code.PERMISSION_DENIED))
        .contains("Accountable, alice").contains("first");
    assertThat(assertStatus(() -> as("rita").advanceCampaign(go), Status.Code.PERMISSION_DENIED))
        .contains("alice");
    assertThat(assertStatus(() -> as("carol").advanceCampaign(go), Status.Code.PERMISSION_DENIED))
        .as("an approver the RACI names only as Consulted").contains("only as its Accountable");
    // alice is an approver and nothing else: the go is hers as the Accountable, not as someone who runs campaigns.
    assertThat(as("alice").advanceCampaign(go).getCurrentWave()).isEqualTo(1);
  }

  private List<dev.convoy.protocol.v1.DeploymentSpec> deploymentsOf(Identity endpoint) {
    DesiredState desired = server.agentStub(endpoint).sync(SyncRequest.newBuilder()
        .setEndpointId(TestServer.endpointId(endpoint)).build());
    return desired.getDeploymentsList();
  }

  @Test
  void scheduledProduction_withoutApproval_heldAtItsTimeThenStartsOnceApproved() throws Exception {
    var startAt = server.clock.instant().plus(Duration.ofHours(1));
    String id = created("rita", production().setStartAt(ProtoMapper.timestamp(startAt)).build());
    raci("rita", id, "alice", "carol");
    assertThat(start("rita", id).getState()).isEqualTo(CampaignState.SCHEDULED);

    server.clock.advance(Duration.ofHours(2));
    Await.until(() -> status(id).getStateReason().startsWith("awaiting approval"));
    assertThat(status(id).getState()).isEqualTo(CampaignState.SCHEDULED);
    assertThat(status(id).getApprovalState()).contains("awaiting approval by alice");
    assertThat(audit()).extracting(AuditEntry::getAction).contains("campaign.start-held");

    approve("alice", id);
    ack("carol", id);
    server.clock.advance(Duration.ofMinutes(2));
    Await.until(() -> status(id).getState() == CampaignState.RUNNING);
  }

  @Test
  void pilot_aboveLimitRefused_withinLimitStartsWithoutApproval() throws Exception {
    assertThat(assertStatus(() -> created("rita", production().setPilot(true).build()),
        Status.Code.INVALID_ARGUMENT)).contains("pilot: 2 targets").contains("at most 1");
    String id = created("rita", production().setPilot(true)
        .setTargets(Targets.newBuilder().addEndpointIds(TestServer.endpointId(a))).build());
    Campaign started = start("rita", id);
    assertThat(started.getState()).isEqualTo(CampaignState.RUNNING);
    assertThat(started.getPilot()).isTrue();
  }

  private Campaign status(String id) {
    return server.adminStub().getCampaignStatus(GetCampaignStatusRequest.newBuilder().setCampaignId(id).build())
        .getCampaign();
  }
}
