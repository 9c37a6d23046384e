package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.InventoryReport;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.SyncRequest;
import dev.convoy.protocol.v1.WhoAmIRequest;
import dev.convoy.protocol.v1.WhoAmIResponse;
import dev.convoy.server.pki.CertificatePolicy;
import dev.convoy.server.pki.ServerPki;
import dev.convoy.server.testing.MutableClock;
import dev.convoy.server.testing.TestServer;
import dev.convoy.server.testing.TestTls;
import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Identity;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "One port" rules of docs/runtime-layout.md, over real TLS sockets on loopback. */
class AuthInterceptorTest {
  @TempDir Path dir;
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AgentServiceGrpc.AgentServiceBlockingStub agent(ManagedChannel channel) {
    return AgentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private AdminServiceGrpc.AdminServiceBlockingStub admin(ManagedChannel channel) {
    return AdminServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @Test
  void agentAndAdmin_noClientCertificate_unauthenticated() {
    ManagedChannel anonymous = server.anonymousChannel();
    String agentMessage = assertStatus(() -> agent(anonymous).sync(SyncRequest.getDefaultInstance()),
        Status.Code.UNAUTHENTICATED);
    String adminMessage = assertStatus(() -> admin(anonymous).whoAmI(WhoAmIRequest.getDefaultInstance()),
        Status.Code.UNAUTHENTICATED);
    assertThat(agentMessage).isEqualTo("client certificate required");
    assertThat(adminMessage).isEqualTo("client certificate required");
  }

  @Test
  void enrollAndHealth_noClientCertificate_work() {
    Identity endpoint = server.enroll("lab", "pc-1");
    assertThat(endpoint.subject()).matches("CN=ep-[0-9a-f]{16},OU=endpoint,O=Convoy");
    HealthCheckResponse health = HealthGrpc.newBlockingStub(server.anonymousChannel())
        .withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance());
    assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }

  @Test
  void anyService_certificateFromAnotherCa_handshakeFails() {
    CertificateAuthority otherCa = CertificateAuthority.create("CN=Other CA,O=Convoy", Duration.ofDays(30),
        Clock.systemUTC());
    Identity foreign = otherCa.issueIdentity(CertificatePolicy.person("admin"));
    ManagedChannel channel = server.channel(TestTls.forcedClient(foreign, server.admin.ca()));
    assertStatus(() -> admin(channel).whoAmI(WhoAmIRequest.getDefaultInstance()), Status.Code.UNAVAILABLE);
  }

  @Test
  void anyService_foreignCertificateWithheldByClient_unauthenticated() {
    // A standard client sees that the server asks for certificates of our CA only and sends none.
    CertificateAuthority otherCa = CertificateAuthority.create("CN=Other CA,O=Convoy", Duration.ofDays(30),
        Clock.systemUTC());
    Identity foreign = otherCa.issueIdentity(CertificatePolicy.person("admin"));
    ManagedChannel channel = server.channel(TestTls.client(foreign, server.admin.ca()));
    assertStatus(() -> admin(channel).whoAmI(WhoAmIRequest.getDefaultInstance()), Status.Code.UNAUTHENTICATED);
  }

  @Test
  void admin_certificateExpiredInRealTime_handshakeFails() {
    ServerPki pki = ServerPki.load(dir.resolve("pki"), Clock.systemUTC());
    Clock twoYearsAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(730)), ZoneOffset.UTC);
    Identity expired = CertificateAuthority.load(pki.ca().certificate(), pki.ca().privateKey(), twoYearsAgo)
        .issueIdentity(CertificatePolicy.person("admin"));
    ManagedChannel channel = server.channel(TestTls.forcedClient(expired, server.admin.ca()));
    assertStatus(() -> admin(channel).whoAmI(WhoAmIRequest.getDefaultInstance()), Status.Code.UNAVAILABLE);
  }

  @Test
  void admin_certificateExpiredByServerClock_unauthenticated() {
    ManagedChannel channel = server.channel(server.admin);
    server.clock.advance(Duration.ofDays(400)); // the admin certificate is valid for 365 days

    String message = assertStatus(() -> admin(channel).whoAmI(WhoAmIRequest.getDefaultInstance()),
        Status.Code.UNAUTHENTICATED);
    assertThat(message).startsWith("client certificate expired at");
  }

  @Test
  void admin_endpointCertificate_permissionDenied() {
    Identity endpoint = server.enroll("lab", "pc-1");
    String message = assertStatus(() -> admin(server.channel(endpoint)).listEndpoints(
        ListEndpointsRequest.getDefaultInstance()), Status.Code.PERMISSION_DENIED);
    assertThat(message).contains("needs a person certificate");
  }

  @Test
  void agent_personCertificate_permissionDenied() {
    String message = assertStatus(() -> agent(server.channel(server.admin)).sync(SyncRequest.getDefaultInstance()),
        Status.Code.PERMISSION_DENIED);
    assertThat(message).contains("needs an endpoint certificate");
  }

  @Test
  void agent_endpointCertificateNeverEnrolled_permissionDenied() {
    ServerPki pki = ServerPki.load(dir.resolve("pki"), server.clock);
    Identity minted = pki.ca().issueIdentity(CertificatePolicy.endpoint("ep-0123456789abcdef"));
    String message = assertStatus(() -> agent(server.channel(minted)).reportInventory(
        InventoryReport.newBuilder().setEndpointId("ep-0123456789abcdef").build()), Status.Code.PERMISSION_DENIED);
    assertThat(message).isEqualTo("endpoint ep-0123456789abcdef is not enrolled");
  }

  @Test
  void agent_secondCertificateForEnrolledEndpoint_permissionDenied() {
    Identity endpoint = server.enroll("lab", "pc-1");
    String id = TestServer.endpointId(endpoint);
    Identity copy = ServerPki.load(dir.resolve("pki"), server.clock).ca()
        .issueIdentity(CertificatePolicy.endpoint(id));
    String message = assertStatus(() -> agent(server.channel(copy)).reportInventory(
        InventoryReport.newBuilder().setEndpointId(id).build()), Status.Code.PERMISSION_DENIED);
    assertThat(message).contains("is not the current certificate of endpoint " + id);
  }

  @Test
  void admin_personUnknownToServer_permissionDenied() {
    Identity stranger = ServerPki.load(dir.resolve("pki"), server.clock).issuePersonIdentity("mallory");
    String message = assertStatus(() -> admin(server.channel(stranger)).whoAmI(WhoAmIRequest.getDefaultInstance()),
        Status.Code.PERMISSION_DENIED);
    assertThat(message).isEqualTo("person mallory is not known");
  }

  @Test
  void whoAmI_admin_namesSubjectAndRole() {
    WhoAmIResponse me = server.adminStub().whoAmI(WhoAmIRequest.getDefaultInstance());
    assertThat(me.getName()).isEqualTo("admin");
    assertThat(me.getSubject()).isEqualTo("CN=admin,OU=person,O=Convoy");
    assertThat(me.getRolesList()).containsExactly("admin");
  }

  @Test
  void reflection_noClientCertificate_unauthenticated() {
    var stub = io.grpc.reflection.v1.ServerReflectionGrpc.newStub(server.anonymousChannel());
    var done = new java.util.concurrent.CompletableFuture<Throwable>();
    var requests = stub.serverReflectionInfo(new io.grpc.stub.StreamObserver<>() {
      @Override public void onNext(io.grpc.reflection.v1.ServerReflectionResponse value) {}
      @Override public void onError(Throwable t) {
        done.complete(t);
      }
      @Override public void onCompleted() {
        done.complete(null);
      }
    });
    requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());
    assertThat(done.orTimeout(10, TimeUnit.SECONDS).join())
        .isInstanceOfSatisfying(io.grpc.StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
  }
}
