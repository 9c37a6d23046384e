package dev.convoy.cli.testing;

import dev.convoy.protocol.v1.FindKbArticlesRequest;
import dev.convoy.protocol.v1.FindKbArticlesResponse;
import dev.convoy.protocol.v1.GetKbArticleRequest;
import dev.convoy.protocol.v1.GetReleaseDocumentRequest;
import dev.convoy.protocol.v1.GetTrainingReportRequest;
import dev.convoy.protocol.v1.KbArticleContent;
import dev.convoy.protocol.v1.KbArticleSummary;
import dev.convoy.protocol.v1.ListReleaseDocumentsRequest;
import dev.convoy.protocol.v1.ListReleaseDocumentsResponse;
import dev.convoy.protocol.v1.ReleaseDocumentContent;
import dev.convoy.protocol.v1.SearchKnowledgeBaseRequest;
import dev.convoy.protocol.v1.SearchKnowledgeBaseResponse;
import dev.convoy.protocol.v1.TrainingReport;
import io.grpc.Status;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The documents / KB / training part of {@link FakeAdminService}: articles (newest first) with their text,
 * documents by {@code name@version}, training reports by {@code name@version}; search and failure matching
 * computed like the server does, simply. Thread-safe.
 */
public final class FakeKnowledge {
  public final List<KbArticleContent> articles = new CopyOnWriteArrayList<>();
  public final Map<String, ListReleaseDocumentsResponse> documents = new ConcurrentHashMap<>();
  /** {@code name@version/selector} → document. */
  public final Map<String, ReleaseDocumentContent> texts = new ConcurrentHashMap<>();
  public final Map<String, TrainingReport> training = new ConcurrentHashMap<>();
  public final List<FindKbArticlesRequest> findRequests = new CopyOnWriteArrayList<>();
  /** When set, FindKbArticles fails with it. */
  public volatile Status findFailure;

  /** An article of office@VERSION covering one exit code and one state. */
  public static KbArticleSummary article(String id, String title, String version, int exitCode, String state) {
    return KbArticleSummary.newBuilder().setId(id).setTitle(title).setReleaseName("office")
        .setReleaseVersion(version).setDocument("kb-" + id + ".md").setExcerpt("Free some disk space.")
        .setCovers(dev.convoy.protocol.v1.KbCoverage.newBuilder().addExitCodes(exitCode).addStates(state)).build();
  }

  ListReleaseDocumentsResponse list(ListReleaseDocumentsRequest r) {
    return found(documents.get(r.getName() + "@" + r.getVersion()), r.getName() + "@" + r.getVersion());
  }

  ReleaseDocumentContent get(GetReleaseDocumentRequest r) {
    return found(texts.get(r.getName() + "@" + r.getVersion() + "/" + r.getDocument()), r.getDocument());
  }

  SearchKnowledgeBaseResponse search(SearchKnowledgeBaseRequest r) {
    String text = r.getText().toLowerCase(Locale.ROOT);
    List<KbArticleSummary> hits = articles.stream()
        .filter(a -> (a.getArticle().getTitle() + " " + a.getText()).toLowerCase(Locale.ROOT).contains(text))
        .map(KbArticleContent::getArticle).toList();
    int limit = r.getLimit() == 0 ? 50 : r.getLimit();
    return SearchKnowledgeBaseResponse.newBuilder().addAllArticles(hits.stream().limit(limit).toList())
        .setTotal(hits.size()).build();
  }

  KbArticleContent show(GetKbArticleRequest r) {
    return found(articles.stream().filter(a -> r.getId().equals(a.getArticle().getId()) || r.getId().equals(
        a.getArticle().getId() + "@" + a.getArticle().getReleaseName() + "@" + a.getArticle().getReleaseVersion()))
        .findFirst().orElse(null), r.getId());
  }

  FindKbArticlesResponse find(FindKbArticlesRequest r) {
    findRequests.add(r);
    if (findFailure != null) {
      throw findFailure.asRuntimeException();
    }
    return FindKbArticlesResponse.newBuilder().addAllArticles(articles.stream().map(KbArticleContent::getArticle)
        .filter(a -> a.getReleaseName().equals(r.getReleaseName()))
        .filter(a -> (r.getHasExitCode() && a.getCovers().getExitCodesList().contains(r.getExitCode()))
            || a.getCovers().getStatesList().contains(r.getFailureState().name()))
        .toList()).build();
  }

  TrainingReport training(GetTrainingReportRequest r) {
    return found(training.get(r.getName() + "@" + r.getVersion()), r.getName() + "@" + r.getVersion());
  }

  private static <T> T found(T value, String what) {
    if (value == null) {
      throw Status.NOT_FOUND.withDescription(what + " not found").asRuntimeException();
    }
    return value;
  }
}
