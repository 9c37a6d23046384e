package dev.convoy.agent.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.convoy.agent.deployment.DeploymentJournal;
import dev.convoy.agent.deployment.DeploymentState;
import dev.convoy.agent.grpc.GrpcKnowledgeApi;
import dev.convoy.agent.testing.DocumentedReleases;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.SignedReleases;
import dev.convoy.agent.testing.TestKnowledgeService;
import dev.convoy.release.BuiltRelease;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code convoy-agent docs}: documents fetched over gRPC (in-process AgentService) or read locally, verified. */
class UserDocumentsTest {
  private static final PublisherKeyPair KEY = PublisherKeys.generate();
  private static final PublisherKeyPair STRANGER = PublisherKeys.generate();

  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir Path dir;
  private final TestKnowledgeService server = new TestKnowledgeService();
  private DeploymentJournal journal;
  private UserDocuments documents;
  private BuiltRelease office;

  @BeforeEach
  void setUp() {
    journal = new DeploymentJournal(dir.resolve("journal"));
    documents = new UserDocuments(new WorkstationReleases(journal),
        new GrpcKnowledgeApi(server.start(grpc), "ep-1", Duration.ofSeconds(10)),
        sha -> dir.resolve("downloads/" + sha + ".payload"));
    office = DocumentedReleases.build(dir.resolve("releases"), "office", "7.6.4", KEY);
    server.serve("office", "7.6.4", SignedReleases.bytes(office));
  }

  private DocumentException.Kind refusal(String name, String selector) {
    try {
      documents.read(name, selector);
    } catch (DocumentException e) {
      return e.kind();
    }
    throw new AssertionError("expected a refusal");
  }

  @Test
  void read_offeredRelease_fetchedFromTheServerVerifiedAsWritten() {
    DocumentedReleases.journal(journal, "d-1", office, KEY, KEY, DeploymentState.OFFERED);

    VerifiedDocument doc = documents.read("office", UserDocuments.USER_DOC);

    assertThat(doc.text()).isEqualTo(DocumentedReleases.USER_DOC);
    assertThat(doc.document()).isEqualTo("user-doc.md");
    assertThat(doc.source()).isEqualTo("server");
    assertThat(server.documentRequests).singleElement()
        .satisfies(r -> assertThat(r.getEndpointId() + " " + r.getReleaseName() + "@" + r.getReleaseVersion())
            .isEqualTo("ep-1 office@7.6.4"));
  }

  @Test
  void read_releaseFileStillDownloaded_readLocallyWithoutTheServer() throws Exception {
    DocumentedReleases.journal(journal, "d-1", office, KEY, KEY, DeploymentState.DOWNLOADED);
    Files.createDirectories(dir.resolve("downloads"));
    Files.copy(office.file(), dir.resolve("downloads/" + office.fileSha256() + ".payload"));

    VerifiedDocument doc = documents.read("office@7.6.4", "runbook");

    assertThat(doc.text()).isEqualTo("1. install\n");
    assertThat(doc.source()).isEqualTo("local release file");
    assertThat(server.documentRequests).isEmpty();
  }

  @Test
  void read_serverAnswersATamperedDocument_unverifiedNothingShown() {
    DocumentedReleases.journal(journal, "d-1", office, KEY, KEY, DeploymentState.SUCCEEDED);
    server.tamper = answer -> {
      byte[] content = answer.getContent().toByteArray();
      content[3] ^= 0x04;
      return answer.toBuilder().setContent(ByteString.copyFrom(content)).build();
    };

    assertThatThrownBy(() -> documents.read("office", UserDocuments.USER_DOC))
        .isInstanceOfSatisfying(DocumentException.class,
            e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.UNVERIFIED))
        .hasMessageContaining("HASH_MISMATCH").hasMessageEndingWith("nothing is shown");
  }

  @Test
  void read_serverAnswersAnotherDocumentOrAForgedSignature_unverified() {
    DocumentedReleases.journal(journal, "d-1", office, KEY, KEY, DeploymentState.SUCCEEDED);

    server.tamper = answer -> answer.toBuilder().setDocument("runbook.md")
        .setContent(ByteString.copyFromUtf8("1. install\n")).build();
    assertThat(refusal("office", UserDocuments.USER_DOC)).isEqualTo(DocumentException.Kind.UNVERIFIED);

    server.tamper = answer -> {
      byte[] signature = answer.getSignatureJson().toByteArray();
      byte[] forged = SignedReleases.forgeSignature(signature);
      return answer.toBuilder().setSignatureJson(ByteString.copyFrom(forged)).build();
    };
    assertThat(refusal("office", UserDocuments.USER_DOC)).isEqualTo(DocumentException.Kind.UNVERIFIED);
  }

  @Test
  void read_signedByAKeyTheDeploymentDoesNotTrust_unverified() {
    BuiltRelease foreign = DocumentedReleases.build(dir.resolve("releases"), "calc", "1.0.0", STRANGER);
    server.serve("calc", "1.0.0", SignedReleases.bytes(foreign));
    DocumentedReleases.journal(journal, "d-2", foreign, STRANGER, KEY, DeploymentState.OFFERED);

    assertThatThrownBy(() -> documents.read("calc", UserDocuments.USER_DOC))
        .isInstanceOfSatisfying(DocumentException.class,
            e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.UNVERIFIED))
        .hasMessageContaining("UNTRUSTED_KEY");
  }

  @Test
  void read_serverAnswersTheManifestOfAnotherRelease_unverified() {
    BuiltRelease other = DocumentedReleases.build(dir.resolve("releases"), "calc", "7.6.4", KEY); // same key
    server.serve("office", "7.6.4", SignedReleases.bytes(other));
    DocumentedReleases.journal(journal, "d-1", office, KEY, KEY, DeploymentState.OFFERED);

    assertThatThrownBy(() -> documents.read("office", UserDocuments.USER_DOC))
        .isInstanceOfSatisfying(DocumentException.class,
            e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.UNVERIFIED))
        .hasMessageContaining("UNEXPECTED_RELEASE");
  }

  @Test
  void read_downloadedFileTampered_unverifiedNothingShown() throws Exception {
    DocumentedReleases.journal(journal, "d-1", office, KEY, KEY, DeploymentState.DOWNLOADED);
    byte[] bytes = SignedReleases.bytes(office);
    Files.createDirectories(dir.resolve("downloads"));
    Files.write(dir.resolve("downloads/" + office.fileSha256() + ".payload"), SignedReleases.flip(bytes,
        SignedReleases.contentOffset(bytes, "convoy-release/docs/user-doc.md") + 2));

    assertThat(refusal("office", UserDocuments.USER_DOC)).isEqualTo(DocumentException.Kind.UNVERIFIED);
  }

  @Test
  void read_releaseNotOnThisComputerOrNoSuchDocument_notFound() {
    DocumentedReleases.journal(journal, "d-1", office, KEY, KEY, DeploymentState.OFFERED);

    assertThatThrownBy(() -> documents.read("excel", UserDocuments.USER_DOC))
        .hasMessage("no release excel is installed or offered on this computer (expected one of: [office@7.6.4])");
    assertThat(refusal("office", "release_notes")).isEqualTo(DocumentException.Kind.NOT_FOUND);
  }
}
