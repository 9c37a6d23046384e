package dev.convoy.agent.testing;

import com.google.protobuf.ByteString;
import dev.convoy.protocol.v1.AgentDocumentRequest;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.SignedDocument;
import dev.convoy.protocol.v1.TrainingAttestation;
import dev.convoy.protocol.v1.TrainingAttestationAck;
import dev.convoy.release.DocumentRef;
import dev.convoy.release.ReleaseManifest;
import dev.convoy.release.SignedDocuments;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A real in-process implementation of the documents and training part of {@code AgentService} for agent tests:
 * answers GetSignedDocument from release files it was given (as the server reads their head), optionally tampering
 * with the answer, and records training attestations idempotently, refusing the first N with UNAVAILABLE on demand.
 */
public final class TestKnowledgeService extends AgentServiceGrpc.AgentServiceImplBase {
  public final List<AgentDocumentRequest> documentRequests = new CopyOnWriteArrayList<>();
  public final List<TrainingAttestation> attestations = new CopyOnWriteArrayList<>();
  public final Set<String> recorded = ConcurrentHashMap.newKeySet();
  public final AtomicInteger refuseAttestations = new AtomicInteger();
  public volatile UnaryOperator<SignedDocument> tamper = UnaryOperator.identity();
  private final Map<String, byte[]> releases = new ConcurrentHashMap<>();

  /** Starts it in-process; the channel and server are closed by {@code cleanup}. */
  public io.grpc.ManagedChannel start(GrpcCleanup cleanup) {
    String name = io.grpc.inprocess.InProcessServerBuilder.generateName();
    try {
      cleanup.register(io.grpc.inprocess.InProcessServerBuilder.forName(name).addService(this).build().start());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return cleanup.register(io.grpc.inprocess.InProcessChannelBuilder.forName(name).build());
  }

  /** Serves the documents of {@code file} (an intact release) as {@code name@version}. */
  public void serve(String name, String version, byte[] file) {
    releases.put(name + "@" + version, file);
  }

  @Override
  public void getSignedDocument(AgentDocumentRequest request, StreamObserver<SignedDocument> response) {
    documentRequests.add(request);
    byte[] file = releases.get(request.getReleaseName() + "@" + request.getReleaseVersion());
    if (file == null) {
      response.onError(Status.NOT_FOUND.withDescription("release: not found").asRuntimeException());
      return;
    }
    try {
      SignedDocuments.Head head = SignedDocuments.readHead(new ByteArrayInputStream(file),
          sha256(headManifest(file)));
      var answer = SignedDocument.newBuilder().setManifestJson(ByteString.copyFrom(head.manifestJson()))
          .setSignatureJson(ByteString.copyFrom(head.signatureJson()));
      Optional<DocumentRef> doc = select(head.manifest(), request.getDocument());
      if (!request.getDocument().isEmpty() && doc.isEmpty()) {
        response.onError(Status.NOT_FOUND.withDescription("document: not in release").asRuntimeException());
        return;
      }
      doc.ifPresent(d -> answer.setDocument(d.name()).setContent(ByteString.copyFrom(
          head.documents().get(d.name()), StandardCharsets.UTF_8)));
      response.onNext(tamper.apply(answer.build()));
      response.onCompleted();
    } catch (IOException e) {
      response.onError(Status.INTERNAL.withCause(e).asRuntimeException());
    }
  }

  @Override
  public void reportTrainingAttestation(TrainingAttestation request,
      StreamObserver<TrainingAttestationAck> response) {
    attestations.add(request);
    if (refuseAttestations.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      response.onError(Status.UNAVAILABLE.withDescription("server restarting").asRuntimeException());
      return;
    }
    boolean fresh = recorded.add(request.getReleaseName() + "@" + request.getReleaseVersion() + "/"
        + request.getItem() + "/" + request.getUser());
    response.onNext(TrainingAttestationAck.newBuilder().setRecorded(fresh).build());
    response.onCompleted();
  }

  private static Optional<DocumentRef> select(ReleaseManifest manifest, String selector) {
    var docs = manifest.documents();
    return switch (selector) {
      case "" -> Optional.empty();
      case "user_doc" -> docs.userDoc();
      case "runbook" -> docs.runbook();
      case "release_notes" -> docs.releaseNotes();
      default -> docs.files().stream().filter(d -> d.name().equals(selector)).findFirst()
          .or(() -> docs.kbArticles().stream().filter(a -> a.id().equals(selector)).map(a -> a.document())
              .findFirst());
    };
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] headManifest(byte[] file) {
    int at = SignedReleases.contentOffset(file, "convoy-release/manifest.json");
    long size = Long.parseLong(new String(file, at - 512 + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
    return java.util.Arrays.copyOfRange(file, at, at + (int) size);
  }
}
