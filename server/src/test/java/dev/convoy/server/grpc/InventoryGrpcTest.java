package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.CreateGroupRequest;
import dev.convoy.protocol.v1.Endpoint;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.FactChangeKind;
import dev.convoy.protocol.v1.GetComplianceRequest;
import dev.convoy.protocol.v1.GetGroupRequest;
import dev.convoy.protocol.v1.GetInventoryHistoryRequest;
import dev.convoy.protocol.v1.GetInventoryRequest;
import dev.convoy.protocol.v1.Hello;
import dev.convoy.protocol.v1.InventoryAck;
import dev.convoy.protocol.v1.InventoryReport;
import dev.convoy.protocol.v1.ListEndpointsRequest;
import dev.convoy.protocol.v1.ListGroupsRequest;
import dev.convoy.protocol.v1.ListGroupsResponse;
import dev.convoy.protocol.v1.QueryInventoryRequest;
import dev.convoy.protocol.v1.QueryInventoryResponse;
import dev.convoy.protocol.v1.RefreshInventoryRequest;
import dev.convoy.protocol.v1.RefreshInventoryResponse;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.inventory.InventoryDigest;
import dev.convoy.server.testing.AgentInventory;
import dev.convoy.server.testing.Await;
import dev.convoy.server.testing.Collector;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inventory, group and compliance RPCs end to end over real mTLS. */
class InventoryGrpcTest {
  static final Map<String, Object> FACTS = Map.of("host.name", "pc-a.example", "os.name",
      "Debian GNU/Linux 12 (bookworm)", "os.family", "debian", "os.arch", "amd64", "agent.version", "0.2.0",
      "hardware.memory_gb", 7.6, "software.hello.version", "1.0.0", "software.hello.source", "dpkg",
      "users.logged_in[0]", "alice");

