package dev.convoy.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.convoy.protocol.v1.AddPublisherKeyRequest;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.ListReleasesRequest;
import dev.convoy.protocol.v1.PublishHeader;
import dev.convoy.protocol.v1.PublishReleaseRequest;
import dev.convoy.protocol.v1.Release;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.ReleaseBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds, signs and publishes releases to a {@link TestServer} over gRPC, the way {@code convoy release publish}
 * does: one publisher key, which the server is told to trust when this is created. The static methods are the raw
 * PublishRelease call, for tests of refusals.
 */
public final class SignedPublisher {
  /** The name the server records for the key. */
  public static final String KEY_NAME = "test packaging";

  private final TestServer server;
  private final Path work;
  private final PublisherKeyPair key;

  private SignedPublisher(TestServer server, Path work, PublisherKeyPair key) {
    this.server = server;
    this.work = work;
    this.key = key;
  }

  /** A new publisher key, trusted by {@code server}; release files are built under {@code work}. */
  public static SignedPublisher trusted(TestServer server, Path work) throws IOException {
    PublisherKeyPair key = PublisherKeys.generate();
    trust(server, KEY_NAME, key);
    return new SignedPublisher(server, Files.createDirectories(work), key);
  }

  /** Has the server trust {@code key} under {@code name}, as {@code convoy publisher trust} does. */
  public static dev.convoy.protocol.v1.PublisherKey trust(TestServer server, String name, PublisherKeyPair key) {
    return server.adminStub().addPublisherKey(AddPublisherKeyRequest.newBuilder().setName(name)
        .setPublicKeyPem(PublisherKeys.publicKeyPem(key.publicKey())).build());
  }

  public PublisherKeyPair key() {
    return key;
  }

  /** Builds ({@link ReleaseFiles#build}), signs and publishes an archive release {@code name@version}. */
  public Release publish(String name, String version) throws IOException {
    return publish(name, version, 0, b -> { });
  }

  /** As {@link #publish(String, String)}, {@code randomBytes} of filler in its payload, {@code extra} set too. */
  public Release publish(String name, String version, int randomBytes, Consumer<ReleaseBuilder> extra)
      throws IOException {
    return publishFile(build(name, version, randomBytes, extra));
  }

  /** The signed release file {@link #publish(String, String, int, Consumer)} would upload. */
  public byte[] build(String name, String version, int randomBytes, Consumer<ReleaseBuilder> extra)
      throws IOException {
    return ReleaseFiles.build(work, key, name, version, randomBytes, extra);
  }

  /** Uploads a release file as is. */
  public Release publishFile(byte[] file) {
    return upload(server, signedHeader(file), file);
  }

  /** A convoy-release header as `convoy release publish` sends it: name, version and installer left to the file. */
  public static PublishHeader signedHeader(byte[] file) {
    return PublishHeader.newBuilder().setFormat("convoy-release").setSha256(sha256(file)).setLength(file.length)
        .build();
  }

  /**
   * One PublishRelease call: the header, then {@code bytes} in 3000-byte messages.
   *
   * @throws io.grpc.StatusRuntimeException if the server refuses it
   */
  public static Release upload(TestServer server, PublishHeader header, byte[] bytes) {
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

  /** Asserts that {@code server} lists no release and holds no payload: a refused upload left nothing behind. */
  public static void assertNothingStored(TestServer server) throws IOException {
    assertThat(server.adminStub().listReleases(ListReleasesRequest.getDefaultInstance()).getReleasesCount())
        .isZero();
    try (Stream<Path> files = Files.walk(server.dir.resolve("content"))) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  /** Lowercase hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
