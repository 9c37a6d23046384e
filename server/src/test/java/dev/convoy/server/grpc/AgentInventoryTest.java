package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.InventoryReport;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.ManagedPackage;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton's summary-only reports (older agents) and the caller check. */
@SuppressWarnings("deprecation") // the summary fields are deprecated; older agents still send them
class AgentInventoryTest {
  @TempDir Path dir;
  private TestServer server;
  private Identity a;
  private Identity b;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
    a = server.enroll("lab", "pc-a");
    b = server.enroll("lab", "pc-b");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Endpoint listed(Identity identity) {
    return server.adminStub().listEndpoints(ListEndpointsRequest.getDefaultInstance()).getEndpointsList().stream()
        .filter(e -> e.getEndpointId().equals(TestServer.endpointId(identity))).findFirst().orElseThrow();
  }

  @Test
  void reportInventory_own_recordedAndListed() {
    server.agentStub(a).reportInventory(InventoryReport.newBuilder().setEndpointId(TestServer.endpointId(a))
        .setHostname("pc-a.example").setOs("Debian GNU/Linux").setOsVersion("12 (bookworm)")
        .setAgentVersion("0.1.0")
        .addManagedPackages(ManagedPackage.newBuilder().setName("hello").setVersion("1.0.0").setState("installed"))
        .build());

    Endpoint listed = listed(a);
    assertThat(listed.getHostname()).isEqualTo("pc-a.example");
    assertThat(listed.getOs()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    assertThat(listed.getAgentVersion()).isEqualTo("0.1.0");
    assertThat(listed.getGroup()).isEqualTo("lab");
  }

  @Test
  void reportInventory_forAnotherEndpoint_permissionDeniedAndNothingWritten() {
    Endpoint before = listed(b);

    String message = assertStatus(() -> server.agentStub(a).reportInventory(InventoryReport.newBuilder()
        .setEndpointId(TestServer.endpointId(b)).setHostname("hijacked").setOs("evil").build()),
        Status.Code.PERMISSION_DENIED);

    assertThat(message).isEqualTo("endpoint_id: " + TestServer.endpointId(b) + " is not the caller ("
        + TestServer.endpointId(a) + ")");
    assertThat(listed(b)).isEqualTo(before);
  }

  @Test
  void reportInventory_badFields_invalidArgumentNamingTheField() {
    String id = TestServer.endpointId(a);
    assertThat(assertStatus(() -> server.agentStub(a).reportInventory(InventoryReport.newBuilder().build()),
        Status.Code.INVALID_ARGUMENT)).isEqualTo("endpoint_id: empty (expected: the caller's endpoint id " + id + ")");
    assertThat(assertStatus(() -> server.agentStub(a).reportInventory(InventoryReport.newBuilder()
        .setEndpointId(id).setOs("x".repeat(201)).build()), Status.Code.INVALID_ARGUMENT))
        .isEqualTo("os: 201 characters (expected: at most 200)");
    assertThat(assertStatus(() -> server.agentStub(a).reportInventory(InventoryReport.newBuilder()
        .setEndpointId(id).addManagedPackages(ManagedPackage.newBuilder().setVersion("1")).build()),
        Status.Code.INVALID_ARGUMENT)).startsWith("managed_packages.name: empty");
  }
}
