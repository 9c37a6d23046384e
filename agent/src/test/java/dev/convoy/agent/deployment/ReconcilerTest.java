package dev.convoy.agent.deployment;

import static dev.convoy.protocol.v1.DeploymentState.ALREADY_INSTALLED;
import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADED;
import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADING;
import static dev.convoy.protocol.v1.DeploymentState.FAILED;
import static dev.convoy.protocol.v1.DeploymentState.FAILED_VERIFICATION;
import static dev.convoy.protocol.v1.DeploymentState.INSTALLING;
import static dev.convoy.protocol.v1.DeploymentState.OFFERED;
import static dev.convoy.protocol.v1.DeploymentState.NOTIFIED;
import static dev.convoy.protocol.v1.DeploymentState.ROLLED_BACK;
import static dev.convoy.protocol.v1.DeploymentState.SUCCEEDED;
import static dev.convoy.protocol.v1.DeploymentState.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.grpc.GrpcServerApi;
import dev.convoy.agent.testing.AgentHarness;
import dev.convoy.agent.testing.FakeInstaller;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.InProcessAgentServer;
import dev.convoy.agent.testing.TestAgentService;
import dev.convoy.agent.testing.TestPayload;
import dev.convoy.agent.testing.TestRelease;
import dev.convoy.installers.Detection;
import dev.convoy.installers.StepResult;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.StatusReport;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment state table end to end on one agent: each case asserts the exact chain of reported states,
 * their sequence numbers, and what ended up installed. The server is a real in-process AgentService.
 */
class ReconcilerTest {
  private static final String ID = "dep-1";

  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir
  Path root;

  private final TestAgentService server = new TestAgentService();
  private final FakeInstaller installer = new FakeInstaller();
  private final TestRelease release = TestRelease.random("hello", "1.0.0", FakeInstaller.TYPE, 5000, 1024, 3);
  private final TestPayload payload = release.payload();
  private AgentHarness agent;
  private GrpcServerApi api;

  @BeforeEach
  void setUp() {
    ManagedChannel channel = InProcessAgentServer.start(server, grpc);
    api = new GrpcServerApi(channel, "ep-test", Duration.ofSeconds(5));
    agent = new AgentHarness(root, channel, installer, Duration.ofMillis(5));
    grpc.register(agent);
    server.serve(ID, payload);
    server.desire(1, spec(ID, 1));
  }

  private DeploymentSpec spec(String id, int attempt) {
    return DeploymentSpec.newBuilder().setDeploymentId(id).setCampaignId("c-1").setAttempt(attempt)
        .setAction(DeploymentAction.INSTALL).setRelease(release.proto()).build();
  }

  private List<StatusReport> runToTerminal() throws Exception {
    agent.reconciler.offer(syncedDesiredState()).get(10, TimeUnit.SECONDS);
    return server.awaitTerminal(ID);
  }

  private DesiredState syncedDesiredState() {
    return api.sync(0);
  }

  @Test
  void offer_success_walksTheWholeChainWithIncreasingSequences() throws Exception {
    List<StatusReport> reports = runToTerminal();

    assertThat(reports).extracting(StatusReport::getState)
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, VERIFYING, SUCCEEDED);
    assertThat(reports).extracting(StatusReport::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(reports).allSatisfy(r -> assertThat(r.getAttempt()).isEqualTo(1));
    assertThat(reports).allSatisfy(r -> assertThat(r.getEndpointId()).isEqualTo("ep-test"));
    assertThat(reports.get(3).getBytesDownloaded()).isEqualTo(payload.length());
    assertThat(reports.get(6).getLogExcerpt()).contains("SUCCEEDED").contains("staging hello 1.0.0");
    assertThat(Files.readAllBytes(FakeInstaller.installed(agent.dir.managed(), "hello", "1.0.0"))).isEqualTo(release.content());
    // detect: before downloading, for the version gate of the signature check, then the lifecycle's own
    assertThat(installer.calls).containsExactly("detect", "detect", "detect", "stage", "install", "verify", "commit",
        "cleanup");
    assertThat(agent.installedChanges.get()).isEqualTo(1);
  }

