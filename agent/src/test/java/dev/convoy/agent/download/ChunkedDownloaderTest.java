package dev.convoy.agent.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.agent.deployment.ServerException;
import dev.convoy.agent.grpc.GrpcServerApi;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.InProcessAgentServer;
import dev.convoy.agent.testing.TestAgentService;
import dev.convoy.agent.testing.TestPayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against a real in-process AgentService implementation, through GrpcServerApi. */
class ChunkedDownloaderTest {
  private static final String DEPLOYMENT = "dep-1";
  private static final int CHUNK = 1024;

  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir
  Path dir;

  private final TestAgentService server = new TestAgentService();
  private final TestPayload payload = TestPayload.random(10 * CHUNK + 300, CHUNK, 11); // 11 chunks, the last short
  private ChunkedDownloader downloader;

  @BeforeEach
  void setUp() {
    server.serve(DEPLOYMENT, payload);
    GrpcServerApi api = new GrpcServerApi(InProcessAgentServer.start(server, grpc), "ep-1", Duration.ofSeconds(5));
    downloader = new ChunkedDownloader(dir.resolve("downloads"), api, RateLimiter.unlimited());
  }

  @Test
  void download_fresh_fetchesEverythingAndRenamesToPayload() throws Exception {
    DownloadResult result = downloader.download(DEPLOYMENT, payload.spec());

    assertThat(result.payload()).isEqualTo(dir.resolve("downloads/" + payload.sha256() + ".payload"));
    assertThat(Files.readAllBytes(result.payload())).isEqualTo(payload.bytes());
    assertThat(result.resumedFromOffset()).isZero();
    assertThat(result.fetchedBytes()).isEqualTo(payload.length());
    assertThat(server.servedBytes.get()).isEqualTo(payload.length());
    assertThat(downloader.partPath(payload.sha256())).doesNotExist();
  }

  @Test
  void download_partWithThreeGoodChunksAndGarbage_fetchesOnlyFromChunkThree() throws Exception {
    Path part = downloader.partPath(payload.sha256());
    Files.createDirectories(part.getParent());
    byte[] garbage = new byte[CHUNK + 100];
    Arrays.fill(garbage, (byte) 0x7f);
    Files.write(part, concat(Arrays.copyOf(payload.bytes(), 3 * CHUNK), garbage));

    DownloadResult result = downloader.download(DEPLOYMENT, payload.spec());

    assertThat(server.downloadOffsets).containsExactly(3L * CHUNK);
    assertThat(server.servedBytes.get()).isEqualTo(payload.length() - 3L * CHUNK);
    assertThat(result.resumedFromOffset()).isEqualTo(3L * CHUNK);
    assertThat(result.fetchedBytes()).isEqualTo(payload.length() - 3L * CHUNK);
    assertThat(Files.readAllBytes(result.payload())).isEqualTo(payload.bytes());
  }

  @Test
  void download_partWithACorruptMiddleChunk_resumesAtTheFirstBadChunk() throws Exception {
    Path part = downloader.partPath(payload.sha256());
    Files.createDirectories(part.getParent());
    byte[] prefix = Arrays.copyOf(payload.bytes(), 5 * CHUNK);
    prefix[2 * CHUNK + 10] ^= 1;
    Files.write(part, prefix);

    DownloadResult result = downloader.download(DEPLOYMENT, payload.spec());

    assertThat(result.resumedFromOffset()).isEqualTo(2L * CHUNK);
    assertThat(Files.readAllBytes(result.payload())).isEqualTo(payload.bytes());
  }

  @Test
  void download_streamCutShort_keepsTheVerifiedChunksForTheNextAttempt() throws Exception {
    server.cutNextDownloadAfter(4);

    assertThatThrownBy(() -> downloader.download(DEPLOYMENT, payload.spec()))
        .isInstanceOf(ServerException.class)
        .satisfies(e -> assertThat(((ServerException) e).retryable()).isTrue());
    assertThat(Files.size(downloader.partPath(payload.sha256()))).isEqualTo(4L * CHUNK);

    DownloadResult result = downloader.download(DEPLOYMENT, payload.spec());

    assertThat(server.downloadOffsets).containsExactly(0L, 4L * CHUNK);
    assertThat(result.resumedFromOffset()).isEqualTo(4L * CHUNK);
    assertThat(Files.readAllBytes(result.payload())).isEqualTo(payload.bytes());
  }

  @Test
  void download_tamperedChunk_isRefusedAndThePartialFileDeleted() {
    server.tamperChunk(6);

    assertThatThrownBy(() -> downloader.download(DEPLOYMENT, payload.spec()))
        .isInstanceOf(PayloadVerificationException.class)
        .hasMessageStartingWith("chunk 6 sha256: ");
    assertThat(downloader.partPath(payload.sha256())).doesNotExist();
    assertThat(downloader.payloadPath(payload.sha256())).doesNotExist();
  }

  @Test
  void download_serverSendsMoreThanTheDeclaredLength_isRefused() {
    server.sendBeyondLength();

    assertThatThrownBy(() -> downloader.download(DEPLOYMENT, payload.spec()))
        .isInstanceOf(PayloadVerificationException.class)
        .hasMessageContaining("would go beyond the declared length " + payload.length());
    assertThat(downloader.partPath(payload.sha256())).doesNotExist();
    assertThat(downloader.payloadPath(payload.sha256())).doesNotExist();
  }

  @Test
  void download_manifestWithWrongWholeHash_isRefusedAfterTheLastChunk() {
    PayloadSpec lying = new PayloadSpec("0".repeat(64), payload.length(), CHUNK, payload.chunkSha256());

    assertThatThrownBy(() -> downloader.download(DEPLOYMENT, lying))
        .isInstanceOf(PayloadVerificationException.class)
        .hasMessage("payload sha256: " + payload.sha256() + " (expected: " + "0".repeat(64) + ")");
    assertThat(downloader.partPath("0".repeat(64))).doesNotExist();
  }

  @Test
  void download_payloadAlreadyVerified_fetchesNothing() throws Exception {
    downloader.download(DEPLOYMENT, payload.spec());
    server.servedBytes.set(0);

    DownloadResult again = downloader.download(DEPLOYMENT, payload.spec());

    assertThat(again.fetchedBytes()).isZero();
    assertThat(server.servedBytes.get()).isZero();
    assertThat(Files.readAllBytes(again.payload())).isEqualTo(payload.bytes());
  }

  @Test
  void download_rateLimited_pacesByTheDeclaredRate() throws Exception {
    long[] clock = {0};
    long[] slept = {0};
    RateLimiter limiter = RateLimiter.of(4 * CHUNK, () -> clock[0], d -> {
      slept[0] += d.toNanos();
      clock[0] += d.toNanos();
    });
    ChunkedDownloader slow = new ChunkedDownloader(dir.resolve("slow"),
        new GrpcServerApi(InProcessAgentServer.start(server, grpc), "ep-1", Duration.ofSeconds(5)), limiter);

    slow.download(DEPLOYMENT, payload.spec());

    // 10.3 KiB at 4 KiB/s with a one-second (4 KiB) burst: about 1.6 s of waiting.
    assertThat(Duration.ofNanos(slept[0])).isBetween(Duration.ofMillis(1500), Duration.ofMillis(1700));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] result = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, result, a.length, b.length);
    return result;
  }
}
