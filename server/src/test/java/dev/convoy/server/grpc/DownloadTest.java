package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DownloadChunk;
import dev.convoy.protocol.v1.DownloadRequest;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.SyncRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest {
  static final int CHUNK = 4096;
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private Identity a;
  private byte[] payload;
  private String deploymentId;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(CHUNK));
    a = server.enroll("lab", "pc-a");
    SignedPublisher publisher = SignedPublisher.trusted(server, work);
    payload = publisher.build("hello", "1.0.0", CHUNK * 40, b -> { }); // a signed release file of 41+ chunks
    publisher.publishFile(payload);
    var admin = server.adminStub();
    String campaign = admin.createCampaign(CreateCampaignRequest.newBuilder().setPilot(true).setReleaseName("hello")
        .setReleaseVersion("1.0.0").setTargets(Targets.newBuilder().setAll(true)).build()).getCampaignId();
    admin.startCampaign(StartCampaignRequest.newBuilder().setCampaignId(campaign).build());
    deploymentId = server.agentStub(a).sync(SyncRequest.newBuilder().setEndpointId(TestServer.endpointId(a))
        .build()).getDeployments(0).getDeploymentId();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<DownloadChunk> download(long offset) {
    Iterator<DownloadChunk> chunks = server.agentStub(a).download(DownloadRequest.newBuilder()
        .setEndpointId(TestServer.endpointId(a)).setDeploymentId(deploymentId).setOffset(offset).build());
    List<DownloadChunk> all = new ArrayList<>();
    chunks.forEachRemaining(all::add);
    return all;
  }

  private static byte[] join(List<DownloadChunk> chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    chunks.forEach(c -> out.writeBytes(c.getData().toByteArray()));
    return out.toByteArray();
  }

  @Test
  void download_fromZero_wholePayloadInChunkAlignedMessages() {
    List<DownloadChunk> chunks = download(0);

    int last = (payload.length - 1) / CHUNK;
    assertThat(chunks).hasSize(last + 1).hasSizeGreaterThan(40);
    for (int i = 0; i < chunks.size(); i++) {
      assertThat(chunks.get(i).getOffset()).isEqualTo((long) i * CHUNK);
      assertThat(chunks.get(i).getData().size()).isEqualTo(Math.min(CHUNK, payload.length - i * CHUNK));
    }
    assertThat(join(chunks)).isEqualTo(payload);
  }

  @Test
  void download_fromAMiddleChunk_theRestOfThePayload() {
    List<DownloadChunk> chunks = download(CHUNK * 17L);

    assertThat(chunks.get(0).getOffset()).isEqualTo(CHUNK * 17L);
    assertThat(join(chunks)).isEqualTo(Arrays.copyOfRange(payload, CHUNK * 17, payload.length));
  }

  @Test
  void download_badOffsets_invalidArgument() {
    long beyond = ((payload.length - 1) / CHUNK + 1L) * CHUNK;
    for (long offset : new long[] {1, -CHUNK, beyond, payload.length, CHUNK + 1}) {
      String message = assertStatus(() -> download(offset), Status.Code.INVALID_ARGUMENT);
      assertThat(message).isEqualTo("offset: " + offset + " (expected: a multiple of chunk_size " + CHUNK
          + " below length " + payload.length + ")");
    }
  }

  @Test
  void download_fourAtOnce_eachTheWholePayload() throws Exception {
    java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<byte[]>> downloads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        downloads.add(clients.submit(() -> join(download(0))));
      }
      for (var download : downloads) {
        assertThat(download.get()).isEqualTo(payload);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void download_payloadTruncatedOnDisk_internalBeforeAnyChunk() throws Exception {
    String sha256 = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(payload));
    Path stored = new dev.convoy.server.DataDirectory(dir).content().resolve("sha256")
        .resolve(sha256.substring(0, 2)).resolve(sha256);
    try (var file = new java.io.RandomAccessFile(stored.toFile(), "rw")) {
      file.setLength(payload.length - 1);
    }

    Iterator<DownloadChunk> chunks = server.agentStub(a).download(DownloadRequest.newBuilder()
        .setEndpointId(TestServer.endpointId(a)).setDeploymentId(deploymentId).build());
    String message = assertStatus(chunks::hasNext, Status.Code.INTERNAL); // not one chunk first

    assertThat(message).startsWith("internal error (incident "); // the server log names the short payload
  }

  @Test
  void download_unknownDeployment_permissionDenied() {
    assertStatus(() -> server.agentStub(a).download(DownloadRequest.newBuilder()
        .setEndpointId(TestServer.endpointId(a)).setDeploymentId("dep-0000000000000000").build()).hasNext(),
        Status.Code.PERMISSION_DENIED);
  }
}