  @TempDir Path dir;
  TestServer server;
  Identity a;
  Identity b;
  String idA;
  String idB;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir);
    a = server.enroll("lab", "pc-a");
    b = server.enroll("lab", "pc-b");
    idA = TestServer.endpointId(a);
    idB = TestServer.endpointId(b);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Endpoint listed(String id) {
    return server.adminStub().listEndpoints(ListEndpointsRequest.getDefaultInstance()).getEndpointsList().stream()
        .filter(e -> e.getEndpointId().equals(id)).findFirst().orElseThrow();
  }

  private EndpointInventory inventory(String id) {
    return server.adminStub().getInventory(GetInventoryRequest.newBuilder().setEndpointId(id).build());
  }

  private static Map<String, Object> changed() {
    Map<String, Object> facts = new TreeMap<>(FACTS);
    facts.put("software.hello.version", "1.1.0");
    facts.remove("users.logged_in[0]");
    facts.put("host.name", "pc-a2.example");
    return facts;
  }

  @Test
  void reportInventory_fullThenDelta_serverViewExactAndEndpointRecordFollowsFacts() {
    InventoryAck full = server.agentStub(a).reportInventory(AgentInventory.full(idA, FACTS));

    assertThat(full.getFullReportRequired()).isFalse();
    assertThat(full.getServerSha256()).isEqualTo(AgentInventory.sha256(FACTS));
    assertThat(inventory(idA).getFactsList()).isEqualTo(AgentInventory.facts(FACTS));
    assertThat(listed(idA).getHostname()).isEqualTo("pc-a.example");
    assertThat(listed(idA).getOs()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    assertThat(listed(idA).getAgentVersion()).isEqualTo("0.2.0");

    InventoryAck delta = server.agentStub(a).reportInventory(AgentInventory.delta(idA, FACTS, changed()));

    assertThat(delta.getFullReportRequired()).isFalse();
    EndpointInventory stored = inventory(idA);
    assertThat(stored.getFactsList()).isEqualTo(AgentInventory.facts(changed()));
    assertThat(stored.getInventorySha256()).isEqualTo(AgentInventory.sha256(changed()));
    assertThat(stored.getHostname()).isEqualTo("pc-a2.example");
    var history = server.adminStub().getInventoryHistory(GetInventoryHistoryRequest.newBuilder()
        .setEndpointId(idA).build()).getChangesList();
    assertThat(history).extracting(c -> c.getPath() + " " + c.getKind()).containsExactlyInAnyOrder(
        "host.name CHANGED", "software.hello.version CHANGED", "users.logged_in[0] REMOVED");
    assertThat(history.stream().filter(c -> c.getKind() == FactChangeKind.REMOVED).findFirst().orElseThrow()
        .getOldValue().getText()).isEqualTo("alice");
  }

  @Test
  void reportInventory_digestReports_ackNamesTheDigestAndTheEndpointRecordFollows() {
    InventoryAck full = server.agentStub(a).reportInventory(AgentInventory.full(idA, FACTS).toBuilder()
        .setInventoryDigest(digest(FACTS)).build());
    assertThat(full.getServerDigest()).isEqualTo(digest(FACTS));
    assertThat(full.getServerSha256()).isEqualTo(AgentInventory.sha256(FACTS));

    InventoryReport delta = AgentInventory.delta(idA, FACTS, changed());
    InventoryAck ack = server.agentStub(a).reportInventory(delta.toBuilder().clearInventorySha256()
        .setInventoryDigest(digest(changed()))
        .setDelta(delta.getDelta().toBuilder().clearBaseSha256().setBaseDigest(digest(FACTS))).build());

    assertThat(ack.getFullReportRequired()).isFalse();
    assertThat(ack.getServerDigest()).isEqualTo(digest(changed()));
    assertThat(ack.getServerSha256()).isEmpty();
    EndpointInventory stored = inventory(idA);
    assertThat(stored.getFactsList()).isEqualTo(AgentInventory.facts(changed()));
    assertThat(stored.getInventoryDigest()).isEqualTo(digest(changed()));
    assertThat(listed(idA).getHostname()).isEqualTo("pc-a2.example");
    // the same delta again: its base is no longer what the server holds
    InventoryAck again = server.agentStub(a).reportInventory(delta.toBuilder().clearInventorySha256()
        .setInventoryDigest(digest(changed()))
        .setDelta(delta.getDelta().toBuilder().clearBaseSha256().setBaseDigest(digest(FACTS))).build());
    assertThat(again.getFullReportRequired()).isTrue();
    assertThat(again.getServerDigest()).isEqualTo(digest(changed()));
  }

  private static String digest(Map<String, Object> facts) {
    return InventoryDigest.of(facts).hex();
  }

  @Test
  void reportInventory_deltaOnUnknownBase_ackAsksForAFullReportAndNothingChanges() {
    server.agentStub(a).reportInventory(AgentInventory.full(idA, FACTS));

    InventoryAck ack = server.agentStub(a).reportInventory(AgentInventory.delta(idA, changed(), FACTS));

    assertThat(ack.getFullReportRequired()).isTrue();
    assertThat(ack.getServerSha256()).isEqualTo(AgentInventory.sha256(FACTS));
    assertThat(inventory(idA).getFactsList()).isEqualTo(AgentInventory.facts(FACTS));
  }

  @Test
  void reportInventory_overTheSizeLimit_resourceExhaustedNamingTheLimitAndNothingChanged() {
    server.agentStub(a).reportInventory(AgentInventory.full(idA, FACTS));
    EndpointInventory before = inventory(idA);
    Map<String, Object> huge = new TreeMap<>(FACTS);
    for (int i = 0; i < 1_100; i++) {
      huge.put("facts.blob" + i, "x".repeat(4_000));
    }

    String message = assertStatus(() -> server.agentStub(a).reportInventory(AgentInventory.full(idA, huge)),
        Status.Code.RESOURCE_EXHAUSTED);

    assertThat(message).matches("inventory report: \\d+ bytes \\(expected: at most 4194304, the server's inventory"
        + " report size limit inventory.max_report_bytes\\)");
    assertThat(inventory(idA)).isEqualTo(before);
  }

  @Test
  void reportInventory_forAnotherEndpointOrMalformed_refusedAndNothingChanged() {
    server.agentStub(b).reportInventory(AgentInventory.full(idB, FACTS));
    EndpointInventory before = inventory(idB);

    assertThat(assertStatus(() -> server.agentStub(a).reportInventory(AgentInventory.full(idB, changed())),
        Status.Code.PERMISSION_DENIED)).isEqualTo("endpoint_id: " + idB + " is not the caller (" + idA + ")");
    Map<String, Object> bad = new TreeMap<>(FACTS);
    bad.put("software[\"vim\"].version", "9");
    assertThat(assertStatus(() -> server.agentStub(b).reportInventory(AgentInventory.full(idB, bad)),
        Status.Code.INVALID_ARGUMENT)).contains("is not canonical (expected: software.vim.version)");

    assertThat(inventory(idB)).isEqualTo(before);
  }

  @Test
  void queryInventory_fieldsAndSyntaxErrors_answeredOrInvalidArgumentWithCaret() {
    server.agentStub(a).reportInventory(AgentInventory.full(idA, FACTS));
    server.agentStub(b).reportInventory(AgentInventory.full(idB, Map.of("os.family", "arch")));

    QueryInventoryResponse response = server.adminStub().queryInventory(QueryInventoryRequest.newBuilder()
        .setQuery("os.family = \"debian\" and hardware.memory_gb < 8").addFields("os.name").build());

    assertThat(response.getTotal()).isEqualTo(1);
    assertThat(response.getMatches(0).getEndpointId()).isEqualTo(idA);
    assertThat(response.getMatches(0).getHostname()).isEqualTo("pc-a.example");
    assertThat(response.getMatches(0).getFactsList()).isEqualTo(AgentInventory.facts(Map.of("os.name",
        "Debian GNU/Linux 12 (bookworm)")));
    assertThat(assertStatus(() -> server.adminStub().queryInventory(QueryInventoryRequest.newBuilder()
        .setQuery("os.family = ").build()), Status.Code.INVALID_ARGUMENT))
        .isEqualTo("query: at column 13: expected a value after '=' but found end of query\n"
            + "os.family = \n            ^");
    assertStatus(() -> server.adminStub().getInventory(GetInventoryRequest.newBuilder()
        .setEndpointId("ep-ffffffffffffffff").build()), Status.Code.NOT_FOUND);
  }

  @Test
  void refreshInventory_onlineAndOfflineEndpoints_onlineOnesGetAnInventoryRequest() throws Exception {
    Collector<ServerHint> hints = new Collector<>();
    StreamObserver<AgentMessage> session = AgentServiceGrpc.newStub(server.channel(a)).session(hints);
    session.onNext(AgentMessage.newBuilder().setHello(Hello.newBuilder().setEndpointId(idA)).build());
    Await.until(() -> listed(idA).getOnline());

    RefreshInventoryResponse response = server.adminStub().refreshInventory(RefreshInventoryRequest.newBuilder()
        .addEndpointIds(idA).addEndpointIds(idB).build());

    assertThat(response.getRequested()).isEqualTo(1);
    assertThat(response.getOffline()).isEqualTo(1);
    // the session's first message is its SessionAccepted (the answer to Hello); the request comes after it
    Await.until(() -> hints.values().size() > 1);
    assertThat(hints.values().get(0).hasSessionAccepted()).isTrue();
    assertThat(hints.values().get(1).hasInventoryRequest()).isTrue();
    session.onCompleted();
    hints.await();
  }

  @Test
  void groupsAndCompliance_overGrpc_answeredAndSameAfterRestart() throws Exception {
    server.agentStub(a).reportInventory(AgentInventory.full(idA, FACTS));
    server.agentStub(b).reportInventory(AgentInventory.full(idB, Map.of("os.family", "debian",
        "hardware.memory_gb", 32.0, "software.hello.version", "0.9.0", "software.hello.source", "dpkg")));

    var group = server.adminStub().createGroup(CreateGroupRequest.newBuilder().setName("small")
        .setQuery("hardware.memory_gb < 8").setDescription("to upgrade").build());
    assertThat(group.getDynamic()).isTrue();
    assertThat(group.getMemberCount()).isEqualTo(1);
    assertThat(group.getCreatedBy()).isEqualTo(server.admin.subject());
    assertStatus(() -> server.adminStub().createGroup(CreateGroupRequest.newBuilder().setName("lab")
        .setQuery("os.family exists").build()), Status.Code.ALREADY_EXISTS);
    ListGroupsResponse groups = server.adminStub().listGroups(ListGroupsRequest.getDefaultInstance());
    assertThat(groups.getGroupsList()).extracting(g -> g.getName() + "=" + g.getMemberCount() + "/" + g.getDynamic())
        .containsExactly("lab=2/false", "small=1/true");
    var members = server.adminStub().getGroup(GetGroupRequest.newBuilder().setName("small").build());
    assertThat(members.getMembersList()).extracting(Endpoint::getEndpointId).containsExactly(idA);
    var compliance = server.adminStub().getCompliance(GetComplianceRequest.newBuilder().setPackage("hello")
        .setReleaseVersion("1.0.0").build());
    assertThat(compliance.getInstalled()).isEqualTo(2);
    assertThat(compliance.getCompliant()).isEqualTo(1);
    assertThat(compliance.getBehindList()).extracting(e -> e.getEndpointId()).containsExactly(idB);
    assertThat(compliance.getUnmanagedCount()).isEqualTo(2);
    EndpointInventory inventory = inventory(idA);

    server.restart();

    assertThat(server.adminStub().listGroups(ListGroupsRequest.getDefaultInstance())).isEqualTo(groups);
    assertThat(inventory(idA)).isEqualTo(inventory);
    assertThat(server.adminStub().getCompliance(GetComplianceRequest.newBuilder().setPackage("hello")
        .setReleaseVersion("1.0.0").build())).isEqualTo(compliance);
    assertThat(server.agentStub(a).reportInventory(AgentInventory.delta(idA, FACTS, changed()))
        .getFullReportRequired()).isFalse();
  }
}
