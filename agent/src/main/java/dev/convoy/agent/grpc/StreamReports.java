package dev.convoy.agent.grpc;

import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.ReportAck;
import dev.convoy.protocol.v1.StatusAck;
import dev.convoy.protocol.v1.StatusReport;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Status reports on the open Session stream (agent.proto, "Stream reports"), instead of one ReportStatus call each:
 * no HTTP/2 stream, headers and call set-up per report. Used only on a stream the server accepted for reports
 * ({@code SessionAccepted}), at most as many unacknowledged at once as it allowed. The answer is matched by the
 * report's (deployment, attempt, sequence); an error answer is the status ReportStatus would have failed with.
 * Whenever the stream cannot carry a report to its ack (no accepted stream, its window full, the same report already
 * waiting, the stream ended first), {@link #send} answers empty and the caller uses ReportStatus: reports are
 * idempotent, so one the server applied before the stream broke is answered {@code applied = false} then.
 *
 * <p>Thread-safe.
 */
public final class StreamReports {
  /** The agent's half of one open stream. */
  interface Sender {
    /** Sends {@code message}; false if the stream has ended. */
    boolean send(AgentMessage message);
  }

  private record Key(String deploymentId, int attempt, long sequence) {}

  /** The reports in flight on one accepted stream. */
  private static final class Window {
    final Sender sender;
    final Semaphore permits;
    final Map<Key, CompletableFuture<ReportAck>> pending = new ConcurrentHashMap<>();
    volatile boolean ended;

    Window(Sender sender, int maxInFlight) {
      this.sender = sender;
      this.permits = new Semaphore(maxInFlight);
    }

    void end() {
      ended = true;
      pending.values().forEach(answer -> answer.complete(null)); // null: lost with the stream
    }
  }

  private volatile Window window;

  /** The server accepted {@code sender}'s stream with this many reports in flight (0: none). */
  void accepted(Sender sender, int maxInFlight) {
    Window previous = window;
    window = maxInFlight > 0 ? new Window(sender, maxInFlight) : null;
    if (previous != null) {
      previous.end();
    }
  }

  /** {@code sender}'s stream ended: its reports still waiting go to ReportStatus. */
  void ended(Sender sender) {
    Window current = window;
    if (current != null && current.sender == sender) {
      window = null;
      current.end();
    }
  }

  /** An answer arrived on {@code sender}'s stream. */
  void acked(Sender sender, ReportAck ack) {
    Window current = window;
    if (current != null && current.sender == sender) {
      CompletableFuture<ReportAck> answer = current.pending.get(
          new Key(ack.getDeploymentId(), ack.getAttempt(), ack.getSequence()));
      if (answer != null) {
        answer.complete(ack);
      }
    }
  }

  /** Whether reports go on a stream now. */
  public boolean open() {
    return window != null;
  }

  /**
   * Sends {@code report} on the accepted stream, if any, and waits up to {@code timeout} for its answer.
   *
   * @return the ack; empty when the stream cannot carry it (see the class comment): send it with ReportStatus
   * @throws StatusRuntimeException the refusal the server answered (the status ReportStatus would have ended with);
   *     DEADLINE_EXCEEDED if no answer came within {@code timeout}; CANCELLED if interrupted (the flag stays set)
   */
  Optional<StatusAck> send(StatusReport report, Duration timeout) {
    Window current = window;
    if (current == null || !current.permits.tryAcquire()) {
      return Optional.empty();
    }
    Key key = new Key(report.getDeploymentId(), report.getAttempt(), report.getSequence());
    CompletableFuture<ReportAck> answer = new CompletableFuture<>();
    try {
      if (current.pending.putIfAbsent(key, answer) != null) {
        return Optional.empty();
      }
      try {
        if (current.ended || !current.sender.send(AgentMessage.newBuilder().setStatus(report).build())) {
          return Optional.empty();
        }
        return Optional.ofNullable(answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS)).map(StreamReports::result);
      } finally {
        current.pending.remove(key, answer);
      }
    } catch (TimeoutException e) {
      throw Status.DEADLINE_EXCEEDED.withDescription("no answer on the session within " + timeout.toMillis() + " ms")
          .asRuntimeException();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Status.CANCELLED.withDescription("interrupted while waiting for the answer").asRuntimeException();
    } catch (ExecutionException e) {
      throw new IllegalStateException("answers never fail", e);
    } finally {
      current.permits.release();
    }
  }

  private static StatusAck result(ReportAck ack) {
    if (ack.hasError()) {
      throw Status.fromCodeValue(ack.getError().getCode()).withDescription(ack.getError().getMessage())
          .asRuntimeException();
    }
    return ack.getAck();
  }
}
