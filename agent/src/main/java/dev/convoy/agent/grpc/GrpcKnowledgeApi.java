package dev.convoy.agent.grpc;

import com.google.protobuf.Timestamp;
import dev.convoy.agent.documents.SignedDocumentSource;
import dev.convoy.agent.training.Attestation;
import dev.convoy.agent.training.AttestationSink;
import dev.convoy.protocol.v1.AgentDocumentRequest;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.SignedDocument;
import dev.convoy.protocol.v1.TrainingAttestation;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The documents and training RPCs of {@code convoy.v1.AgentService}: {@code GetSignedDocument} (answers are
 * verified by the caller, never here) and {@code ReportTrainingAttestation}. Failures become ServerExceptions.
 * Thread-safe.
 */
public final class GrpcKnowledgeApi implements SignedDocumentSource, AttestationSink {
  private final AgentServiceGrpc.AgentServiceBlockingStub stub;
  private final String endpointId;
  private final Duration callTimeout;

  public GrpcKnowledgeApi(Channel channel, String endpointId, Duration callTimeout) {
    this.stub = AgentServiceGrpc.newBlockingStub(channel);
    this.endpointId = endpointId;
    this.callTimeout = callTimeout;
  }

  @Override
  public Unverified fetch(String name, String version, String document) {
    try {
      // A user waits at the screen: while the connection is being re-established (a server restart, a network
      // change) the call waits for it, within the deadline, instead of failing at once.
      SignedDocument answer = stub.withWaitForReady().withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
          .getSignedDocument(AgentDocumentRequest.newBuilder().setEndpointId(endpointId).setReleaseName(name)
              .setReleaseVersion(version).setDocument(document).build());
      return new Unverified(answer.getManifestJson().toByteArray(), answer.getSignatureJson().toByteArray(),
          answer.getDocument(), answer.getContent().toByteArray());
    } catch (StatusRuntimeException e) {
      throw StatusMapper.toServerException("GetSignedDocument", e);
    }
  }

  @Override
  public void report(Attestation a) {
    try {
      stub.withDeadlineAfter(callTimeout.toMillis(), TimeUnit.MILLISECONDS).reportTrainingAttestation(
          TrainingAttestation.newBuilder().setEndpointId(endpointId).setReleaseName(a.releaseName())
              .setReleaseVersion(a.releaseVersion()).setItem(a.item()).setUser(a.user())
              .setAttestedAt(Timestamp.newBuilder().setSeconds(a.attestedAt().getEpochSecond())
                  .setNanos(a.attestedAt().getNano())).build());
    } catch (StatusRuntimeException e) {
      throw StatusMapper.toServerException("ReportTrainingAttestation", e);
    }
  }
}
