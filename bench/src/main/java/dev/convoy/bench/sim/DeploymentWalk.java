package dev.convoy.bench.sim;

import com.google.protobuf.Timestamp;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DownloadChunk;
import dev.convoy.protocol.v1.DownloadRequest;
import dev.convoy.protocol.v1.StatusAck;
import dev.convoy.protocol.v1.StatusReport;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One deployment walked the way the agent walks it (ISSUE4 "Semantics"): OFFERED, NOTIFIED, DOWNLOADING (the
 * payload through the Download RPC), DOWNLOADED, then the INSTALLING report as the install permit, sent only after
 * every earlier report was acknowledged and asked again later on FAILED_PRECONDITION, then VERIFYING and SUCCEEDED or
 * FAILED (exit code 1) after the behaviour's install duration. UNINSTALL skips the download. Each report waits for
 * its acknowledgement (durable on the server) before the next; a report that fails otherwise is sent again, with the
 * same sequence, after a second. Reports go on the session stream like the agent's ({@link SimAgent#report}). Thread-safe by confinement: one step at a time.
 */
final class DeploymentWalk {
  private static final int MAX_TRIES = 60;
  private final SimAgent agent;
  private final DeploymentSpec spec;
  private long sequence;

  DeploymentWalk(SimAgent agent, DeploymentSpec spec) {
    this.agent = agent;
    this.spec = spec;
  }

  /** Walks the deployment to its end; completes then (also after a failure, which is counted). */
  CompletableFuture<Void> run() {
    boolean install = spec.getAction() != DeploymentAction.UNINSTALL;
    CompletableFuture<StatusAck> chain = report(DeploymentState.OFFERED)
        .thenCompose(ack -> report(DeploymentState.NOTIFIED))
        .thenApply(ack -> {
          if (ack.getApplied() || ack.getCurrentState() == DeploymentState.NOTIFIED) {
            agent.fleet().stats().notified(agent.index());
          }
          return ack;
        });
    if (install) {
      chain = chain.thenCompose(ack -> report(DeploymentState.DOWNLOADING))
          .thenCompose(ack -> agent.fleet().behaviour().download() ? timedDownload()
              : CompletableFuture.completedFuture(0L))
          .thenCompose(bytes -> report(DeploymentState.DOWNLOADED));
    }
    return chain.thenCompose(ack -> permit())
        .thenCompose(ack -> later(agent.fleet().behaviour().installDuration().toMillis()))
        .thenCompose(none -> report(DeploymentState.VERIFYING))
        .thenCompose(ack -> finish())
        .handle((ack, failure) -> {
          if (failure != null) {
            agent.fleet().stats().callFailures.incrementAndGet();
          }
          return null;
        });
  }

  private CompletableFuture<StatusAck> finish() {
    boolean success = ThreadLocalRandom.current().nextDouble() < agent.fleet().behaviour().successRate();
    return send(next(success ? DeploymentState.SUCCEEDED : DeploymentState.FAILED)
        .setExitCode(success ? 0 : 1).setDetail(success ? "" : "simulated failure").build(), 0)
        .thenApply(ack -> {
          agent.fleet().stats().finished(agent.index(), success);
          return ack;
        });
  }

  /** The INSTALLING report, synchronously: FAILED_PRECONDITION means not now, so ask again later. */
  private CompletableFuture<StatusAck> permit() {
    StatusReport report = next(DeploymentState.INSTALLING).build();
    CompletableFuture<StatusAck> result = new CompletableFuture<>();
    askPermit(report, result);
    return result;
  }

  private void askPermit(StatusReport report, CompletableFuture<StatusAck> result) {
    send(report, 0).whenComplete((ack, failure) -> {
      if (failure == null) {
        result.complete(ack);
      } else if (Unary.code(failure) == Status.Code.FAILED_PRECONDITION) {
        agent.fleet().stats().permitsRefused.incrementAndGet();
        agent.fleet().scheduler().schedule(() -> askPermit(report, result),
            agent.fleet().behaviour().permitRetry().toMillis(), TimeUnit.MILLISECONDS);
      } else {
        result.completeExceptionally(failure);
      }
    });
  }

  private CompletableFuture<StatusAck> report(DeploymentState state) {
    return send(next(state).build(), 0);
  }

  private StatusReport.Builder next(DeploymentState state) {
    Instant now = Instant.now();
    return StatusReport.newBuilder().setEndpointId(agent.endpointId()).setDeploymentId(spec.getDeploymentId())
        .setAttempt(spec.getAttempt()).setSequence(++sequence).setState(state)
        .setAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
  }

  private CompletableFuture<StatusAck> send(StatusReport report, int tries) {
    long start = System.nanoTime();
    return agent.report(report)
        .thenApply(ack -> {
          agent.fleet().stats().statusReports.record(System.nanoTime() - start);
          return ack;
        })
        .exceptionallyCompose(failure -> {
          Status.Code code = Unary.code(failure);
          if (code == Status.Code.FAILED_PRECONDITION || code == Status.Code.PERMISSION_DENIED
              || tries >= MAX_TRIES) {
            return CompletableFuture.failedFuture(failure);
          }
          return later(1000).thenCompose(none -> send(report, tries + 1));
        });
  }

  private CompletableFuture<Void> later(long millis) {
    if (millis <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    agent.fleet().scheduler().schedule(() -> done.complete(null), millis, TimeUnit.MILLISECONDS);
    return done;
  }

  private CompletableFuture<Long> timedDownload() {
    long start = System.nanoTime();
    AgentDownloads real = agent.fleet().agentDownloads();
    return (real != null ? real.fetch(agent, spec) : download(0)).thenApply(bytes -> {
      agent.fleet().stats().downloads.record(System.nanoTime() - start);
      return bytes;
    });
  }

  /** Fetches the payload from {@code offset}; resumes from the last whole chunk after a failure. */
  private CompletableFuture<Long> download(long offset) {
    CompletableFuture<Long> done = new CompletableFuture<>();
    long[] next = {offset};
    agent.stub.download(DownloadRequest.newBuilder().setEndpointId(agent.endpointId())
        .setDeploymentId(spec.getDeploymentId()).setOffset(offset).build(), new StreamObserver<DownloadChunk>() {
          @Override
          public void onNext(DownloadChunk chunk) {
            next[0] = chunk.getOffset() + chunk.getData().size();
            agent.fleet().stats().bytesDownloaded.addAndGet(chunk.getData().size());
          }

          @Override
          public void onError(Throwable t) {
            done.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            done.complete(next[0]);
          }
        });
    return done.exceptionallyCompose(failure -> next[0] >= spec.getRelease().getLength()
        ? CompletableFuture.completedFuture(next[0])
        : later(1000).thenCompose(none -> download(next[0] - next[0] % Math.max(1, spec.getRelease().getChunkSize()))));
  }
}
