package dev.convoy.agent.deployment;

import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADED;
import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADING;
import static dev.convoy.protocol.v1.DeploymentState.FAILED;
import static dev.convoy.protocol.v1.DeploymentState.FAILED_VERIFICATION;
import static dev.convoy.protocol.v1.DeploymentState.INSTALLING;
import static dev.convoy.protocol.v1.DeploymentState.OFFERED;
import static dev.convoy.protocol.v1.DeploymentState.NOTIFIED;
import static dev.convoy.protocol.v1.DeploymentState.SUCCEEDED;
import static dev.convoy.protocol.v1.DeploymentState.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.grpc.GrpcServerApi;
import dev.convoy.agent.testing.AgentHarness;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signed releases end to end on one agent with the real installer backends and lifecycle: the server is the
 * in-process test AgentService, the releases are built and signed with the release module. A tampered, untrusted,
 * unsigned or replayed-older release ends in FAILED_VERIFICATION with nothing installed and nothing left behind.
 */
class SignedReleaseTest {
  private static final PublisherKeyPair KEY = PublisherKeys.generate();
  private static final PublisherKeyPair STRANGER = PublisherKeys.generate();

  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir
  Path temp;

  private final TestAgentService server = new TestAgentService();
  private AgentHarness agent;
  private GrpcServerApi api;

  @BeforeEach
  void setUp() {
    ManagedChannel channel = InProcessAgentServer.start(server, grpc);
    api = new GrpcServerApi(channel, "ep-test", Duration.ofSeconds(5));
    agent = AgentHarness.withRealInstallers(temp.resolve("agent"), channel, SiteParameters.NONE);
    grpc.register(agent);
  }

