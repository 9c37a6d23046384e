package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.Hello;
import dev.convoy.protocol.v1.ReportAck;
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
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status reports on the Session stream against a real server (loopback mTLS, RocksDB in a temp dir): applied by the
 * same code as ReportStatus, acknowledged once durable, refusals answered with the unary call's status while the
 * session stays open.
 */
class SessionReportsTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private Identity a;
  private Identity b;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    a = server.enroll("lab", "pc-a");
    b = server.enroll("lab", "pc-b");
    SignedPublisher.trusted(server, work).publish("hello", "1.0.0", 10_000, release -> { });
    var draft = server.adminStub().createCampaign(CreateCampaignRequest.newBuilder().setPilot(true)
        .setReleaseName("hello").setReleaseVersion("1.0.0").setTargets(Targets.newBuilder().addGroups("lab")).build());
    server.adminStub().startCampaign(StartCampaignRequest.newBuilder().setCampaignId(draft.getCampaignId()).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** One agent's open session, greeted and accepted. */
  private final class Session {
    final Collector<ServerHint> hints = new Collector<>();
    final StreamObserver<AgentMessage> out;

    Session(Identity identity) throws InterruptedException {
      out = AgentServiceGrpc.newStub(server.channel(identity)).session(hints);
      out.onNext(AgentMessage.newBuilder().setHello(Hello.newBuilder().setEndpointId(id(identity))).build());
      Await.until(() -> hints.values().stream().anyMatch(ServerHint::hasSessionAccepted));
    }

    ReportAck send(StatusReport report) throws InterruptedException {
      long before = acks().count();
      out.onNext(AgentMessage.newBuilder().setStatus(report).build());
      Await.until(() -> acks().count() > before);
      return acks().reduce((x, y) -> y).orElseThrow();
    }

    java.util.stream.Stream<ReportAck> acks() {
      return hints.values().stream().filter(ServerHint::hasReportAck).map(ServerHint::getReportAck);
    }
  }

  private static String id(Identity identity) {
    return TestServer.endpointId(identity);
  }

  private DeploymentSpec only(Identity endpoint) {
    return server.agentStub(endpoint).sync(SyncRequest.newBuilder().setEndpointId(id(endpoint)).build())
        .getDeployments(0);
  }

  private static StatusReport.Builder report(Identity endpoint, DeploymentSpec spec, long sequence,
      DeploymentState state) {
    return StatusReport.newBuilder().setEndpointId(id(endpoint)).setDeploymentId(spec.getDeploymentId())
        .setAttempt(spec.getAttempt()).setSequence(sequence).setState(state);
  }

  private static Optional<String> error(ReportAck ack, Status.Code code) {
    assertThat(ack.hasError()).as("error ack expected: %s", ack).isTrue();
    assertThat(ack.getError().getCode()).isEqualTo(code.value());
    return Optional.of(ack.getError().getMessage());
  }

  @Test
  void session_hello_acceptedFirstWithTheWindow() throws Exception {
    Session session = new Session(a);

    assertThat(session.hints.values().get(0).getSessionAccepted().getMaxReportsInFlight())
        .isEqualTo(SessionReports.MAX_IN_FLIGHT);
  }

  @Test
  void status_onSession_ackedWithWhatTheStoreHoldsAndDurable() throws Exception {
    DeploymentSpec spec = only(a);
    Session session = new Session(a);

    ReportAck ack = session.send(report(a, spec, 1, DeploymentState.OFFERED).build());
    ReportAck second = session.send(report(a, spec, 2, DeploymentState.NOTIFIED).build());

    assertThat(ack.getDeploymentId()).isEqualTo(spec.getDeploymentId());
    assertThat(ack.getAttempt()).isEqualTo(1);
    assertThat(ack.getSequence()).isEqualTo(1);
    assertThat(ack.getAck()).isEqualTo(StatusAck.newBuilder().setApplied(true)
        .setCurrentState(DeploymentState.OFFERED).setCurrentSequence(1).build());
    assertThat(second.getAck().getCurrentState()).isEqualTo(DeploymentState.NOTIFIED);
    // what the ack says is what a fresh read of the store says, also after a restart (the batch was synced)
    assertThat(only(a).getServerState()).isEqualTo(DeploymentState.NOTIFIED);
    server.restart();
    assertThat(only(a).getServerState()).isEqualTo(DeploymentState.NOTIFIED);
  }

  @Test
  void status_resentOnSessionOrUnary_answeredNotApplied() throws Exception {
    DeploymentSpec spec = only(a);
    Session session = new Session(a);
    StatusReport offered = report(a, spec, 1, DeploymentState.OFFERED).setDetail("first").build();
    assertThat(session.send(offered).getAck().getApplied()).isTrue();

    // the ack was lost: the agent sends the same report again, on the session or with ReportStatus
    ReportAck again = session.send(offered);
    StatusAck unary = server.agentStub(a).reportStatus(offered);
    ReportAck onNewSession = new Session(a).send(offered);

    assertThat(again.getAck()).isEqualTo(StatusAck.newBuilder().setApplied(false)
        .setCurrentState(DeploymentState.OFFERED).setCurrentSequence(1).build());
    assertThat(unary).isEqualTo(again.getAck());
    assertThat(onNewSession.getAck()).isEqualTo(again.getAck());
  }

  @Test
  void status_namingAnotherEndpointOrItsDeployment_permissionDeniedAndSessionStaysUsable() throws Exception {
    DeploymentSpec mine = only(a);
    DeploymentSpec theirs = only(b);
    Session session = new Session(a);

    ReportAck asB = session.send(report(b, theirs, 1, DeploymentState.FAILED).build());
    ReportAck forB = session.send(report(a, theirs, 1, DeploymentState.FAILED).build());
    ReportAck own = session.send(report(a, mine, 1, DeploymentState.OFFERED).build());

    assertThat(error(asB, Status.Code.PERMISSION_DENIED)).hasValue(
        "endpoint_id: " + id(b) + " is not the caller (" + id(a) + ")");
    assertThat(asB.getDeploymentId()).isEqualTo(theirs.getDeploymentId());
    assertThat(error(forB, Status.Code.PERMISSION_DENIED)).hasValue(
        "deployment_id: " + theirs.getDeploymentId() + " is not a deployment of endpoint " + id(a));
    assertThat(own.getAck().getApplied()).isTrue();
    assertThat(only(b).getServerState()).isEqualTo(DeploymentState.PENDING);
    assertThat(session.hints.isDone()).isFalse();
  }

  @Test
  void status_malformedOrIllegal_sameRefusalAsReportStatusAndSessionStaysUsable() throws Exception {
    DeploymentSpec spec = only(a);
    Session session = new Session(a);
    var agent = server.agentStub(a);
    StatusReport noSequence = report(a, spec, 0, DeploymentState.OFFERED).build();
    StatusReport noState = report(a, spec, 1, DeploymentState.DEPLOYMENT_STATE_UNSPECIFIED).build();
    StatusReport noEndpoint = report(a, spec, 1, DeploymentState.OFFERED).setEndpointId("").build();
    StatusReport badId = report(a, spec, 1, DeploymentState.OFFERED).setDeploymentId("nonsense").build();
    StatusReport tooEarly = report(a, spec, 1, DeploymentState.VERIFYING).build();

    assertThat(error(session.send(noSequence), Status.Code.INVALID_ARGUMENT))
        .hasValue("sequence: 0 (expected: >= 1)")
        .hasValue(assertStatus(() -> agent.reportStatus(noSequence), Status.Code.INVALID_ARGUMENT));
    assertThat(error(session.send(noState), Status.Code.INVALID_ARGUMENT).orElseThrow())
        .startsWith("state: DEPLOYMENT_STATE_UNSPECIFIED (expected:");
    assertThat(error(session.send(noEndpoint), Status.Code.INVALID_ARGUMENT).orElseThrow())
        .startsWith("endpoint_id: empty");
    assertThat(error(session.send(badId), Status.Code.INVALID_ARGUMENT).orElseThrow())
        .startsWith("deployment_id: 'nonsense'");
    assertThat(error(session.send(tooEarly), Status.Code.FAILED_PRECONDITION))
        .hasValue(assertStatus(() -> agent.reportStatus(tooEarly), Status.Code.FAILED_PRECONDITION));
    assertThat(session.send(report(a, spec, 1, DeploymentState.OFFERED).build()).getAck().getApplied()).isTrue();
    assertThat(session.hints.isDone()).isFalse();
  }

  @Test
  void status_beforeHello_failedPreconditionAndTheSessionGoesOn() throws Exception {
    DeploymentSpec spec = only(a);
    Collector<ServerHint> hints = new Collector<>();
    StreamObserver<AgentMessage> out = AgentServiceGrpc.newStub(server.channel(a)).session(hints);

    out.onNext(AgentMessage.newBuilder().setStatus(report(a, spec, 1, DeploymentState.OFFERED)).build());
    out.onNext(AgentMessage.newBuilder().setHello(Hello.newBuilder().setEndpointId(id(a))).build());
    Await.until(() -> hints.values().size() >= 2);

    assertThat(hints.values().get(0).getReportAck().getError().getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION.value());
    assertThat(hints.values().get(1).hasSessionAccepted()).isTrue();
    assertThat(only(a).getServerState()).isEqualTo(DeploymentState.PENDING);
  }
}
