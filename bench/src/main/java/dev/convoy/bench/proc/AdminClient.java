package dev.convoy.bench.proc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import dev.convoy.protocol.v1.AddPublisherKeyRequest;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.NoticeSpec;
import dev.convoy.protocol.v1.PublishHeader;
import dev.convoy.protocol.v1.PublishReleaseRequest;
import dev.convoy.protocol.v1.RefreshInventoryRequest;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.StartCampaignRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.release.InstallerSpec;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.ReleaseBuilder;
import dev.convoy.transport.Channels;
import dev.convoy.transport.Identity;
import dev.convoy.transport.ServerAddress;
import dev.convoy.transport.TlsContexts;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The admin side of a benchmark, through the real AdminService with the first admin's identity: enrollment tokens,
 * release publication, campaigns. Not thread-safe (one benchmark thread uses it).
 */
public final class AdminClient implements AutoCloseable {
  private static final int PUBLISH_PART = 1024 * 1024;
  private final ManagedChannel channel;
  private final AdminServiceGrpc.AdminServiceBlockingStub blocking;
  private final AdminServiceGrpc.AdminServiceStub async;
  private PublisherKeyPair publisher;

  public AdminClient(ServerAddress server, Path adminIdentity) {
    channel = Channels.open(server, TlsContexts.client(Identity.load(adminIdentity)));
    blocking = AdminServiceGrpc.newBlockingStub(channel);
    async = AdminServiceGrpc.newStub(channel);
  }

  /** A token for {@code uses} enrollments into {@code group}, valid for a day. */
  public String token(String group, int uses) {
    return blocking.createEnrollmentToken(CreateEnrollmentTokenRequest.newBuilder().setGroup(group).setUses(uses)
        .setTtlSeconds(86_400).build()).getToken();
  }

  /**
   * Signs {@code payload} into a release file (the release module's builder, installer archive) with this client's
   * publisher key, which the server is told to trust at the first call, and publishes it as {@code convoy release
   * publish} does: streamed in 1 MiB parts. The release file is deleted again.
   */
  public Release publish(String name, String version, Path payload) throws IOException, InterruptedException {
    Path file = payload.resolveSibling(payload.getFileName() + ".cvr");
    try {
      ReleaseBuilder.fromFile(payload).name(name).version(version).installer(InstallerSpec.of("archive"))
          .build(file, publisher());
      return upload(name + "@" + version, file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The publisher key releases are signed with: made, and trusted by the server, at the first use. */
  private synchronized PublisherKeyPair publisher() {
    if (publisher == null) {
      PublisherKeyPair key = PublisherKeys.generate();
      blocking.addPublisherKey(AddPublisherKeyRequest.newBuilder().setName("bench publisher")
          .setPublicKeyPem(PublisherKeys.publicKeyPem(key.publicKey())).build());
      publisher = key;
    }
    return publisher;
  }

  private Release upload(String ref, Path payload) throws IOException, InterruptedException {
    PublishHeader header = PublishHeader.newBuilder().setFormat("convoy-release").setSha256(sha256(payload))
        .setLength(Files.size(payload)).build();
    CompletableFuture<Release> answer = new CompletableFuture<>();
    CompletableFuture<ClientCallStreamObserver<PublishReleaseRequest>> ready = new CompletableFuture<>();
    Object readiness = new Object();
    ClientResponseObserver<PublishReleaseRequest, Release> observer = new ClientResponseObserver<>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<PublishReleaseRequest> requests) {
        requests.setOnReadyHandler(() -> {
          synchronized (readiness) {
            readiness.notifyAll();
          }
        });
        ready.complete(requests);
      }

      @Override
      public void onNext(Release release) {
        answer.complete(release);
      }

      @Override
      public void onError(Throwable t) {
        answer.completeExceptionally(t);
        synchronized (readiness) {
          readiness.notifyAll();
        }
      }

      @Override
      public void onCompleted() {}
    };
    async.publishRelease(observer);
    ClientCallStreamObserver<PublishReleaseRequest> requests = ready.join();
    requests.onNext(PublishReleaseRequest.newBuilder().setHeader(header).build());
    try (InputStream in = Files.newInputStream(payload)) {
      byte[] part = new byte[PUBLISH_PART];
      for (int n = in.readNBytes(part, 0, part.length); n > 0; n = in.readNBytes(part, 0, part.length)) {
        synchronized (readiness) {
          while (!requests.isReady() && !answer.isDone()) {
            readiness.wait(100);
          }
        }
        if (answer.isDone()) {
          break;
        }
        requests.onNext(PublishReleaseRequest.newBuilder().setData(ByteString.copyFrom(part, 0, n)).build());
      }
    }
    requests.onCompleted();
    try {
      return answer.get(10, TimeUnit.MINUTES);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("publish " + ref + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Creates and starts a PUSH, BIG_BANG, AUTOMATIC campaign installing {@code name@version} on {@code group}, with a
   * notice and no lead time (installs may start once the notice is delivered).
   */
  public Campaign startCampaign(String name, String version, String group) {
    Campaign created = blocking.createCampaign(CreateCampaignRequest.newBuilder().setReleaseName(name)
        .setReleaseVersion(version).setTargets(Targets.newBuilder().addGroups(group)).setTitle("bench " + name)
        .setNotice(NoticeSpec.newBuilder().setTitle("Benchmark").setMessage("a benchmark installs " + name)
            .setLeadTime(Duration.getDefaultInstance()))
        .build());
    return blocking.startCampaign(StartCampaignRequest.newBuilder().setCampaignId(created.getCampaignId()).build());
  }

  public CampaignStatus status(String campaignId) {
    return blocking.getCampaignStatus(GetCampaignStatusRequest.newBuilder().setCampaignId(campaignId).build());
  }

  /** Asks the named endpoints for a full inventory report now; answers how many were asked. */
  public int refreshInventory(List<String> endpointIds) {
    return blocking.refreshInventory(RefreshInventoryRequest.newBuilder().addAllEndpointIds(endpointIds).build())
        .getRequested();
  }

  /** When the server last changed the endpoint's inventory (epoch nanos), 0 if it holds none. */
  public long inventoryUpdatedAt(String endpointId) {
    try {
      com.google.protobuf.Timestamp at = blocking.getInventory(dev.convoy.protocol.v1.GetInventoryRequest.newBuilder()
          .setEndpointId(endpointId).build()).getUpdatedAt();
      return at.getSeconds() * 1_000_000_000L + at.getNanos();
    } catch (io.grpc.StatusRuntimeException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        return 0;
      }
      throw e;
    }
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 20];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }
}
