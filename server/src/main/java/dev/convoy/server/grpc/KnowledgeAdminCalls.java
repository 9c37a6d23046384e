package dev.convoy.server.grpc;

import dev.convoy.protocol.v1.FindKbArticlesRequest;
import dev.convoy.protocol.v1.FindKbArticlesResponse;
import dev.convoy.protocol.v1.GetKbArticleRequest;
import dev.convoy.protocol.v1.GetReleaseDocumentRequest;
import dev.convoy.protocol.v1.GetTrainingReportRequest;
import dev.convoy.protocol.v1.KbArticleContent;
import dev.convoy.protocol.v1.ListReleaseDocumentsRequest;
import dev.convoy.protocol.v1.ListReleaseDocumentsResponse;
import dev.convoy.protocol.v1.ReleaseDocumentContent;
import dev.convoy.protocol.v1.SearchKnowledgeBaseRequest;
import dev.convoy.protocol.v1.SearchKnowledgeBaseResponse;
import dev.convoy.protocol.v1.TrainingReport;
import dev.convoy.server.catalogue.ReleaseHeader;
import dev.convoy.server.common.Require;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.knowledge.DocumentService;
import dev.convoy.server.knowledge.DocumentText;
import dev.convoy.server.knowledge.KbEntry;
import dev.convoy.server.knowledge.KbMatch;
import dev.convoy.server.knowledge.KnowledgeBase;
import dev.convoy.server.knowledge.ReleaseDocs;
import dev.convoy.server.knowledge.TrainingService;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The documents, knowledge-base and training RPCs of {@link AdminGrpcService}: request → domain call → response.
 * Every one only reads (permission VIEW, {@link MethodPermissions}). Thread-safe.
 */
final class KnowledgeAdminCalls {
  private final DocumentService documents;
  private final KnowledgeBase kb;
  private final TrainingService training;

  KnowledgeAdminCalls(DocumentService documents, KnowledgeBase kb, TrainingService training) {
    this.documents = documents;
    this.kb = kb;
    this.training = training;
  }

  ListReleaseDocumentsResponse list(ListReleaseDocumentsRequest request) {
    ReleaseDocs docs = documents.describe(name(request.getName()), version(request.getVersion()));
    var b = ListReleaseDocumentsResponse.newBuilder().setRelease(ProtoMapper.releaseSummary(docs.release()))
        .addAllKbArticles(docs.kbArticles().stream().map(KnowledgeProtoMapper::article).toList());
    docs.training().ifPresent(t -> b.setTraining(KnowledgeProtoMapper.training(t)));
    return b.build();
  }

  ReleaseDocumentContent get(GetReleaseDocumentRequest request) {
    Require.text("document", request.getDocument(), 128);
    DocumentText text = documents.read(name(request.getName()), version(request.getVersion()),
        request.getDocument());
    return ReleaseDocumentContent.newBuilder().setReleaseName(text.release().name())
        .setReleaseVersion(text.release().version()).setDocument(KnowledgeProtoMapper.document(text.document()))
        .setText(text.text()).build();
  }

  SearchKnowledgeBaseResponse search(SearchKnowledgeBaseRequest request) {
    KnowledgeBase.KbSearch found = kb.search(request.getText(), request.getLimit());
    var b = SearchKnowledgeBaseResponse.newBuilder().setTotal(found.total());
    for (KbMatch match : found.matches()) {
      b.addArticles(KnowledgeProtoMapper.article(match.entry()).toBuilder().setScore(match.score())
          .setExcerpt(match.excerpt()));
    }
    return b.build();
  }

  KbArticleContent show(GetKbArticleRequest request) {
    Require.text("id", request.getId(), 256);
    KbEntry entry = kb.show(request.getId());
    return KbArticleContent.newBuilder().setArticle(KnowledgeProtoMapper.article(entry)).setText(entry.text())
        .addAllOtherReleases(kb.otherReleases(entry).stream().map(KnowledgeProtoMapper::article).toList()).build();
  }

  FindKbArticlesResponse find(FindKbArticlesRequest request) {
    String name = name(request.getReleaseName());
    String version = version(request.getReleaseVersion());
    Optional<String> state = switch (request.getFailureState()) {
      case DEPLOYMENT_STATE_UNSPECIFIED, UNRECOGNIZED -> Optional.empty();
      default -> Optional.of(request.getFailureState().name());
    };
    OptionalInt exitCode = request.getHasExitCode() ? OptionalInt.of(request.getExitCode()) : OptionalInt.empty();
    if (state.isEmpty() && exitCode.isEmpty()) {
      throw ConvoyException.invalidArgument("failure_state: unspecified and no exit code (expected: the state the"
          + " deployment failed in, an exit code, or both)");
    }
    return FindKbArticlesResponse.newBuilder().addAllArticles(kb.forFailure(name, version, state, exitCode).stream()
        .map(KnowledgeProtoMapper::article).toList()).build();
  }

  TrainingReport training(GetTrainingReportRequest request) {
    return KnowledgeProtoMapper.report(training.report(name(request.getName()), version(request.getVersion()),
        Principal.current().scopes()));
  }

  static String name(String name) {
    return Require.matches("name", name, ReleaseHeader.NAME, "[a-z0-9][a-z0-9+._-]{0,63}");
  }

  static String version(String version) {
    return Require.text("version", version, 64);
  }
}
