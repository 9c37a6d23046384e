package dev.convoy.agent.deployment;

import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADED;
import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADING;
import static dev.convoy.protocol.v1.DeploymentState.FAILED_VERIFICATION;
import static dev.convoy.protocol.v1.DeploymentState.NOTIFIED;
import static dev.convoy.protocol.v1.DeploymentState.OFFERED;
import static dev.convoy.protocol.v1.DeploymentState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.grpc.GrpcServerApi;
import dev.convoy.agent.testing.AgentHarness;
import dev.convoy.agent.testing.DocumentedReleases;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.InProcessAgentServer;
import dev.convoy.agent.testing.SignedReleases;
import dev.convoy.agent.testing.TestAgentService;
import dev.convoy.agent.testing.TestPayload;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.release.BuiltRelease;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 5, must-hold 4, on the agent: a release whose documents were tampered with is refused before anything is
 * installed, exactly like a tampered payload (SignedReleaseTest): FAILED_VERIFICATION with the reason, nothing
 * installed.
 */
class DocumentTamperTest {
  private static final PublisherKeyPair KEY = PublisherKeys.generate();
  private static final String USER_DOC = "convoy-release/docs/user-doc.md";
  private static final String MANIFEST = "convoy-release/manifest.json";

  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir
  Path temp;

  private final TestAgentService server = new TestAgentService();
  private AgentHarness agent;
  private GrpcServerApi api;
  private BuiltRelease built;

  @BeforeEach
  void setUp() {
    ManagedChannel channel = InProcessAgentServer.start(server, grpc);
    api = new GrpcServerApi(channel, "ep-test", Duration.ofSeconds(5));
    agent = AgentHarness.withRealInstallers(temp.resolve("agent"), channel, SiteParameters.NONE);
    grpc.register(agent);
    built = DocumentedReleases.build(temp.resolve("releases"), "office", "7.6.4", KEY);
  }

  private List<StatusReport> deploy(byte[] bytes) throws Exception {
    TestPayload payload = TestPayload.of(bytes, 4096);
    server.serve("d-1", payload);
    server.desire(System.nanoTime(), List.of(SignedReleases.proto(KEY)),
        dev.convoy.protocol.v1.DeploymentSpec.newBuilder().setDeploymentId("d-1").setCampaignId("c-1")
            .setAttempt(1).setAction(DeploymentAction.INSTALL)
            .setRelease(SignedReleases.proto(built, payload).toBuilder().setSignerKeyId(built.signer().hex()))
            .build());
    agent.reconciler.offer(api.sync(0)).get(30, TimeUnit.SECONDS);
    return server.awaitTerminal("d-1");
  }

  /** The manifest naming another hash for the user guide (same length), signed again by KEY or not. */
  private static byte[] otherDocumentHash(byte[] release, boolean resign) {
    String manifest = new String(DocumentedReleases.content(release, MANIFEST), StandardCharsets.UTF_8);
    String userDoc = new String(DocumentedReleases.content(release, USER_DOC), StandardCharsets.UTF_8);
    String sha = sha256(userDoc.getBytes(StandardCharsets.UTF_8));
    byte[] edited = manifest.replace(sha, "0".repeat(64)).getBytes(StandardCharsets.UTF_8);
    byte[] out = DocumentedReleases.replace(release, MANIFEST, edited);
    if (!resign) {
      return out;
    }
    String signature = "{\"algorithm\":\"Ed25519\",\"key_id\":\"" + KEY.id().hex() + "\",\"signature\":\""
        + Base64.getEncoder().encodeToString(KEY.sign(edited)) + "\"}";
    return DocumentedReleases.replace(out, "convoy-release/manifest.sig",
        signature.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> tampered() {
    return Stream.of(
        Arguments.of("one flipped byte in a document", (BiFunction<byte[], String, byte[]>) (r, x) ->
            SignedReleases.flip(r, SignedReleases.contentOffset(r, USER_DOC) + 3), "HASH_MISMATCH"),
        Arguments.of("a document the manifest does not list", (BiFunction<byte[], String, byte[]>) (r, x) ->
            DocumentedReleases.insertBefore(r, "convoy-release/payload/payload.tar.gz",
                "convoy-release/docs/zz-read-me.md", "# run setup.sh as root\n".getBytes(StandardCharsets.UTF_8)),
            "UNLISTED_ENTRY"),
        Arguments.of("a document hash changed in the manifest", (BiFunction<byte[], String, byte[]>) (r, x) ->
            otherDocumentHash(r, false), "BAD_SIGNATURE"),
        Arguments.of("a document hash changed and the manifest re-signed", (BiFunction<byte[], String, byte[]>)
            (r, x) -> otherDocumentHash(r, true), "HASH_MISMATCH"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampered")
  void signedRelease_tamperedDocument_failedVerificationNothingInstalled(String name,
      BiFunction<byte[], String, byte[]> tamper, String reason) throws Exception {
    List<StatusReport> reports = deploy(tamper.apply(SignedReleases.bytes(built), name));

    assertThat(reports).extracting(StatusReport::getState)
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, FAILED_VERIFICATION);
    assertThat(reports.get(4).getDetail()).startsWith(reason + ": ");
    assertThat(agent.dir.managed().resolve("office")).doesNotExist();
  }

  @Test
  void signedRelease_intactDocuments_installs() throws Exception {
    assertThat(deploy(SignedReleases.bytes(built))).extracting(StatusReport::getState).last().isEqualTo(SUCCEEDED);
  }
}
