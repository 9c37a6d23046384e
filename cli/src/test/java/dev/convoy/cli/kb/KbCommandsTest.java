package dev.convoy.cli.kb;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.convoy.cli.testing.FakeKnowledge.article;

import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.protocol.v1.KbArticleContent;
import dev.convoy.protocol.v1.KbArticleSummary;
import dev.convoy.protocol.v1.KbCoverage;
import dev.convoy.protocol.v1.ListReleaseDocumentsResponse;
import dev.convoy.protocol.v1.Release;
import dev.convoy.protocol.v1.ReleaseDocument;
import dev.convoy.protocol.v1.ReleaseDocumentContent;
import dev.convoy.protocol.v1.TrainingGroupCount;
import dev.convoy.protocol.v1.TrainingItem;
import dev.convoy.protocol.v1.TrainingReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KbCommandsTest {
  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();

  @BeforeEach
  void seed() {
    var kb = admin.service().knowledge;
    kb.articles.add(KbArticleContent.newBuilder().setArticle(article("KB-1", "Disk full", "7.6.4", 28,
        "INSTALLING")).setText("# Disk full\n\nFree some disk space.\n")
        .addOtherReleases(article("KB-1", "Disk full", "7.6.3", 28, "INSTALLING")).build());
    kb.articles.add(KbArticleContent.newBuilder().setArticle(article("KB-2", "Spooler stuck", "7.6.4", 5,
        "FAILED_VERIFICATION")).setText("Restart the spooler.\n").build());
    kb.documents.put("office@7.6.4", ListReleaseDocumentsResponse.newBuilder()
        .setRelease(Release.newBuilder().setName("office").setVersion("7.6.4")
            .addDocuments(ReleaseDocument.newBuilder().setKind("user_doc").setName("user-doc.md").setLength(2048))
            .addDocuments(ReleaseDocument.newBuilder().setKind("kb_article").setName("kb-KB-1.md").setId("KB-1")
                .setTitle("Disk full").setLength(120)))
        .addKbArticles(article("KB-1", "Disk full", "7.6.4", 28, "INSTALLING"))
        .setTraining(TrainingItem.newBuilder().setTitle("The new ribbon").setAudience("all users")
            .setLink("https://learn.example.com/ribbon"))
        .build());
    kb.texts.put("office@7.6.4/user_doc", ReleaseDocumentContent.newBuilder().setReleaseName("office")
        .setReleaseVersion("7.6.4").setText("# Guide\n\nÉtape 1 : ouvrez l'application.").build());
    kb.training.put("office@7.6.4", TrainingReport.newBuilder().setTraining(TrainingItem.newBuilder()
            .setReleaseName("office").setReleaseVersion("7.6.4").setTitle("The new ribbon").setAudience("all users")
            .setLink("https://learn.example.com/ribbon"))
        .addGroups(TrainingGroupCount.newBuilder().setGroup("lyon").setEndpoints(1).setAttested(1).setPercent(100))
        .addGroups(TrainingGroupCount.newBuilder().setGroup("paris").setEndpoints(2).setAttested(1).setPercent(50))
        .setEndpoints(3).setAttested(2).build());
  }

  @Test
  void kbSearch_words_tableWithReleaseIdAndCoverage() {
    Result result = admin.run("kb", "search", "disk");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().lines().toList()).containsExactly(
        "ID    TITLE      RELEASE       COVERS                      MATCH",
        "KB-1  Disk full  office@7.6.4  exit 28; states INSTALLING  Free some disk space.");
  }

  @Test
  void kbSearch_nothingFound_saysSo() {
    assertThat(admin.run("kb", "search", "printer", "jam").out()).isEqualTo("No KB article matches.\n");
  }

  @Test
  void kbShow_id_headerMarkdownAsWrittenAndOtherReleases() {
    Result result = admin.run("kb", "show", "KB-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("""
        KB-1: Disk full
          release   office@7.6.4
          covers    exit 28; states INSTALLING
          document  kb-KB-1.md

        # Disk full

        Free some disk space.

        Also in: office@7.6.3
        """);
  }

  @Test
  void kbShow_unknown_notFoundExitCode() {
    Result result = admin.run("kb", "show", "KB-404");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("NOT_FOUND").contains("KB-404");
  }

  @Test
  void releaseDocs_list_kindsTitlesIdsSizesCoverageTraining() {
    Result result = admin.run("release", "docs", "office@7.6.4");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("Documents of office@7.6.4:\n")
        .contains("user_doc    -          -     2.0 KiB")
        .contains("kb_article  Disk full  KB-1")
        .contains("KB articles cover:\n")
        .contains("KB-1  exit 28; states INSTALLING")
        .endsWith("Training: The new ribbon (for all users) https://learn.example.com/ribbon\n");
  }

  @Test
  void releaseDocs_show_markdownAsWrittenInAnyLanguage() {
    Result result = admin.run("release", "docs", "office@7.6.4", "--show", "user_doc");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("# Guide\n\nÉtape 1 : ouvrez l'application.\n");
  }

  @Test
  void releaseDocs_badReference_usageError() {
    Result result = admin.run("release", "docs", "office");

    assertThat(result.exitCode()).isEqualTo(dev.convoy.cli.ExitCodes.USAGE);
    assertThat(result.err()).contains("expected: NAME@VERSION");
  }

  @Test
  void releaseTraining_perGroupCountsAndTotal() {
    Result result = admin.run("release", "training", "office@7.6.4");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("""
        Training of office@7.6.4: The new ribbon (for all users) https://learn.example.com/ribbon

        GROUP  ENDPOINTS  ATTESTED  %
        lyon   1          1         100 %
        paris  2          1         50 %
        (all)  3          2         67 %
        """);
  }

  @Test
  void releaseTraining_csv_oneRowPerGroup() {
    assertThat(admin.run("release", "training", "office@7.6.4", "-o", "csv").out())
        .isEqualTo("group,endpoints,attested,percent\r\nlyon,1,1,100.0\r\nparis,2,1,50.0\r\n");
  }

  @Test
  void kbAndDocs_csv_usageErrorBeforeContactingTheServer() {
    for (String[] args : new String[][] {{"kb", "search", "disk", "-o", "csv"}, {"kb", "show", "KB-1", "-o", "csv"},
        {"release", "docs", "office@7.6.4", "-o", "csv"}}) {
      Result result = admin.run(args);

      assertThat(result.exitCode()).isEqualTo(dev.convoy.cli.ExitCodes.USAGE);
      assertThat(result.err()).contains("--output csv is not supported by");
    }
    assertThat(admin.connections).isEmpty();
  }

  @Test
  void kbShow_json_stableFields() {
    assertThat(admin.run("kb", "show", "KB-1", "-o", "json").out()).contains("\"id\": \"KB-1\"")
        .contains("\"releaseName\": \"office\"");
  }
}
