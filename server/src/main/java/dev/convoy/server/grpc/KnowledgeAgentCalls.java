package dev.convoy.server.grpc;

import com.google.protobuf.ByteString;
import dev.convoy.protocol.v1.AgentDocumentRequest;
import dev.convoy.protocol.v1.SignedDocument;
import dev.convoy.protocol.v1.TrainingAttestation;
import dev.convoy.protocol.v1.TrainingAttestationAck;
import dev.convoy.server.common.Require;
import dev.convoy.server.knowledge.DocumentService;
import dev.convoy.server.knowledge.DocumentText;
import dev.convoy.server.knowledge.TrainingService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The documents and training RPCs of {@link AgentGrpcService}. The caller is an enrolled endpoint naming itself.
 *
 * <p>Which releases an endpoint may read documents of: any release of the catalogue (NOT_FOUND for others).
 * Documents are not secret — the publisher wrote them for the people who install and use the software — and a
 * user's {@code convoy-agent docs NAME} is about a release offered to or installed on that workstation, which may
 * have come from a campaign that has since ended (the server keeps no per-endpoint index of finished deployments).
 * What matters is that nothing unverified is served: the bytes come from the stored release file, checked against
 * the signed manifest, and the agent verifies the signature with its own trusted keys. Thread-safe.
 */
final class KnowledgeAgentCalls {
  private final DocumentService documents;
  private final TrainingService training;

  KnowledgeAgentCalls(DocumentService documents, TrainingService training) {
    this.documents = documents;
    this.training = training;
  }

  SignedDocument document(AgentDocumentRequest request) {
    AgentGrpcService.requireCaller("endpoint_id", request.getEndpointId());
    Require.optionalText("document", request.getDocument(), 128);
    DocumentText text = documents.read(KnowledgeAdminCalls.name(request.getReleaseName()),
        KnowledgeAdminCalls.version(request.getReleaseVersion()), request.getDocument());
    var b = SignedDocument.newBuilder().setManifestJson(ByteString.copyFrom(text.manifestJson()))
        .setSignatureJson(ByteString.copyFrom(text.signatureJson()));
    if (text.document() != null) {
      b.setDocument(text.document().name()).setContent(ByteString.copyFrom(text.text(), StandardCharsets.UTF_8));
    }
    return b.build();
  }

  TrainingAttestationAck attest(TrainingAttestation request) {
    String caller = AgentGrpcService.requireCaller("endpoint_id", request.getEndpointId());
    Require.text("item", request.getItem(), 256);
    Instant at = request.hasAttestedAt() ? ProtoMapper.instantOrNull(request.getAttestedAt()) : null;
    if (at == null) {
      throw dev.convoy.server.error.ConvoyException.invalidArgument("attested_at: unset (expected: when the user"
          + " attested)");
    }
    boolean recorded = training.attest(caller, KnowledgeAdminCalls.name(request.getReleaseName()),
        KnowledgeAdminCalls.version(request.getReleaseVersion()), request.getItem(), request.getUser(), at);
    return TrainingAttestationAck.newBuilder().setRecorded(recorded).build();
  }
}
