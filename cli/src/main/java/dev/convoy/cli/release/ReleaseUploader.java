package dev.convoy.cli.release;

import com.google.protobuf.ByteString;
import dev.convoy.cli.CommandFailedException;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.PublishHeader;
import dev.convoy.protocol.v1.PublishReleaseRequest;
import dev.convoy.protocol.v1.Release;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Streams a signed release file ({@link Payload}) to {@code AdminService.PublishRelease}: the header, then the
 * bytes in chunks of
 * {@link #CHUNK_BYTES}. It writes only while the call is ready (gRPC flow control), so a slow server or link
 * holds at most a few chunks in memory, whatever the payload size.
 *
 * <p>Not thread-safe: one upload per instance at a time.
 */
public final class ReleaseUploader {
  /** The size of each data message: well under the 8 MiB message limit, large enough to keep the link busy. */
  public static final int CHUNK_BYTES = 1024 * 1024;

  private final AdminServiceGrpc.AdminServiceStub stub;

  public ReleaseUploader(AdminServiceGrpc.AdminServiceStub stub) {
    this.stub = stub;
  }

  /** The {@link dev.convoy.protocol.v1.PublishHeader#getFormat() format} of a signed release file. */
  public static final String SIGNED_FORMAT = "convoy-release";

  /**
   * Uploads a signed release file ({@code format = "convoy-release"}). Name, version and installer are left empty:
   * the server takes them from the signed manifest.
   *
   * @param release the release file, described by {@link Payload#releaseFile}
   * @return the release as the server recorded it
   * @throws io.grpc.StatusRuntimeException if the server refuses the release (untrusted key, tampered file)
   * @throws CommandFailedException if the file changed while it was being read
   */
  public Release upload(Payload release) throws IOException, InterruptedException {
    return upload(PublishReleaseRequest.newBuilder().setHeader(PublishHeader.newBuilder()
        .setFormat(SIGNED_FORMAT).setSha256(release.sha256()).setLength(release.length())).build(), release);
  }

  private Release upload(PublishReleaseRequest header, Payload payload) throws IOException, InterruptedException {
    CompletableFuture<Release> result = new CompletableFuture<>();
    Semaphore ready = new Semaphore(0);
    var requests = (ClientCallStreamObserver<PublishReleaseRequest>) stub.publishRelease(new Responses(result, ready));
    try {
      send(requests, ready, result, header);
      streamBytes(requests, ready, result, payload);
      requests.onCompleted();
    } catch (IOException | InterruptedException | RuntimeException e) {
      requests.cancel("upload aborted by the client", e);
      throw e;
    }
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  private void streamBytes(ClientCallStreamObserver<PublishReleaseRequest> requests, Semaphore ready,
      CompletableFuture<Release> result, Payload payload) throws IOException, InterruptedException {
    MessageDigest digest = Payload.newDigest();
    long sent = 0;
    try (InputStream in = Files.newInputStream(payload.file())) {
      byte[] buffer = new byte[CHUNK_BYTES];
      int read;
      while (!result.isDone() && (read = in.readNBytes(buffer, 0, CHUNK_BYTES)) > 0) {
        digest.update(buffer, 0, read);
        sent += read;
        send(requests, ready, result,
            PublishReleaseRequest.newBuilder().setData(ByteString.copyFrom(buffer, 0, read)).build());
      }
    }
    if (!result.isDone()
        && (sent != payload.length() || !HexFormat.of().formatHex(digest.digest()).equals(payload.sha256()))) {
      throw new CommandFailedException(payload.file() + " changed while it was being uploaded; publish again");
    }
  }

  /** Waits until the transport can take a message (or the call ended), then writes it. */
  private static void send(ClientCallStreamObserver<PublishReleaseRequest> requests, Semaphore ready,
      CompletableFuture<Release> result, PublishReleaseRequest message) throws InterruptedException {
    while (!requests.isReady() && !result.isDone()) {
      // The timeout only guards against a missed wake-up; onReady normally releases the permit at once.
      ready.tryAcquire(100, TimeUnit.MILLISECONDS);
    }
    if (!result.isDone()) {
      requests.onNext(message);
    }
  }

  private static final class Responses implements ClientResponseObserver<PublishReleaseRequest, Release> {
    private final CompletableFuture<Release> result;
    private final Semaphore ready;
    private Release release;

    Responses(CompletableFuture<Release> result, Semaphore ready) {
      this.result = result;
      this.ready = ready;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<PublishReleaseRequest> requests) {
      requests.setOnReadyHandler(ready::release);
    }

    @Override
    public void onNext(Release value) {
      release = value;
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
      if (release == null) {
        result.completeExceptionally(new IllegalStateException("the server sent no release"));
      } else {
        result.complete(release);
      }
    }
  }
}
