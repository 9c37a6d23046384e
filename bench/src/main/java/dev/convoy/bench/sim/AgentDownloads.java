package dev.convoy.bench.sim;

import dev.convoy.agent.download.ChunkedDownloader;
import dev.convoy.agent.download.DownloadResult;
import dev.convoy.agent.download.PayloadSpec;
import dev.convoy.agent.download.RateLimiter;
import dev.convoy.agent.grpc.GrpcServerApi;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.Release;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Payload downloads through the real agent's code instead of the simulator's byte counter: {@link GrpcServerApi}'s
 * blocking Download stream on the simulated agent's channel, into {@link ChunkedDownloader} (each chunk checked
 * against its SHA-256, written with a FileChannel, the whole payload hashed, forced to disk and renamed), one
 * thread per download as in the agent. For the download benchmark, where the client must do what an agent does;
 * the verified file is deleted afterwards so that a run does not fill the disk. Thread-safe.
 */
public final class AgentDownloads implements AutoCloseable {
  private final Path root;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "sim-agent-download");
    thread.setDaemon(true);
    return thread;
  });

  /** @param root a directory of its own; each agent downloads into {@code root/<endpoint id>} */
  public AgentDownloads(Path root) {
    this.root = root;
  }

  /** Downloads and verifies {@code spec}'s payload as {@code agent}; completes with the verified length. */
  CompletableFuture<Long> fetch(SimAgent agent, DeploymentSpec spec) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        GrpcServerApi api = new GrpcServerApi(agent.channel(), agent.endpointId(), GrpcServerApi.CALL_TIMEOUT);
        ChunkedDownloader downloader = new ChunkedDownloader(root.resolve(agent.endpointId()), api,
            RateLimiter.unlimited());
        DownloadResult result = downloader.download(spec.getDeploymentId(), payloadSpec(spec.getRelease()));
        Files.delete(result.payload());
        return spec.getRelease().getLength();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, threads);
  }

  private static PayloadSpec payloadSpec(Release release) {
    return new PayloadSpec(release.getSha256(), release.getLength(), release.getChunkSize(),
        release.getChunkSha256List());
  }

  /**
   * CPU time one thread spends on the agent's verification of {@code bytes} bytes in {@code chunkSize} chunks:
   * SHA-256 of each chunk and of the whole, as {@code ChunkWriter} does. Measured here, after a warm-up, so that it
   * can be reported beside the throughput (curl does not hash).
   */
  public static Duration hashCost(long bytes, int chunkSize) {
    ByteBuffer chunk = ByteBuffer.allocate(chunkSize);
    ThreadLocalRandom.current().nextBytes(chunk.array());
    for (int warm = 0; warm < 2; warm++) {
      hash(chunk, 64L * chunkSize);
    }
    var bean = ManagementFactory.getThreadMXBean();
    long start = bean.getCurrentThreadCpuTime();
    hash(chunk, bytes);
    return Duration.ofNanos(bean.getCurrentThreadCpuTime() - start);
  }

  private static void hash(ByteBuffer chunk, long bytes) {
    try {
      MessageDigest whole = MessageDigest.getInstance("SHA-256");
      for (long done = 0; done < bytes; done += chunk.capacity()) {
        MessageDigest.getInstance("SHA-256").digest(chunk.array());
        whole.update(chunk.array());
      }
      whole.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
