package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.ReportAck;
import dev.convoy.protocol.v1.ReportError;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import io.grpc.Status;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Status reports sent on agents' Session streams (agent.proto, "Stream reports"). Each is checked to name the
 * session's endpoint (the identity of the session's client certificate; nothing in the message can change it), then
 * applied by {@link StatusReports}, the very code of the unary {@code ReportStatus}, on the executor (it blocks
 * until its synced batch is written, and the stream's messages must not wait behind it), and answered with a
 * {@code ReportAck}: the {@code StatusAck} once durable, or the status ReportStatus would have failed with. A refusal
 * is an answer, not the end of the session.
 *
 * <p>The bound: a session requests its next inbound message only once a report is answered (manual flow control,
 * {@link AgentSession}), so at most {@link #MAX_IN_FLIGHT} reports of one agent are being applied or waiting to be
 * sent back at once; what an agent sends beyond that waits in HTTP/2 flow control, not in the server's memory.
 *
 * <p>Stateless and thread-safe.
 */
final class SessionReports {
  /**
   * Reports of one session applied at once. An agent walks its deployments one after another, so it rarely has more
   * than one or two in flight; eight leave room for a burst while keeping what one agent can park on the call
   * executor (each report holds a thread through its fsync) small.
   */
  static final int MAX_IN_FLIGHT = 8;
  private static final Logger logger = LoggerFactory.getLogger(SessionReports.class);

  /** Applies one report for its authenticated caller and answers once durable: {@link StatusReports#apply}. */
  @FunctionalInterface
  interface Applier {
    dev.convoy.protocol.v1.StatusAck apply(String caller, StatusReport report);
  }

  private final Applier reports;
  private final Executor executor;

  /** @param executor runs {@code reports}; it blocks each of its threads until the report is durable */
  SessionReports(Applier reports, Executor executor) {
    this.reports = reports;
    this.executor = executor;
  }

  /**
   * The reports of one session: {@code open} says whether it is still open, {@code answer} receives each ReportAck
   * (on any thread).
   */
  Stream stream(String endpointId, BooleanSupplier open, Consumer<ServerHint> answer) {
    return new Stream(endpointId, open, answer);
  }

  /**
   * One session's reports. Those of one deployment are applied one after another in the order the stream carried
   * them (an agent that sends sequence 2 before 1 is answered is not made stale by 2 overtaking it), those of
   * different deployments at once. Thread-safe.
   */
  final class Stream {
    private final String endpointId;
    private final BooleanSupplier open;
    private final Consumer<ServerHint> answer;
    /** Deployments with a report being applied, and the reports of each waiting behind it. Guarded by itself. */
    private final Map<String, ArrayDeque<StatusReport>> busy = new HashMap<>();

    private Stream(String endpointId, BooleanSupplier open, Consumer<ServerHint> answer) {
      this.endpointId = endpointId;
      this.open = open;
      this.answer = answer;
    }

    /**
     * Applies {@code report}, later, unless the session ended meanwhile (then nothing is applied and nothing
     * answered: the agent sends it again); a report naming another endpoint is refused at once.
     */
    void accept(StatusReport report) {
      try {
        AgentGrpcService.requireCaller(endpointId, "endpoint_id", report.getEndpointId());
      } catch (RuntimeException e) {
        answer.accept(refused(endpointId, report, e));
        return;
      }
      synchronized (busy) {
        ArrayDeque<StatusReport> waiting = busy.get(report.getDeploymentId());
        if (waiting != null) {
          waiting.add(report);
          return;
        }
        busy.put(report.getDeploymentId(), new ArrayDeque<>());
      }
      dispatch(report);
    }

    private void dispatch(StatusReport report) {
      try {
        executor.execute(() -> run(report));
      } catch (RejectedExecutionException e) {
        answer.accept(refused(endpointId, report,
            new ConvoyException(ErrorCode.UNAVAILABLE, "server is shutting down")));
        next(report.getDeploymentId());
      }
    }

    private void run(StatusReport report) {
      try {
        if (open.getAsBoolean()) {
          answer.accept(applied(endpointId, report));
        }
      } finally {
        next(report.getDeploymentId());
      }
    }

    private void next(String deploymentId) {
      StatusReport following;
      synchronized (busy) {
        ArrayDeque<StatusReport> waiting = busy.get(deploymentId);
        following = waiting.poll();
        if (following == null) {
          busy.remove(deploymentId);
        }
      }
      if (following != null) {
        dispatch(following);
      }
    }
  }

  private ServerHint applied(String caller, StatusReport report) {
    try {
      return hint(correlated(report).setAck(reports.apply(caller, report)));
    } catch (RuntimeException e) {
      return refused(caller, report, e);
    }
  }

  /** The ReportAck refusing {@code report} with the status the unary call would have ended with. */
  static ServerHint refused(String endpointId, StatusReport report, Throwable failure) {
    Status status = StatusMapper.toStatus(failure);
    if (status.getCode() == Status.Code.PERMISSION_DENIED) {
      // as GrpcCalls.fail logs it for unary calls: an agent naming another's state is a bug or an attack
      logger.warn("request refused caller={} call=Session/status reason={}", endpointId, status.getDescription());
    }
    return hint(correlated(report).setError(ReportError.newBuilder().setCode(status.getCode().value())
        .setMessage(status.getDescription() == null ? status.getCode().name() : status.getDescription())));
  }

  private static ReportAck.Builder correlated(StatusReport report) {
    return ReportAck.newBuilder().setDeploymentId(report.getDeploymentId()).setAttempt(report.getAttempt())
        .setSequence(report.getSequence());
  }

  private static ServerHint hint(ReportAck.Builder ack) {
    return ServerHint.newBuilder().setReportAck(ack).build();
  }
}
