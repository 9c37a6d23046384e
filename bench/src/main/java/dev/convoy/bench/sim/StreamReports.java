package dev.convoy.bench.sim;

import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.ReportAck;
import dev.convoy.protocol.v1.StatusAck;
import dev.convoy.protocol.v1.StatusReport;
import io.grpc.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * One simulated agent's status reports on its Session stream, as {@code convoy-agent}'s {@code StreamReports} sends
 * them: only on a stream the server accepted for reports ({@code SessionAccepted}), at most as many unacknowledged as
 * it allowed, each answered by a {@code ReportAck} matched by (deployment, attempt, sequence). Whenever the stream
 * cannot carry a report to its answer (none accepted, window full, the stream ended first), the report goes with
 * ReportStatus instead, as the agent does. Thread-safe.
 */
final class StreamReports {
  private record Key(String deploymentId, int attempt, long sequence) {}

  private final Map<Key, CompletableFuture<ReportAck>> pending = new HashMap<>(); // guarded by this
  private long generation = -1;  // the accepted stream's, -1: none
  private int window;
  private Predicate<AgentMessage> sender;

  /** Stream {@code which} was accepted with {@code max} reports in flight; {@code sender} sends on it. */
  synchronized void accepted(long which, int max, Predicate<AgentMessage> sender) {
    endPending();
    generation = max > 0 ? which : -1;
    window = max;
    this.sender = sender;
  }

  /** Stream {@code which} ended: the reports waiting on it go with ReportStatus. */
  synchronized void ended(long which) {
    if (which == generation) {
      generation = -1;
      endPending();
    }
  }

  private void endPending() {
    List<CompletableFuture<ReportAck>> lost = List.copyOf(pending.values());
    pending.clear();
    lost.forEach(answer -> answer.complete(null));
  }

  void acked(long which, ReportAck ack) {
    CompletableFuture<ReportAck> answer;
    synchronized (this) {
      answer = which == generation
          ? pending.remove(new Key(ack.getDeploymentId(), ack.getAttempt(), ack.getSequence())) : null;
    }
    if (answer != null) {
      answer.complete(ack);
    }
  }

  /**
   * Sends {@code report} on the accepted stream; the future completes with its ack, exceptionally with the status of
   * a refusal, or with null when the stream ended first. Null (no future) when the stream cannot take it now.
   */
  CompletableFuture<StatusAck> send(StatusReport report) {
    Key key = new Key(report.getDeploymentId(), report.getAttempt(), report.getSequence());
    CompletableFuture<ReportAck> answer = new CompletableFuture<>();
    synchronized (this) {
      if (generation < 0 || pending.size() >= window || pending.containsKey(key)) {
        return null;
      }
      pending.put(key, answer);
      if (!sender.test(AgentMessage.newBuilder().setStatus(report).build())) {
        pending.remove(key);
        return null;
      }
    }
    return answer.thenApply(ack -> {
      if (ack != null && ack.hasError()) {
        throw Status.fromCodeValue(ack.getError().getCode()).withDescription(ack.getError().getMessage())
            .asRuntimeException();
      }
      return ack == null ? null : ack.getAck();
    });
  }
}
