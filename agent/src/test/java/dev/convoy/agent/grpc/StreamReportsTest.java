package dev.convoy.agent.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.convoy.agent.deployment.DeploymentState;
import dev.convoy.agent.deployment.ServerException;
import dev.convoy.agent.deployment.StatusAck;
import dev.convoy.agent.deployment.StatusReport;
import dev.convoy.agent.session.Hello;
import dev.convoy.agent.session.SessionChannel;
import dev.convoy.agent.session.SessionListener;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.InProcessAgentServer;
import dev.convoy.agent.testing.TestAgentService;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Status reports on the Session stream against a real in-process AgentService ({@link TestAgentService}): on the
 * stream once the server accepted it, with ReportStatus otherwise or when the stream ends before the answer, and a
 * refusal surfaces as the same exception either way.
 */
class StreamReportsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();

  private final TestAgentService server = new TestAgentService();
  private final StreamReports streamReports = new StreamReports();
  private ManagedChannel channel;
  private GrpcServerApi api;

  private SessionChannel openSession() {
    channel = channel != null ? channel : InProcessAgentServer.start(server, grpc);
    api = new GrpcServerApi(channel, "ep-1", Duration.ofSeconds(5), streamReports);
    SessionChannel session = new GrpcSessionConnector(channel, streamReports).open(new Hello("ep-1", "0.1.0", 0),
        new SessionListener() {
          @Override
          public void revisionReady(long revision) {
          }

          @Override
          public void inventoryRequested() {
          }

          @Override
          public void closed(Throwable cause) {
          }
        });
    grpc.register(session);
    return session;
  }

  private static StatusReport report(long sequence, DeploymentState state) {
    return new StatusReport("dep-1", 1, sequence, state, "", 0, "", Instant.parse("2026-11-29T10:00:00Z"), 0, 0);
  }

  @Test
  void report_sessionAccepted_goesOnTheSession() {
    server.acceptReportsOnSessions(4);
    openSession();
    server.await(streamReports::open, TIMEOUT);

    StatusAck first = api.report(report(1, DeploymentState.OFFERED));
    StatusAck second = api.report(report(2, DeploymentState.NOTIFIED));

    assertThat(first).isEqualTo(new StatusAck(true, DeploymentState.OFFERED, 1));
    assertThat(second).isEqualTo(new StatusAck(true, DeploymentState.NOTIFIED, 2));
    assertThat(server.sessionReports).extracting(r -> r.getSequence()).containsExactly(1L, 2L);
    assertThat(server.reports).hasSize(2);
    assertThat(server.sessionReports.get(0).getEndpointId()).isEqualTo("ep-1");
  }

  @Test
  void report_sessionNotAccepted_goesWithReportStatus() {
    openSession();
    server.await(() -> server.sessionsOpened.get() == 1 && !server.sessionMessages.isEmpty(), TIMEOUT);

    StatusAck ack = api.report(report(1, DeploymentState.OFFERED));

    assertThat(ack.applied()).isTrue();
    assertThat(streamReports.open()).isFalse();
    assertThat(server.sessionReports).isEmpty();
    assertThat(server.reports).hasSize(1);
  }

  @Test
  void report_sessionClosedByTheAgent_goesWithReportStatus() {
    server.acceptReportsOnSessions(4);
    SessionChannel session = openSession();
    server.await(streamReports::open, TIMEOUT);

    session.close();
    StatusAck ack = api.report(report(1, DeploymentState.OFFERED));

    assertThat(ack.applied()).isTrue();
    assertThat(streamReports.open()).isFalse();
    assertThat(server.sessionReports).isEmpty();
    assertThat(server.reports).hasSize(1);
  }

  @Test
  void report_sessionLostBeforeTheAck_resentWithReportStatusAndAnsweredNotApplied() {
    server.acceptReportsOnSessions(4);
    openSession();
    server.await(streamReports::open, TIMEOUT);
    server.loseSessionAcks();

    StatusAck ack = api.report(report(1, DeploymentState.OFFERED));

    // applied from the session, then the resend found it applied: nothing applied twice
    assertThat(ack).isEqualTo(new StatusAck(false, DeploymentState.OFFERED, 1));
    assertThat(server.sessionReports).hasSize(1);
    assertThat(server.reports).hasSize(2);
    assertThat(streamReports.open()).isFalse();
  }

  @Test
  void report_refusedOnTheSession_sameExceptionAsReportStatus() {
    server.refuseReports(1, Status.FAILED_PRECONDITION);
    channel = InProcessAgentServer.start(server, grpc);
    ServerException unary = catchThrowableOfType(ServerException.class, // no session yet: ReportStatus
        () -> new GrpcServerApi(channel, "ep-1", Duration.ofSeconds(5), streamReports)
            .report(report(1, DeploymentState.INSTALLING)));
    server.acceptReportsOnSessions(4);
    server.refuseReports(1, Status.FAILED_PRECONDITION);
    openSession();
    server.await(streamReports::open, TIMEOUT);

    ServerException onSession = catchThrowableOfType(ServerException.class,
        () -> api.report(report(1, DeploymentState.INSTALLING)));

    assertThat(server.sessionReports).hasSize(1);
    assertThat(server.reports).isEmpty(); // both refused
    assertThat(onSession.code()).isEqualTo(ServerException.Code.FAILED_PRECONDITION).isEqualTo(unary.code());
    assertThat(onSession.getMessage()).isEqualTo("ReportStatus: test refusal").isEqualTo(unary.getMessage());
    assertThat(onSession.retryable()).isFalse();
    assertThat(streamReports.open()).isTrue(); // a refusal is an answer: the session goes on
  }
}