  @Test
  void offer_everyReport_isAlreadyJournaledWhenTheServerReceivesIt() throws Exception {
    Path file = agent.dir.journal().resolve(ID + ".properties");
    List<long[]> seen = new java.util.concurrent.CopyOnWriteArrayList<>(); // {reported, journaled on disk}
    server.onReport(report -> {
      try {
        var onDisk = dev.convoy.agent.storage.PropertiesFile.read(file);
        seen.add(new long[] {report.getSequence(), Long.parseLong(onDisk.get("next_sequence")) - 1});
      } catch (java.io.IOException e) {
        seen.add(new long[] {report.getSequence(), 0});
      }
    });

    runToTerminal();

    // Every report but the install permit (INSTALLING, sequence 5) is journaled before it is sent; the permit is
    // journaled once the server applied it, its intent (permit_pending) before: see PermitTest.
    assertThat(seen).hasSize(7).filteredOn(pair -> pair[0] != 5)
        .allSatisfy(pair -> assertThat(pair[1]).isGreaterThanOrEqualTo(pair[0]));
    assertThat(seen.get(4)).containsExactly(5L, 4L);
  }

  @Test
  void offer_success_cleansUpPayloadAndWorkDirButKeepsTheLog() throws Exception {
    runToTerminal();

    assertThat(agent.downloader.payloadPath(payload.sha256())).doesNotExist();
    assertThat(agent.downloader.partPath(payload.sha256())).doesNotExist();
    try (var files = Files.list(agent.dir.work(ID))) {
      assertThat(files).containsExactly(agent.dir.work(ID).resolve("deployment.log"));
    }
    assertThat(Files.readString(agent.dir.work(ID).resolve("deployment.log"))).contains("OFFERED", "DOWNLOADED", "SUCCEEDED");
  }

