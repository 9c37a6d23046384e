package dev.convoy.agent.deployment;

import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADED;
import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADING;
import static dev.convoy.protocol.v1.DeploymentState.FAILED_VERIFICATION;
import static dev.convoy.protocol.v1.DeploymentState.INSTALLING;
import static dev.convoy.protocol.v1.DeploymentState.OFFERED;
import static dev.convoy.protocol.v1.DeploymentState.NOTIFIED;
import static dev.convoy.protocol.v1.DeploymentState.SUCCEEDED;
import static dev.convoy.protocol.v1.DeploymentState.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.grpc.GrpcServerApi;
import dev.convoy.agent.storage.PropertiesFile;
import dev.convoy.agent.testing.AgentHarness;
import dev.convoy.agent.testing.FakeInstaller;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.InProcessAgentServer;
import dev.convoy.agent.testing.TestAgentService;
import dev.convoy.agent.testing.TestPayload;
import dev.convoy.agent.testing.TestRelease;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.StatusReport;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A new agent process over the same data directory picks up where the previous one stopped. */
class RestartTest {
  private static final String ID = "dep-1";
  private static final int CHUNK = 1024;

  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir
  Path root;

  private final TestAgentService server = new TestAgentService();
  private final FakeInstaller installer = new FakeInstaller();
  private final TestRelease release = TestRelease.random("hello", "1.0.0", FakeInstaller.TYPE, 10 * CHUNK, CHUNK, 5);
  private final TestPayload payload = release.payload();
  private ManagedChannel channel;
  private GrpcServerApi api;

  @BeforeEach
  void setUp() {
    channel = InProcessAgentServer.start(server, grpc);
    api = new GrpcServerApi(channel, "ep-test", Duration.ofSeconds(5));
    server.serve(ID, payload);
    server.desire(1, DeploymentSpec.newBuilder().setDeploymentId(ID).setAttempt(1).setAction(DeploymentAction.INSTALL)
        .setRelease(release.proto()).build());
  }

  @Test
  void start_deploymentLeftDownloading_resumesFromTheVerifiedOffsetWithoutRepeatingSequences() throws Exception {
    // First process: the connection drops after 3 chunks; a long retry backoff keeps it paused in DOWNLOADING.
    AgentHarness agent = new AgentHarness(root, channel, installer, Duration.ofHours(1));
    grpc.register(agent);
    server.cutNextDownloadAfter(3);
    agent.reconciler.offer(api.sync(0)).get(10, TimeUnit.SECONDS);
    server.await(() -> server.reportsFor(ID).size() == 3, Duration.ofSeconds(10));
    // the server has both reports; wait until the agent journaled their acknowledgement too, or the next process
    // rightly sends DOWNLOADING again (at-least-once; the real server drops the duplicate by its sequence)
    server.await(() -> agent.journal.find(ID).orElseThrow().reportedSequence() == 3, Duration.ofSeconds(10));
    assertThat(agent.journal.find(ID).orElseThrow().state()).isEqualTo(DeploymentState.DOWNLOADING);
    assertThat(Files.size(agent.downloader.partPath(payload.sha256()))).isEqualTo(3L * CHUNK);
    server.servedBytes.set(0);

    // Second process over the same directory: resumes on start, before any sync.
    agent.restart();
    agent.reconciler.start().get(10, TimeUnit.SECONDS);
    List<StatusReport> reports = server.awaitTerminal(ID);

    assertThat(reports).extracting(StatusReport::getState)
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, VERIFYING, SUCCEEDED);
    assertThat(reports).extracting(StatusReport::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(server.downloadOffsets).containsExactly(0L, 3L * CHUNK);
    assertThat(server.servedBytes.get()).isEqualTo(payload.length() - 3L * CHUNK);
    StatusReport downloaded = reports.get(3);
    assertThat(downloaded.getResumedFromOffset()).isEqualTo(3L * CHUNK);
    assertThat(downloaded.getBytesDownloaded()).isEqualTo(payload.length() - 3L * CHUNK);
    assertThat(Files.readAllBytes(FakeInstaller.installed(agent.dir.managed(), "hello", "1.0.0")))
        .isEqualTo(release.content());
  }

  @Test
  void start_deploymentLeftInstalling_reRunsTheLifecycle() throws Exception {
    AgentHarness agent = new AgentHarness(root, channel, installer, Duration.ofMillis(5));
    grpc.register(agent);
    // As if the previous process was killed right after journaling INSTALLING (its report never sent).
    Path payloadFile = agent.downloader.download(ID, payload.spec()).payload();
    dev.convoy.agent.deployment.DeploymentSpec spec = release.install(ID, "c-1");
    JournalEntry entry = JournalEntry.offered(spec, AgentHarness.CLOCK.instant())
        .advance(DeploymentState.NOTIFIED, "", 0, AgentHarness.CLOCK.instant())
        .advance(DeploymentState.DOWNLOADING, "", 0, AgentHarness.CLOCK.instant())
        .advance(DeploymentState.DOWNLOADED, "", 0, AgentHarness.CLOCK.instant())
        .advance(DeploymentState.INSTALLING, "", 0, AgentHarness.CLOCK.instant()).reported(4);
    agent.journal.write(entry);
    agent.restart();

    agent.reconciler.start().get(10, TimeUnit.SECONDS);
    List<StatusReport> reports = server.awaitTerminal(ID);

    // The unacknowledged INSTALLING (5) is re-sent first; the re-run adds VERIFYING and SUCCEEDED.
    assertThat(reports).extracting(StatusReport::getState).containsExactly(INSTALLING, VERIFYING, SUCCEEDED);
    assertThat(reports).extracting(StatusReport::getSequence).containsExactly(5L, 6L, 7L);
    assertThat(installer.calls).contains("stage", "install", "verify", "commit");
    assertThat(payloadFile).doesNotExist();
  }

