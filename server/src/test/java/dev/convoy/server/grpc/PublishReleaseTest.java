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
import dev.convoy.server.testing.SignedPublisher;
import dev.convoy.server.testing.TestServer;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PublishRelease stream itself: chunking, declared length and hash, ordering, and the retired unsigned upload. */
class PublishReleaseTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private SignedPublisher publisher;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    publisher = SignedPublisher.trusted(server, work);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<Path> contentFiles() throws Exception {
    try (Stream<Path> files = Files.walk(dir.resolve("content"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private void assertNothingStored() throws Exception {
    SignedPublisher.assertNothingStored(server);
  }

  private Release upload(PublishHeader header, byte[] bytes) {
    return SignedPublisher.upload(server, header, bytes);
  }

  @Test
  void publishRelease_valid_releaseWithChunksAndPublisher() throws Exception {
    byte[] file = publisher.build("hello", "1.0.0", 10_000, b -> { });

    Release release = publisher.publishFile(file);

    assertThat(release.getName()).isEqualTo("hello");
    assertThat(release.getSha256()).isEqualTo(SignedPublisher.sha256(file));
    assertThat(release.getChunkSize()).isEqualTo(4096);
    assertThat(release.getChunkSha256List()).hasSize((file.length + 4095) / 4096);
    assertThat(release.getPublishedBy()).isEqualTo("CN=admin,OU=person,O=Convoy");
    assertThat(server.adminStub().listReleases(ListReleasesRequest.getDefaultInstance()).getReleasesList())
        .containsExactly(release.toBuilder().clearChunkSha256().build()); // listings omit the chunk hashes
  }

  @Test
  void publishRelease_unsignedArchiveUpload_invalidArgumentNamingFormatAndNothingStored() throws Exception {
    byte[] archive = new byte[5000];
    new Random(1).nextBytes(archive);
    PublishHeader unsigned = PublishHeader.newBuilder().setName("hello").setVersion("1.0.0").setInstaller("archive")
        .setArchiveFormat("tar.gz").setSha256(SignedPublisher.sha256(archive)).setLength(archive.length).build();

    String message = assertStatus(() -> upload(unsigned, archive), Status.Code.INVALID_ARGUMENT);

    assertThat(message).isEqualTo("format: '' (expected: convoy-release; unsigned uploads were retired, use"
        + " 'convoy release publish')");
    assertNothingStored();
  }

  @Test
  void publishRelease_signedFileDeclaredUnsigned_invalidArgumentAndNothingStored() throws Exception {
    byte[] file = publisher.build("hello", "1.0.0", 0, b -> { });
    PublishHeader header = SignedPublisher.signedHeader(file).toBuilder().clearFormat().build();

    assertThat(assertStatus(() -> upload(header, file), Status.Code.INVALID_ARGUMENT)).startsWith("format: '' ");
    assertNothingStored();
  }

  @Test
  void publishRelease_wrongSha256_invalidArgumentAndNothingLeft() throws Exception {
    byte[] file = publisher.build("hello", "1.0.0", 0, b -> { });
    PublishHeader header = SignedPublisher.signedHeader(file).toBuilder().setSha256("00".repeat(32)).build();

    String message = assertStatus(() -> upload(header, file), Status.Code.INVALID_ARGUMENT);

    assertThat(message).startsWith("sha256: declared " + "00".repeat(32) + ", payload has ");
    assertNothingStored();
  }

  @Test
  void publishRelease_tooLong_invalidArgument() throws Exception {
    byte[] file = publisher.build("hello", "1.0.0", 9000, b -> { });
    PublishHeader header = SignedPublisher.signedHeader(file).toBuilder().setLength(4000).build();

    String message = assertStatus(() -> upload(header, file), Status.Code.INVALID_ARGUMENT);

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
    publisher.publish("hello", "1.0.0");
    byte[] other = publisher.build("hello", "1.0.0", 100, b -> { });

    String message = assertStatus(() -> publisher.publishFile(other), Status.Code.ALREADY_EXISTS);

    assertThat(message).startsWith("release: hello@1.0.0 exists already");
  }

  @Test
  void publishRelease_sameFileAgain_theRecordedRelease() throws Exception {
    byte[] file = publisher.build("hello", "1.0.0", 0, b -> { });
    Release first = publisher.publishFile(file);

    assertThat(publisher.publishFile(file)).isEqualTo(first);
  }
}
