package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.ListReleasesRequest;
import dev.convoy.protocol.v1.PublishHeader;
import dev.convoy.protocol.v1.PublishReleaseRequest;
import dev.convoy.protocol.v1.Release;
import dev.convoy.server.testing.Collector;
import dev.convoy.server.testing.TestServer;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishReleaseTest {
  @TempDir Path dir;
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Publishes over gRPC: the header, then {@code bytes} in 3000-byte messages. */
  static Release publish(TestServer server, PublishHeader header, byte[] bytes) {
    Collector<Release> response = new Collector<>();
    StreamObserver<PublishReleaseRequest> requests = AdminServiceGrpc.newStub(server.channel(server.admin))
        .publishRelease(response);
    requests.onNext(PublishReleaseRequest.newBuilder().setHeader(header).build());
    for (int offset = 0; offset < bytes.length; offset += 3000) {
      requests.onNext(PublishReleaseRequest.newBuilder()
          .setData(ByteString.copyFrom(bytes, offset, Math.min(3000, bytes.length - offset))).build());
    }
    requests.onCompleted();
    return response.await().get(0);
  }

  static PublishHeader header(String name, String version, byte[] bytes) throws Exception {
    return PublishHeader.newBuilder().setName(name).setVersion(version).setInstaller("archive")
        .setArchiveFormat("tar.gz").setSha256(sha256(bytes)).setLength(bytes.length).build();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private List<Path> contentFiles() throws Exception {
    try (Stream<Path> files = Files.walk(dir.resolve("content"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void publishRelease_valid_releaseWithChunksAndPublisher() throws Exception {
    byte[] bytes = new byte[10_000];
    new Random(1).nextBytes(bytes);

    Release release = publish(server, header("hello", "1.0.0", bytes), bytes);

    assertThat(release.getName()).isEqualTo("hello");
    assertThat(release.getSha256()).isEqualTo(sha256(bytes));
    assertThat(release.getChunkSize()).isEqualTo(4096);
    assertThat(release.getChunkSha256List()).hasSize(3);
    assertThat(release.getPublishedBy()).isEqualTo("CN=admin,OU=person,O=Convoy");
    assertThat(server.adminStub().listReleases(ListReleasesRequest.getDefaultInstance()).getReleasesList())
        .containsExactly(release.toBuilder().clearChunkSha256().build()); // listings omit the chunk hashes
  }

  @Test
  void publishRelease_wrongSha256_invalidArgumentAndNothingLeft() throws Exception {
    byte[] bytes = new byte[5000];
    PublishHeader header = header("hello", "1.0.0", bytes).toBuilder().setSha256("00".repeat(32)).build();

    String message = assertStatus(() -> publish(server, header, bytes), Status.Code.INVALID_ARGUMENT);

    assertThat(message).startsWith("sha256: declared " + "00".repeat(32) + ", payload has ");
    assertThat(contentFiles()).isEmpty();
    assertThat(server.adminStub().listReleases(ListReleasesRequest.getDefaultInstance()).getReleasesCount())
        .isZero();
  }

  @Test
  void publishRelease_tooLong_invalidArgument() throws Exception {
    byte[] bytes = new byte[9000];
    PublishHeader header = header("hello", "1.0.0", bytes).toBuilder().setLength(4000).build();

    String message = assertStatus(() -> publish(server, header, bytes), Status.Code.INVALID_ARGUMENT);

    assertThat(message).isEqualTo("length: declared 4000 bytes, payload has more (at least 6000)");
    assertThat(contentFiles()).isEmpty();
  }

  @Test
  void publishRelease_dataBeforeHeaderOrNoHeader_invalidArgument() {
    Collector<Release> response = new Collector<>();
    StreamObserver<PublishReleaseRequest> requests = AdminServiceGrpc.newStub(server.channel(server.admin))
        .publishRelease(response);
    requests.onNext(PublishReleaseRequest.newBuilder().setData(ByteString.copyFromUtf8("x")).build());
    requests.onCompleted();
    assertThat(assertStatus(response::await, Status.Code.INVALID_ARGUMENT))
        .isEqualTo("data: before the header (expected: the header first)");

    Collector<Release> empty = new Collector<>();
    AdminServiceGrpc.newStub(server.channel(server.admin)).publishRelease(empty).onCompleted();
    assertThat(assertStatus(empty::await, Status.Code.INVALID_ARGUMENT)).startsWith("header: missing");
  }

  @Test
  void publishRelease_sameVersionOtherContent_alreadyExists() throws Exception {
    byte[] first = {1, 2, 3};
    byte[] second = {4, 5, 6};
    publish(server, header("hello", "1.0.0", first), first);

    String message = assertStatus(() -> publish(server, header("hello", "1.0.0", second), second),
        Status.Code.ALREADY_EXISTS);

    assertThat(message).startsWith("release: hello@1.0.0 exists already");
  }
}