  @Test
  void offer_stageFails_endsFailedWithTheInstallersExitCode() throws Exception {
    installer.stage = StepResult.failure(3, "archive is corrupt");

    List<StatusReport> reports = runToTerminal();

    assertThat(reports).extracting(StatusReport::getState)
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, FAILED);
    StatusReport last = reports.get(5);
    assertThat(last.getExitCode()).isEqualTo(3);
    assertThat(last.getDetail()).isEqualTo("archive is corrupt");
    assertThat(last.getLogExcerpt()).contains("archive is corrupt");
  }

  @Test
  void offer_installFails_rollsBack() throws Exception {
    installer.install = StepResult.failure(1, "disk full");

    List<StatusReport> reports = runToTerminal();

    assertThat(reports).extracting(StatusReport::getState)
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, ROLLED_BACK);
    assertThat(installer.calls).contains("rollback").doesNotContain("verify", "commit");
    assertThat(agent.installedChanges.get()).isZero();
  }

  @Test
  void offer_verifyFails_rollsBackAfterVerifying() throws Exception {
    installer.verify = StepResult.failure(2, "hello --version printed 0.9");

    List<StatusReport> reports = runToTerminal();

    assertThat(reports).extracting(StatusReport::getState)
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, VERIFYING, ROLLED_BACK);
    assertThat(reports.get(6).getExitCode()).isEqualTo(2);
    assertThat(reports).extracting(StatusReport::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void offer_alreadyInstalled_downloadsNothing() throws Exception {
    installer.detection = Detection.same("1.0.0");

    List<StatusReport> reports = runToTerminal();

    assertThat(reports).extracting(StatusReport::getState).containsExactly(OFFERED, ALREADY_INSTALLED);
    assertThat(server.servedBytes.get()).isZero();
    assertThat(installer.calls).containsExactly("detect");
  }

  @Test
  void offer_payloadHashMismatch_failsVerificationAndInstallsNothing() throws Exception {
    server.tamperChunk(2);

    List<StatusReport> reports = runToTerminal();

    assertThat(reports).extracting(StatusReport::getState).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, FAILED_VERIFICATION);
    assertThat(reports.get(3).getDetail()).startsWith("chunk 2 sha256: ");
    assertThat(installer.calls).containsExactly("detect");
    assertThat(agent.dir.managed()).doesNotExist();
    assertThat(agent.downloader.partPath(payload.sha256())).doesNotExist();
  }

  @Test
  void offer_unknownInstallerType_failsBeforeDownloading() throws Exception {
    server.desire(1, spec(ID, 1).toBuilder()
        .setRelease(release.proto().toBuilder().setInstaller("msi")).build());

    List<StatusReport> reports = runToTerminal();

    assertThat(reports).extracting(StatusReport::getState).containsExactly(OFFERED, FAILED);
    assertThat(reports.get(1).getDetail()).isEqualTo("installer type: 'msi' (expected one of: fake)");
    assertThat(server.servedBytes.get()).isZero();
  }

  @Test
  void offer_unsignedRelease_failedVerificationNothingDownloadedOrRun() throws Exception {
    server.desire(1, spec(ID, 1).toBuilder().setRelease(release.proto().toBuilder().setFormat("")
        .setSignerKeyId("").setManifestSha256("").setArchiveFormat("tar.gz")).build());

    List<StatusReport> reports = runToTerminal();

    assertThat(reports).extracting(StatusReport::getState).containsExactly(OFFERED, FAILED_VERIFICATION);
    assertThat(reports.get(1).getDetail()).isEqualTo("release format: '' (expected: 'convoy-release'; this agent"
        + " installs only releases signed by a trusted publisher key, unsigned releases were retired)");
    assertThat(server.servedBytes.get()).isZero();
    assertThat(installer.calls).isEmpty();
    assertThat(agent.dir.managed()).doesNotExist();
    assertThat(agent.downloader.partPath(payload.sha256())).doesNotExist();
    agent.reconciler.offer(syncedDesiredState()).get(10, TimeUnit.SECONDS); // listed again: nothing repeats
    assertThat(server.reportsFor(ID)).hasSize(2);
  }

  @Test
  void offer_unsafePackageName_failsBeforeDownloading() throws Exception {
    server.desire(1, spec(ID, 1).toBuilder().setRelease(release.proto().toBuilder().setName("../etc")).build());

    List<StatusReport> reports = runToTerminal();

    assertThat(reports).extracting(StatusReport::getState).containsExactly(OFFERED, FAILED);
    assertThat(reports.get(1).getDetail()).startsWith("package name: '../etc' (expected: ");
    assertThat(server.servedBytes.get()).isZero();
    assertThat(installer.calls).isEmpty();
  }

  @Test
  void offer_uninstall_runsTheUninstallLifecycleWithoutDownloading() throws Exception {
    server.desire(1, spec(ID, 1).toBuilder().setAction(DeploymentAction.UNINSTALL).build());

    List<StatusReport> reports = runToTerminal();

    assertThat(reports).extracting(StatusReport::getState).containsExactly(OFFERED, NOTIFIED, INSTALLING, SUCCEEDED);
    assertThat(installer.calls).containsExactly("uninstall");
    assertThat(server.servedBytes.get()).isZero();
  }

  @Test
  void offer_terminalDeploymentListedAgain_isNotRepeated() throws Exception {
    runToTerminal();
    int reportsBefore = server.reports.size();

    agent.reconciler.offer(syncedDesiredState()).get(10, TimeUnit.SECONDS);

    assertThat(server.reports).hasSize(reportsBefore);
  }

  @Test
  void offer_newAttempt_startsOverWithSequenceOne() throws Exception {
    installer.install = StepResult.failure(1, "disk full");
    runToTerminal();
    installer.install = StepResult.success("installed");
    server.desire(2, spec(ID, 2));

    agent.reconciler.offer(syncedDesiredState()).get(10, TimeUnit.SECONDS);
    server.await(() -> server.reportsFor(ID).stream().anyMatch(r -> r.getAttempt() == 2 && r.getState() == SUCCEEDED),
        Duration.ofSeconds(10));

    List<StatusReport> second = server.reportsFor(ID).stream().filter(r -> r.getAttempt() == 2).toList();
    assertThat(second).extracting(StatusReport::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void offer_twoDeployments_processesThemOneAfterTheOther() throws Exception {
    TestRelease other = TestRelease.random("world", "2.0.0", FakeInstaller.TYPE, 3000, 1024, 4);
    server.serve("dep-2", other.payload());
    server.desire(1, spec(ID, 1), DeploymentSpec.newBuilder().setDeploymentId("dep-2").setAttempt(1)
        .setAction(DeploymentAction.INSTALL).setRelease(other.proto()).build());

    agent.reconciler.offer(syncedDesiredState()).get(10, TimeUnit.SECONDS);
    server.awaitTerminal("dep-2");

    List<String> order = server.reports.stream().map(r -> r.getDeploymentId() + ":" + r.getState()).toList();
    assertThat(order.indexOf("dep-1:SUCCEEDED")).isLessThan(order.indexOf("dep-2:OFFERED"));
    assertThat(FakeInstaller.installed(agent.dir.managed(), "world", "2.0.0")).exists();
  }
}
