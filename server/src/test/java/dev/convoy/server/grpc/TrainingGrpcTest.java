package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.AgentDocumentRequest;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.GetTrainingReportRequest;
import dev.convoy.protocol.v1.SignedDocument;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.protocol.v1.TrainingAttestation;
import dev.convoy.protocol.v1.TrainingGroupCount;
import dev.convoy.protocol.v1.TrainingReport;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.SignedDocuments;
import dev.convoy.release.TrustedKeys;
import dev.convoy.release.VerifiedManifest;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent side of issue 5 over real mTLS: signed documents for agents, training attestations and their counts. */
class TrainingGrpcTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private final PublisherKeyPair key = PublisherKeys.generate();
  private Identity paris1;
  private Identity paris2;
  private Identity lyon;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    PublisherKeyGrpcTest.trust(server, "IT packaging", key);
    new KnowledgeFixture(server, key, work).rich("office", "7.6.4");
    paris1 = server.enroll("paris", "p1");
    paris2 = server.enroll("paris", "p2");
    lyon = server.enroll("lyon", "l1");
    var admin = server.adminStub();
    var draft = admin.createCampaign(CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("office")
        .setReleaseVersion("7.6.4").setTargets(Targets.newBuilder().setAll(true)).build());
    admin.startCampaign(StartCampaignRequest.newBuilder().setCampaignId(draft.getCampaignId()).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TrainingAttestation attestation(Identity endpoint, String user) {
    return TrainingAttestation.newBuilder().setEndpointId(TestServer.endpointId(endpoint)).setReleaseName("office")
        .setReleaseVersion("7.6.4").setItem("What is new in 7.6.4").setUser(user)
        .setAttestedAt(Timestamp.newBuilder().setSeconds(1_700_000_000)).build();
  }

  private TrainingReport report() {
    return server.adminStub().getTrainingReport(GetTrainingReportRequest.newBuilder().setName("office")
        .setVersion("7.6.4").build());
  }

  @Test
  void reportTrainingAttestation_twoAgents_countedPerGroupAndSurviveRestart() throws Exception {
    assertThat(server.agentStub(paris1).reportTrainingAttestation(attestation(paris1, "alice")).getRecorded())
        .isTrue();
    assertThat(server.agentStub(lyon).reportTrainingAttestation(attestation(lyon, "bob")).getRecorded()).isTrue();
    assertThat(server.agentStub(paris1).reportTrainingAttestation(attestation(paris1, "alice")).getRecorded())
        .as("a retried report changes nothing").isFalse();
    assertThat(server.agentStub(paris1).reportTrainingAttestation(attestation(paris1, "carol")).getRecorded())
        .as("a second user of the same workstation").isTrue();

    server.restart();
    TrainingReport report = report();

    assertThat(report.getTraining().getTitle()).isEqualTo("What is new in 7.6.4");
    assertThat(report.getGroupsList()).extracting(TrainingGroupCount::getGroup, TrainingGroupCount::getEndpoints,
        TrainingGroupCount::getAttested, TrainingGroupCount::getPercent)
        .containsExactly(Tuple.tuple("lyon", 1, 1, 100.0), Tuple.tuple("paris", 2, 1, 50.0));
    assertThat(report.getEndpoints()).isEqualTo(3);
    assertThat(report.getAttested()).isEqualTo(2);
  }

  @Test
  void getTrainingReport_scopedPerson_seesOnlyTheirGroups() throws Exception {
    server.agentStub(paris1).reportTrainingAttestation(attestation(paris1, "alice"));
    server.agentStub(lyon).reportTrainingAttestation(attestation(lyon, "bob"));
    Identity sam = server.personWithRoles("sam", java.util.Set.of(dev.convoy.server.people.Role.SERVICE_DESK),
        java.util.Set.of("paris"));

    TrainingReport report = dev.convoy.protocol.v1.AdminServiceGrpc.newBlockingStub(server.channel(sam))
        .withDeadlineAfter(30, java.util.concurrent.TimeUnit.SECONDS)
        .getTrainingReport(GetTrainingReportRequest.newBuilder().setName("office").setVersion("7.6.4").build());

    assertThat(report.getGroupsList()).extracting(TrainingGroupCount::getGroup).containsExactly("paris");
    assertThat(report.getEndpoints()).isEqualTo(2);
    assertThat(report.getAttested()).isEqualTo(1);
  }

  @Test
  void reportTrainingAttestation_badRequests_refusedAndNothingCounted() {
    var agent = server.agentStub(paris2);

    assertThat(assertStatus(() -> agent.reportTrainingAttestation(attestation(paris1, "alice")),
        Status.Code.PERMISSION_DENIED)).contains("is not the caller");
    assertThat(assertStatus(() -> agent.reportTrainingAttestation(attestation(paris2, "alice").toBuilder()
        .setItem("Another course").build()), Status.Code.INVALID_ARGUMENT))
        .startsWith("item: Another course (expected: 'What is new in 7.6.4'");
    assertStatus(() -> agent.reportTrainingAttestation(attestation(paris2, "").toBuilder().build()),
        Status.Code.INVALID_ARGUMENT);
    assertStatus(() -> agent.reportTrainingAttestation(attestation(paris2, "alice").toBuilder()
        .setReleaseVersion("9.9.9").build()), Status.Code.NOT_FOUND);
    assertStatus(() -> agent.reportTrainingAttestation(attestation(paris2, "alice").toBuilder().clearAttestedAt()
        .build()), Status.Code.INVALID_ARGUMENT);

    assertThat(report().getAttested()).isZero();
  }

  @Test
  void getSignedDocument_agentVerifiesWithItsOwnKeys_userDocAsWritten() {
    SignedDocument signed = server.agentStub(paris1).getSignedDocument(AgentDocumentRequest.newBuilder()
        .setEndpointId(TestServer.endpointId(paris1)).setReleaseName("office").setReleaseVersion("7.6.4")
        .setDocument("user_doc").build());

    VerifiedManifest manifest = SignedDocuments.verifyManifest(signed.getManifestJson().toByteArray(),
        signed.getSignatureJson().toByteArray(), TrustedKeys.of(key.publicKey()));

    assertThat(signed.getDocument()).isEqualTo("user-doc.md");
    assertThat(manifest.document(signed.getDocument(), signed.getContent().toByteArray()))
        .isEqualTo(KnowledgeFixture.USER_DOC);
  }

  @Test
  void getSignedDocument_otherEndpointOrUnknownRelease_refused() {
    var agent = server.agentStub(paris1);
    AgentDocumentRequest request = AgentDocumentRequest.newBuilder().setEndpointId(TestServer.endpointId(paris1))
        .setReleaseName("office").setReleaseVersion("7.6.4").build();

    assertThat(agent.getSignedDocument(request).getDocument()).as("manifest only").isEmpty();
    assertStatus(() -> agent.getSignedDocument(request.toBuilder().setEndpointId(TestServer.endpointId(lyon))
        .build()), Status.Code.PERMISSION_DENIED);
    assertStatus(() -> agent.getSignedDocument(request.toBuilder().setReleaseName("nope").build()),
        Status.Code.NOT_FOUND);
    assertStatus(() -> server.adminStub().getTrainingReport(GetTrainingReportRequest.newBuilder().setName("nope")
        .setVersion("1.0.0").build()), Status.Code.NOT_FOUND);
  }
}