  @Test
  void start_unsignedInstallJournaledByAnOlderAgent_failedVerificationNothingRunDownloadPurged() throws Exception {
    AgentHarness agent = new AgentHarness(root, channel, installer, Duration.ofMillis(5));
    grpc.register(agent);
    // An agent from before the signed format downloaded an unsigned payload and was stopped waiting for its window.
    TestPayload unsignedPayload = TestPayload.random(3 * CHUNK, CHUNK, 6);
    server.serve(ID, unsignedPayload);
    Path payloadFile = agent.downloader.download(ID, unsignedPayload.spec()).payload();
    dev.convoy.agent.deployment.DeploymentSpec spec = new dev.convoy.agent.deployment.DeploymentSpec(ID, "c-1",
        new dev.convoy.agent.deployment.Release("hello", "1.0.0", FakeInstaller.TYPE, unsignedPayload.sha256(),
            unsignedPayload.length(), CHUNK, unsignedPayload.chunkSha256(), "tar.gz", "", "", Map.of(), "", false),
        dev.convoy.agent.deployment.DeploymentAction.INSTALL, 1, false, List.of());
    agent.journal.write(JournalEntry.offered(spec, AgentHarness.CLOCK.instant())
        .advance(DeploymentState.NOTIFIED, "", 0, AgentHarness.CLOCK.instant())
        .advance(DeploymentState.DOWNLOADING, "", 0, AgentHarness.CLOCK.instant())
        .advance(DeploymentState.DOWNLOADED, "", 0, AgentHarness.CLOCK.instant()).reported(4));
    agent.restart();

    agent.reconciler.start().get(10, TimeUnit.SECONDS);
    List<StatusReport> reports = server.awaitTerminal(ID);

    assertThat(reports).extracting(StatusReport::getState).containsExactly(FAILED_VERIFICATION);
    assertThat(reports.get(0).getDetail()).startsWith("release format: '' (expected: 'convoy-release'; ");
    assertThat(installer.calls).isEmpty();
    assertThat(payloadFile).doesNotExist();
    assertThat(agent.dir.managed().resolve("hello")).doesNotExist();
  }

  @Test
  void start_terminalReportNeverAcknowledged_isSentAgainOnce() throws Exception {
    AgentHarness agent = new AgentHarness(root, channel, installer, Duration.ofMillis(5));
    grpc.register(agent);
    agent.reconciler.offer(api.sync(0)).get(10, TimeUnit.SECONDS);
    server.awaitTerminal(ID);
    agent.close();
    // Forget the acknowledgements, as if the process died before they were journaled.
    JournalEntry done = agent.journal.find(ID).orElseThrow();
    Path file = agent.dir.journal().resolve(ID + ".properties");
    Map<String, String> values = new HashMap<>(PropertiesFile.read(file));
    values.put("reported_sequence", "0");
    PropertiesFile.write(file, "rewritten by the test", values);

    agent.restart();
    agent.reconciler.start().get(10, TimeUnit.SECONDS);
    server.await(() -> server.reportsFor(ID).size() == 8, Duration.ofSeconds(10));

    StatusReport resent = server.reportsFor(ID).get(7);
    assertThat(resent.getState()).isEqualTo(SUCCEEDED);
    assertThat(resent.getSequence()).isEqualTo(done.sequence());
    assertThat(resent.getLogExcerpt()).contains("SUCCEEDED");
    assertThat(new HashSet<>(server.reportsFor(ID).stream().map(StatusReport::getSequence).toList())).hasSize(7);
  }

  @Test
  void reports_serverUnavailable_areRetriedUntilAcknowledged() throws Exception {
    AgentHarness agent = new AgentHarness(root, channel, installer, Duration.ofMillis(5));
    grpc.register(agent);
    server.refuseReports(3, Status.UNAVAILABLE);

    agent.reconciler.offer(api.sync(0)).get(10, TimeUnit.SECONDS);
    List<StatusReport> reports = server.awaitTerminal(ID);

    assertThat(reports).extracting(StatusReport::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    server.await(() -> agent.journal.find(ID).orElseThrow().reportedSequence() == 7, Duration.ofSeconds(5));
  }

  @Test
  void reports_refusedForGood_areDroppedAndTheRestStillSent() throws Exception {
    AgentHarness agent = new AgentHarness(root, channel, installer, Duration.ofMillis(5));
    grpc.register(agent);
    server.refuseReports(1, Status.INVALID_ARGUMENT);

    agent.reconciler.offer(api.sync(0)).get(10, TimeUnit.SECONDS);
    List<StatusReport> reports = server.awaitTerminal(ID);

    assertThat(reports).extracting(StatusReport::getSequence).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
  }
}
