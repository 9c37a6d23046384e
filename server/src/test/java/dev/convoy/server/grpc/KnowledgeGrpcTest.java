package dev.convoy.server.grpc;

import static dev.convoy.server.testing.GrpcAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.FindKbArticlesRequest;
import dev.convoy.protocol.v1.GetKbArticleRequest;
import dev.convoy.protocol.v1.GetReleaseDocumentRequest;
import dev.convoy.protocol.v1.KbArticleContent;
import dev.convoy.protocol.v1.KbArticleSummary;
import dev.convoy.protocol.v1.ListReleaseDocumentsRequest;
import dev.convoy.protocol.v1.ListReleaseDocumentsResponse;
import dev.convoy.protocol.v1.ReleaseDocument;
import dev.convoy.protocol.v1.SearchKnowledgeBaseRequest;
import dev.convoy.protocol.v1.SearchKnowledgeBaseResponse;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.server.people.Role;
import dev.convoy.server.testing.ReleaseFiles;
import dev.convoy.server.testing.TestServer;
import dev.convoy.transport.Identity;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents and the knowledge base over real mTLS: listing, reading (verified), search, show, failure matching. */
class KnowledgeGrpcTest {
  @TempDir Path dir;
  @TempDir Path work;
  private TestServer server;
  private KnowledgeFixture releases;
  private final PublisherKeyPair key = PublisherKeys.generate();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, config -> config.withChunkSize(4096));
    PublisherKeyGrpcTest.trust(server, "IT packaging", key);
    releases = new KnowledgeFixture(server, key, work);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static List<String> refs(List<KbArticleSummary> articles) {
    return articles.stream().map(a -> a.getId() + "@" + a.getReleaseName() + "@" + a.getReleaseVersion()).toList();
  }

  @Test
  void listReleaseDocuments_richRelease_kindsTitlesIdsSizesCoverageAndTraining() throws Exception {
    releases.rich("office", "7.6.4");

    ListReleaseDocumentsResponse docs = server.adminStub().listReleaseDocuments(
        ListReleaseDocumentsRequest.newBuilder().setName("office").setVersion("7.6.4").build());

    assertThat(docs.getRelease().getDocumentsList()).extracting(ReleaseDocument::getKind, ReleaseDocument::getName,
        ReleaseDocument::getId).contains(org.assertj.core.groups.Tuple.tuple("user_doc", "user-doc.md", ""),
            org.assertj.core.groups.Tuple.tuple("kb_article", "kb-KB-2.md", "KB-2"));
    assertThat(docs.getKbArticlesList()).extracting(KbArticleSummary::getId, a -> a.getCovers().getExitCodesList())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("KB-1", List.of(28)),
            org.assertj.core.groups.Tuple.tuple("KB-2", List.of(5)));
    assertThat(docs.getTraining().getTitle()).isEqualTo("What is new in 7.6.4");
    assertThat(docs.getTraining().getLink()).isEqualTo("https://learn.example.com/office");
  }

  @Test
  void getReleaseDocument_byKindNameOrKbId_markdownAsWritten() throws Exception {
    releases.rich("office", "7.6.4");
    var admin = server.adminStub();
    GetReleaseDocumentRequest request = GetReleaseDocumentRequest.newBuilder().setName("office")
        .setVersion("7.6.4").build();

    assertThat(admin.getReleaseDocument(request.toBuilder().setDocument("user-doc").build()).getText())
        .isEqualTo(KnowledgeFixture.USER_DOC);
    assertThat(admin.getReleaseDocument(request.toBuilder().setDocument("user-doc.md").build()).getText())
        .isEqualTo(KnowledgeFixture.USER_DOC);
    assertThat(admin.getReleaseDocument(request.toBuilder().setDocument("KB-1").build()).getText())
        .isEqualTo("Free some disk space.\n");
    assertThat(assertStatus(() -> admin.getReleaseDocument(request.toBuilder().setDocument("kb_article").build()),
        Status.Code.INVALID_ARGUMENT)).contains("names 2 documents").contains("kb-KB-1.md");
    assertThat(assertStatus(() -> admin.getReleaseDocument(request.toBuilder().setDocument("nope.md").build()),
        Status.Code.NOT_FOUND)).startsWith("document: nope.md is not in release office@7.6.4");
    assertStatus(() -> admin.getReleaseDocument(request.toBuilder().setVersion("9.9.9").setDocument("runbook")
        .build()), Status.Code.NOT_FOUND);
  }

  @Test
  void getReleaseDocument_storedFileTamperedAfterUpload_refusedAndNothingServed() throws Exception {
    var release = releases.rich("office", "7.6.4");
    Path stored = dir.resolve("content/sha256/" + release.getSha256().substring(0, 2) + "/" + release.getSha256());
    byte[] bytes = Files.readAllBytes(stored);
    stored.toFile().setWritable(true);
    Files.write(stored, ReleaseFiles.flip(bytes, "convoy-release/docs/user-doc.md", 5));

    String message = assertStatus(() -> server.adminStub().getReleaseDocument(GetReleaseDocumentRequest.newBuilder()
        .setName("office").setVersion("7.6.4").setDocument("user_doc").build()), Status.Code.FAILED_PRECONDITION);

    assertThat(message).startsWith("release: office@7.6.4: the stored release file does not match its signed"
        + " manifest (HASH_MISMATCH").endsWith("nothing of it is served");
  }

  @Test
  void searchKnowledgeBase_caseInsensitiveTitleAndBody_rankedThenNewestFirst() throws Exception {
    releases.plain("office", "7.6.3");
    releases.rich("office", "7.6.4");
    releases.plain("calc", "1.0.0");
    var admin = server.adminStub();

    SearchKnowledgeBaseResponse disk = admin.searchKnowledgeBase(SearchKnowledgeBaseRequest.newBuilder()
        .setText("DISK").build());
    SearchKnowledgeBaseResponse spooler = admin.searchKnowledgeBase(SearchKnowledgeBaseRequest.newBuilder()
        .setText("spooler service").build());

    // KB-1 says "Disk" in its title (ranks first, newest release first); KB-2 only in its text.
    assertThat(refs(disk.getArticlesList())).containsExactly("KB-1@calc@1.0.0", "KB-1@office@7.6.4",
        "KB-1@office@7.6.3", "KB-2@office@7.6.4");
    assertThat(disk.getTotal()).isEqualTo(4);
    assertThat(refs(spooler.getArticlesList())).containsExactly("KB-2@office@7.6.4");
    assertThat(spooler.getArticles(0).getExcerpt()).isEqualTo("Restart the print SPOOLER service; a full disk also"
        + " stops it.");
    assertThat(spooler.getArticles(0).getCovers().getStatesList()).containsExactly("FAILED_VERIFICATION");
    assertThat(admin.searchKnowledgeBase(SearchKnowledgeBaseRequest.newBuilder().setText("space disk").setLimit(1)
        .build()).getArticlesCount()).isEqualTo(1);
    assertStatus(() -> admin.searchKnowledgeBase(SearchKnowledgeBaseRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void searchKnowledgeBase_titleMatchOutranksNewerBodyMatch() throws Exception {
    releases.plain("calc", "1.0.0");
    releases.rich("office", "7.6.4");   // newer; its KB-2 says "disk" only in its text

    SearchKnowledgeBaseResponse found = server.adminStub().searchKnowledgeBase(SearchKnowledgeBaseRequest
        .newBuilder().setText("disk").build());

    assertThat(refs(found.getArticlesList())).containsExactly("KB-1@office@7.6.4", "KB-1@calc@1.0.0",
        "KB-2@office@7.6.4");
    assertThat(found.getArticles(0).getScore()).isGreaterThan(found.getArticles(2).getScore());
  }

  @Test
  void getKbArticle_idOrIdAtRelease_newestByDefaultAndOthersListed() throws Exception {
    releases.plain("office", "7.6.3");
    releases.rich("office", "7.6.4");
    var admin = server.adminStub();

    KbArticleContent newest = admin.getKbArticle(GetKbArticleRequest.newBuilder().setId("KB-1").build());
    KbArticleContent older = admin.getKbArticle(GetKbArticleRequest.newBuilder().setId("KB-1@office@7.6.3")
        .build());

    assertThat(refs(List.of(newest.getArticle()))).containsExactly("KB-1@office@7.6.4");
    assertThat(newest.getText()).isEqualTo("Free some disk space.\n");
    assertThat(refs(newest.getOtherReleasesList())).containsExactly("KB-1@office@7.6.3");
    assertThat(refs(List.of(older.getArticle()))).containsExactly("KB-1@office@7.6.3");
    assertThat(assertStatus(() -> admin.getKbArticle(GetKbArticleRequest.newBuilder().setId("KB-404").build()),
        Status.Code.NOT_FOUND)).startsWith("id: no KB article KB-404 in any release");
  }

  @Test
  void searchKnowledgeBase_afterRestart_indexRebuiltFromTheReleaseFiles() throws Exception {
    releases.rich("office", "7.6.4");
    server.restart();
    releases.plain("calc", "1.0.0"); // published after the rebuild: added on publish

    assertThat(refs(server.adminStub().searchKnowledgeBase(SearchKnowledgeBaseRequest.newBuilder().setText("disk")
        .build()).getArticlesList())).containsExactly("KB-1@calc@1.0.0", "KB-1@office@7.6.4",
            "KB-2@office@7.6.4");
  }

  @Test
  void findKbArticles_exitCodeOrState_thatReleaseFirstThenOtherVersionsNewestFirst() throws Exception {
    releases.plain("office", "7.6.3");
    releases.rich("office", "7.6.4");
    releases.plain("office", "7.6.2");
    releases.plain("calc", "1.0.0");
    var admin = server.adminStub();
    FindKbArticlesRequest base = FindKbArticlesRequest.newBuilder().setReleaseName("office")
        .setReleaseVersion("7.6.3").build();

    var byCode = admin.findKbArticles(base.toBuilder().setExitCode(28).setHasExitCode(true).build());
    var byState = admin.findKbArticles(base.toBuilder().setFailureState(DeploymentState.INSTALLING).build());
    var other = admin.findKbArticles(base.toBuilder().setExitCode(5).setHasExitCode(true).build());
    var none = admin.findKbArticles(base.toBuilder().setExitCode(99).setHasExitCode(true)
        .setFailureState(DeploymentState.DOWNLOADING).build());

    assertThat(refs(byCode.getArticlesList())).containsExactly("KB-1@office@7.6.3", "KB-1@office@7.6.4",
        "KB-1@office@7.6.2");
    assertThat(refs(byState.getArticlesList())).isEqualTo(refs(byCode.getArticlesList()));
    assertThat(refs(other.getArticlesList())).containsExactly("KB-2@office@7.6.4");
    assertThat(none.getArticlesList()).isEmpty();
    assertThat(assertStatus(() -> admin.findKbArticles(base), Status.Code.INVALID_ARGUMENT))
        .startsWith("failure_state: unspecified and no exit code");
  }

  @Test
  void knowledgeRpcs_observerMayReadPersonWithoutRolesMayNot() throws Exception {
    releases.rich("office", "7.6.4");
    Identity observer = server.personWithRoles("olga", Set.of(Role.OBSERVER), Set.of());
    Identity nobody = server.personWithRoles("nils", Set.of(), Set.of());

    var asObserver = AdminServiceGrpc.newBlockingStub(server.channel(observer))
        .withDeadlineAfter(30, TimeUnit.SECONDS);
    var asNobody = AdminServiceGrpc.newBlockingStub(server.channel(nobody)).withDeadlineAfter(30, TimeUnit.SECONDS);
    SearchKnowledgeBaseRequest search = SearchKnowledgeBaseRequest.newBuilder().setText("free").build();

    assertThat(asObserver.searchKnowledgeBase(search).getArticlesCount()).isEqualTo(1);
    assertThat(asObserver.getReleaseDocument(GetReleaseDocumentRequest.newBuilder().setName("office")
        .setVersion("7.6.4").setDocument("runbook").build()).getText()).isEqualTo("1. install\n");
    assertStatus(() -> asNobody.searchKnowledgeBase(search), Status.Code.PERMISSION_DENIED);
  }
}