  /** An app tree: bin/hello (executable), share/readme.txt, share/latest -> readme.txt. */
  private Path app(String version) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("src-" + version + "-" + System.nanoTime()));
    Files.createDirectories(dir.resolve("bin"));
    Files.createDirectories(dir.resolve("share"));
    Files.writeString(dir.resolve("bin/hello"), "#!/bin/sh\necho hello " + version + "\n");
    Files.setPosixFilePermissions(dir.resolve("bin/hello"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("share/readme.txt"), "readme of " + version + "\n");
    Files.createSymbolicLink(dir.resolve("share/latest"), Path.of("readme.txt"));
    return dir;
  }

  private BuiltRelease archive(String version, boolean downgrade, PublisherKeyPair key) throws IOException {
    return SignedReleases.build(app(version), "hello", version, "archive", Map.of(), downgrade, key,
        temp.resolve("releases"));
  }

  /** Serves {@code bytes} as deployment {@code id} of {@code built}, runs it to a terminal state. */
  private List<StatusReport> deploy(String id, BuiltRelease built, byte[] bytes, boolean allowDowngrade,
      PublisherKeyPair trusted) throws Exception {
    TestPayload payload = TestPayload.of(bytes, 4096);
    server.serve(id, payload);
    dev.convoy.protocol.v1.Release release = SignedReleases.proto(built, payload).toBuilder()
        .setSignerKeyId(built.signer().hex()).build();
    server.desire(System.nanoTime(), List.of(SignedReleases.proto(trusted)),
        dev.convoy.protocol.v1.DeploymentSpec.newBuilder().setDeploymentId(id).setCampaignId("c-" + id)
            .setAttempt(1).setAction(DeploymentAction.INSTALL).setAllowDowngrade(allowDowngrade)
            .setRelease(release).build());
    agent.reconciler.offer(api.sync(0)).get(30, TimeUnit.SECONDS);
    return server.awaitTerminal(id);
  }

  private Path current() {
    return agent.dir.managed().resolve("hello/current");
  }

  @Test
  void signedArchive_trusted_installsTheVerifiedTree() throws Exception {
    BuiltRelease built = archive("1.0.0", false, KEY);

    List<StatusReport> reports = deploy("d-1", built, SignedReleases.bytes(built), false, KEY);

    assertThat(reports).extracting(StatusReport::getState)
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, VERIFYING, SUCCEEDED);
    assertThat(current().resolve("share/latest")).hasContent("readme of 1.0.0");
    assertThat(Files.getPosixFilePermissions(current().resolve("bin/hello")))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(reports.get(6).getLogExcerpt()).contains("release verified: signer " + KEY.publicKey().id().hex())
        .contains("adopted the verified payload directory");
    assertNothingLeftBehind("d-1");
  }

  static Stream<Arguments> tampered() {
    return Stream.of(
        Arguments.of("flipped bit in the payload", (UnaryOperator<byte[]>) r -> SignedReleases.flip(r,
            SignedReleases.contentOffset(r, "convoy-release/payload/payload.tar.gz") + 40), KEY, "HASH_MISMATCH"),
        Arguments.of("flipped bit in the manifest", (UnaryOperator<byte[]>) r -> SignedReleases.flip(r,
            SignedReleases.contentOffset(r, "convoy-release/manifest.json") + 30), KEY, "BAD_SIGNATURE"),
        Arguments.of("forged signature", (UnaryOperator<byte[]>) SignedReleases::forgeSignature, KEY,
            "BAD_SIGNATURE"),
        Arguments.of("signed by an untrusted key", (UnaryOperator<byte[]>) r -> r, STRANGER, "UNTRUSTED_KEY"),
        Arguments.of("unsigned", (UnaryOperator<byte[]>) SignedReleases::withoutSignature, KEY, "UNSIGNED"),
        Arguments.of("file added to the payload", (UnaryOperator<byte[]>) r -> {
          try {
            return SignedReleases.withExtraPayloadFile(r, "payload.tar.gz", "zz-planted");
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }, KEY, "LENGTH_MISMATCH")); // the blob is no longer the signed one, whatever it holds
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampered")
  void signedArchive_tampered_failedVerificationNothingInstalledAllPurged(String name, UnaryOperator<byte[]> tamper,
      PublisherKeyPair trusted, String reason) throws Exception {
    BuiltRelease built = archive("1.0.0", false, KEY);

    List<StatusReport> reports = deploy("d-1", built, tamper.apply(SignedReleases.bytes(built)), false, trusted);

    assertThat(reports).extracting(StatusReport::getState)
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, FAILED_VERIFICATION);
    assertThat(reports.get(4).getDetail()).startsWith(reason + ": ");
    assertThat(agent.dir.managed().resolve("hello")).doesNotExist();
    assertNothingLeftBehind("d-1");
  }

  @Test
  void signedArchive_olderVersionReplayedWithoutConsent_refusedAndNewerStays() throws Exception {
    BuiltRelease newer = archive("2.0.0", false, KEY);
    BuiltRelease older = archive("1.0.0", false, KEY);
    assertThat(deploy("d-new", newer, SignedReleases.bytes(newer), false, KEY)).last()
        .extracting(StatusReport::getState).isEqualTo(SUCCEEDED);

    List<StatusReport> reports = deploy("d-old", older, SignedReleases.bytes(older), false, KEY);

    assertThat(reports).last().extracting(StatusReport::getState).isEqualTo(FAILED_VERIFICATION);
    assertThat(reports.get(reports.size() - 1).getDetail()).startsWith("DOWNGRADE: ")
        .contains("older than the installed 2.0.0");
    assertThat(current().resolve("share/readme.txt")).hasContent("readme of 2.0.0");
    assertThat(agent.dir.managed().resolve("hello/versions")).isDirectoryContaining(p -> true)
        .satisfies(dir -> assertThat(dir.toFile().list()).containsExactly("2.0.0"));
    assertNothingLeftBehind("d-old");
  }

  @Test
  void signedArchive_signedDowngradeTheCampaignAllows_installs() throws Exception {
    BuiltRelease newer = archive("2.0.0", false, KEY);
    BuiltRelease older = archive("1.0.0", true, KEY);
    deploy("d-new", newer, SignedReleases.bytes(newer), false, KEY);

    List<StatusReport> reports = deploy("d-old", older, SignedReleases.bytes(older), true, KEY);

    assertThat(reports).last().extracting(StatusReport::getState).isEqualTo(SUCCEEDED);
    assertThat(current().resolve("share/readme.txt")).hasContent("readme of 1.0.0");
  }

  @Test
  void signedScript_installExits3_oneFailedReportWithExitCodeAndOutput() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("script-src"));
    Files.writeString(dir.resolve("install.sh"), "#!/bin/sh\necho 'disk is full, giving up'\nexit 3\n");
    BuiltRelease built = SignedReleases.build(dir, "tool", "1.0.0", "script", Map.of(), false, KEY,
        temp.resolve("releases"));

    List<StatusReport> reports = deploy("d-s", built, SignedReleases.bytes(built), false, KEY);

    assertThat(reports).extracting(StatusReport::getState)
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, FAILED);
    assertThat(reports).filteredOn(r -> r.getState() == FAILED).singleElement().satisfies(failed -> {
      assertThat(failed.getExitCode()).isEqualTo(3);
      assertThat(failed.getDetail()).contains("install.sh exited 3");
      assertThat(failed.getLogExcerpt()).contains("[install.sh] disk is full, giving up");
    });
    agent.reconciler.offer(api.sync(0)).get(10, TimeUnit.SECONDS); // the server still lists it: nothing re-runs
    assertThat(server.reportsFor("d-s")).filteredOn(r -> r.getState() == FAILED).hasSize(1);
  }

  @Test
  void signedArchive_uninstallCampaign_removesItWithoutDownloading() throws Exception {
    BuiltRelease built = archive("1.0.0", false, KEY);
    deploy("d-1", built, SignedReleases.bytes(built), false, KEY);
    long served = server.servedBytes.get();
    TestPayload payload = TestPayload.of(SignedReleases.bytes(built), 4096);
    server.desire(99, List.of(SignedReleases.proto(KEY)), dev.convoy.protocol.v1.DeploymentSpec.newBuilder()
        .setDeploymentId("d-u").setCampaignId("c-u").setAttempt(1).setAction(DeploymentAction.UNINSTALL)
        .setRelease(SignedReleases.proto(built, payload)).build());

    agent.reconciler.offer(api.sync(0)).get(30, TimeUnit.SECONDS);

    assertThat(server.awaitTerminal("d-u")).extracting(StatusReport::getState)
        .containsExactly(OFFERED, NOTIFIED, INSTALLING, SUCCEEDED);
    assertThat(server.servedBytes.get()).isEqualTo(served);
    assertThat(agent.dir.managed().resolve("hello")).doesNotExist();
  }

  @Test
  void release_unknownFormat_failedVerificationBeforeDownloading() throws Exception {
    BuiltRelease built = archive("1.0.0", false, KEY);
    TestPayload payload = TestPayload.of(SignedReleases.bytes(built), 4096);
    server.serve("d-f", payload);
    server.desire(5, List.of(SignedReleases.proto(KEY)), dev.convoy.protocol.v1.DeploymentSpec.newBuilder()
        .setDeploymentId("d-f").setCampaignId("c").setAttempt(1).setAction(DeploymentAction.INSTALL)
        .setRelease(SignedReleases.proto(built, payload).toBuilder().setFormat("convoy-release-v9")).build());

    agent.reconciler.offer(api.sync(0)).get(30, TimeUnit.SECONDS);

    List<StatusReport> reports = server.awaitTerminal("d-f");
    assertThat(reports).extracting(StatusReport::getState).containsExactly(OFFERED, FAILED_VERIFICATION);
    assertThat(reports.get(1).getDetail()).isEqualTo("release format: 'convoy-release-v9' (expected:"
        + " 'convoy-release'; this agent installs only releases signed by a trusted publisher key, unsigned releases"
        + " were retired)");
    assertThat(server.servedBytes.get()).isZero();
    assertThat(agent.dir.managed().resolve("hello")).doesNotExist();
  }

  @Test
  void journal_signedDeployment_keepsKeysConsentAndReleaseFields() throws Exception {
    BuiltRelease built = archive("1.0.0", false, KEY);
    JournalEntry entry = JournalCodec.decode(JournalCodec.encode(JournalEntry.offered(
        new DeploymentSpec("d-j", "c", new Release("hello", "1.0.0", "archive", "ab", 1, 1, List.of("ab"), "",
            Release.SIGNED_FORMAT, built.signer().hex(), Map.of("k", "v"), "cd", true),
            dev.convoy.agent.deployment.DeploymentAction.INSTALL,
            1, true, List.of(KEY.publicKey())), AgentHarness.CLOCK.instant())));

    assertThat(entry.spec().trustedKeys()).containsExactly(KEY.publicKey());
    assertThat(entry.spec().allowDowngrade()).isTrue();
    assertThat(entry.spec().release().signed()).isTrue();
    assertThat(entry.spec().release().installerParameters()).isEqualTo(Map.of("k", "v"));
    assertThat(entry.spec().release().downgrade()).isTrue();
    assertThat(entry.spec().release().manifestSha256()).isEqualTo("cd");
  }

  private void assertNothingLeftBehind(String id) throws IOException {
    try (Stream<Path> downloads = Files.list(agent.dir.downloads())) {
      assertThat(downloads).isEmpty();
    }
    try (Stream<Path> work = Files.list(agent.dir.work(id))) {
      assertThat(work.map(p -> p.getFileName().toString())).containsExactly(DeploymentLog.FILE_NAME);
    }
  }
}
