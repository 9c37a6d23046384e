package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.Hello;
import dev.convoy.protocol.v1.ListAuditEntriesRequest;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.RevocationResponse;
import dev.convoy.protocol.v1.RevokeEndpointRequest;
import dev.convoy.protocol.v1.RevokePersonRequest;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.protocol.v1.SyncRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.protocol.v1.VerifyAuditRequest;
import dev.convoy.protocol.v1.WhoAmIRequest;
import dev.convoy.server.testing.Await;
import dev.convoy.server.testing.Collector;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revocation over real mTLS on loopback: open streams end within seconds, new calls are refused. */
class RevocationTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private Identity agent;
  private Identity bob;
  private String campaignId;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
    agent = server.enroll("lab", "pc-a");
    bob = server.addAdmin("bob");
    SignedPublisher.trusted(server, work).publish("hello", "1.0.0");
    Campaign draft = server.adminStub().createCampaign(CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello")
        .setReleaseVersion("1.0.0").setTargets(Targets.newBuilder().addGroups("lab")).build());
    campaignId = draft.getCampaignId();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Collector<ServerHint> openSession(Identity endpoint) throws InterruptedException {
    Collector<ServerHint> hints = new Collector<>();
    AgentServiceGrpc.newStub(server.channel(endpoint)).session(hints).onNext(AgentMessage.newBuilder()
        .setHello(Hello.newBuilder().setEndpointId(TestServer.endpointId(endpoint))).build());
    Await.until(() -> server.adminStub().listEndpoints(ListEndpointsRequest.getDefaultInstance())
        .getEndpoints(0).getOnline());
    return hints;
  }

  private Collector<CampaignStatus> openWatch(Identity person) throws InterruptedException {
    Collector<CampaignStatus> watch = new Collector<>();
    AdminServiceGrpc.newStub(server.channel(person)).watchCampaign(GetCampaignStatusRequest.newBuilder()
        .setCampaignId(campaignId).build(), watch);
    Await.until(() -> !watch.values().isEmpty());
    return watch;
  }

  private static Status statusOf(Collector<?> stream) {
    Throwable error = catchThrowable(stream::await);
    assertThat(error).isInstanceOf(StatusRuntimeException.class);
    return ((StatusRuntimeException) error).getStatus();
  }

  private RevocationResponse revokeEndpoint(String endpointId) {
    return server.adminStub().revokeEndpoint(RevokeEndpointRequest.newBuilder().setEndpointId(endpointId)
        .setComment("laptop stolen").build());
  }

  private RevocationResponse revokeBob() {
    return server.adminStub().revokePerson(RevokePersonRequest.newBuilder().setName("bob")
        .setComment("left the company").build());
  }

  @Test
  void revoke_connectedAgentAndPerson_streamsEndAndNewCallsRefused() throws Exception {
    String endpointId = TestServer.endpointId(agent);
    Collector<ServerHint> session = openSession(agent);
    Collector<CampaignStatus> watch = openWatch(bob);

    RevocationResponse endpoint = revokeEndpoint(endpointId);
    RevocationResponse person = revokeBob();

    assertThat(endpoint.getAlreadyRevoked()).isFalse();
    assertThat(endpoint.getStreamsClosed()).isEqualTo(1);
    assertThat(person.getStreamsClosed()).isEqualTo(1);
    Await.until(() -> session.isDone() && watch.isDone());
    assertThat(statusOf(session).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(statusOf(session).getDescription()).isEqualTo("endpoint " + endpointId + " is revoked");
    assertThat(statusOf(watch).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(statusOf(watch).getDescription()).isEqualTo("person bob is revoked");

    assertThat(assertStatus(() -> server.agentStub(agent).sync(SyncRequest.newBuilder()
        .setEndpointId(endpointId).build()), Status.Code.PERMISSION_DENIED))
        .isEqualTo("endpoint " + endpointId + " is revoked");
    assertThat(assertStatus(() -> AdminServiceGrpc.newBlockingStub(server.channel(bob))
        .withDeadlineAfter(10, TimeUnit.SECONDS).whoAmI(WhoAmIRequest.getDefaultInstance()),
        Status.Code.PERMISSION_DENIED)).isEqualTo("person bob is revoked");
  }

  @Test
  void revoke_twice_idempotentAndBothAudited() {
    String endpointId = TestServer.endpointId(agent);

    RevocationResponse first = revokeEndpoint(endpointId);
    RevocationResponse second = revokeEndpoint(endpointId);
    revokeBob();
    RevocationResponse bobAgain = revokeBob();

    assertThat(first.getAlreadyRevoked()).isFalse();
    assertThat(first.hasRevokedAt()).isTrue();
    assertThat(second.getAlreadyRevoked()).isTrue();
    assertThat(bobAgain.getAlreadyRevoked()).isTrue();
    var entries = server.adminStub().listAuditEntries(ListAuditEntriesRequest.getDefaultInstance())
        .getEntriesList().stream().filter(e -> e.getAction().endsWith(".revoke")).toList();
    assertThat(entries).extracting(e -> e.getAction() + " " + e.getTarget() + " " + e.getDetailsMap())
        .containsExactly(
            "endpoint.revoke " + endpointId + " {comment=laptop stolen}",
            "endpoint.revoke " + endpointId + " {already_revoked=true, comment=laptop stolen}",
            "person.revoke bob {comment=left the company}",
            "person.revoke bob {already_revoked=true, comment=left the company}");
    assertThat(entries.get(0).getActor()).isEqualTo(server.admin.subject());
    assertThat(server.adminStub().verifyAudit(VerifyAuditRequest.getDefaultInstance()).getOk()).isTrue();
  }

  @Test
  void revoke_unknownIdentities_notFound() {
    assertThat(assertStatus(() -> revokeEndpoint("ep-0000000000000000"), Status.Code.NOT_FOUND))
        .contains("ep-0000000000000000");
    assertThat(assertStatus(() -> server.adminStub().revokePerson(RevokePersonRequest.newBuilder()
        .setName("nobody").build()), Status.Code.NOT_FOUND)).contains("nobody");
    assertStatus(() -> revokeEndpoint("not an id"), Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void revokePerson_self_failedPreconditionAndStillAdmin() {
    assertThat(assertStatus(() -> server.adminStub().revokePerson(RevokePersonRequest.newBuilder()
        .setName("admin").build()), Status.Code.FAILED_PRECONDITION)).contains("cannot revoke their own");
    assertThat(server.adminStub().whoAmI(WhoAmIRequest.getDefaultInstance()).getName()).isEqualTo("admin");
  }

  @Test
  void personCertificate_notTheOneIssuedToThem_permissionDenied() throws Exception {
    Identity other = dev.convoy.server.pki.ServerPki.load(dir.resolve("pki"), server.clock)
        .issuePersonIdentity("bob");

    assertThat(assertStatus(() -> AdminServiceGrpc.newBlockingStub(server.channel(other))
        .withDeadlineAfter(10, TimeUnit.SECONDS).whoAmI(WhoAmIRequest.getDefaultInstance()),
        Status.Code.PERMISSION_DENIED)).contains("is not a current certificate of person bob");
  }

  @Test
  void sweep_certificateExpiredWhileStreamsOpen_streamsEnd() throws Exception {
    Collector<ServerHint> session = openSession(agent);
    Collector<CampaignStatus> watch = openWatch(bob);

    server.clock.advance(Duration.ofDays(400)); // past both certificates' notAfter (1 year)

    Await.until(() -> session.isDone() && watch.isDone());
    assertThat(statusOf(session).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(statusOf(watch).getDescription()).startsWith("client certificate expired at ");
  }
}
