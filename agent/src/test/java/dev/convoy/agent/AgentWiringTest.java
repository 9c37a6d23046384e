package dev.convoy.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.config.AgentConfig;
import dev.convoy.agent.config.DataDir;
import dev.convoy.agent.deployment.InstallStep;
import dev.convoy.agent.testing.FakeInstaller;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.PeerSubjects;
import dev.convoy.agent.testing.TestAgentService;
import dev.convoy.agent.testing.TestEnrollmentService;
import dev.convoy.agent.testing.TestLifecycle;
import dev.convoy.agent.testing.TestRelease;
import dev.convoy.agent.testing.TlsServer;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.transport.CertificateAuthority;
import dev.convoy.transport.Identity;
import dev.convoy.transport.ServerAddress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composition root over real mTLS on loopback: enroll through the command line, then run the wired agent
 * (with a fake installer backend) against real implementations of EnrollmentService and AgentService.
 */
class AgentWiringTest {
  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir
  Path root;

  @Test
  @SuppressWarnings("deprecation") // reads the deprecated inventory summary on purpose: it must stay filled
  void enrollThenRun_deploymentSucceedsOverMutualTls() throws Exception {
    CertificateAuthority ca = TlsServer.newCa("Test CA");
    TestAgentService agentService = new TestAgentService();
    PeerSubjects peers = new PeerSubjects();
    ServerAddress address = TlsServer.start(ca, grpc, peers, new TestEnrollmentService(ca), agentService);
    Path data = root.resolve("agent");
    int enrolled = AgentMain.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "enroll", "--server", address.toString(), "--token", TestEnrollmentService.TOKEN,
        "--ca-fingerprint", ca.fingerprint().toString(), "--data", data.toString());
    assertThat(enrolled).isZero();
    TestRelease release = TestRelease.random("hello", "1.0.0", FakeInstaller.TYPE, 64 * 1024 + 5, 16 * 1024, 9);
    agentService.serve("dep-1", release.payload());
    agentService.desire(1, DeploymentSpec.newBuilder().setDeploymentId("dep-1").setAttempt(1)
        .setAction(DeploymentAction.INSTALL).setRelease(release.proto()).build());
    AgentConfig config = AgentConfig.load(new DataDir(data));
    FakeInstaller installer = new FakeInstaller();

    Agent agent = Agent.start(config, Identity.load(config.dataDir().identity()), Clock.systemUTC(),
        new InstallStep(type -> installer, TestLifecycle::install, TestLifecycle::uninstall, config.dataDir().managed()));
    grpc.register(agent);

    var reports = agentService.awaitTerminal("dep-1");
    assertThat(reports).extracting(StatusReport::getState).containsExactly(DeploymentState.OFFERED, DeploymentState.NOTIFIED,
        DeploymentState.DOWNLOADING, DeploymentState.DOWNLOADED, DeploymentState.INSTALLING,
        DeploymentState.VERIFYING, DeploymentState.SUCCEEDED);
    assertThat(Files.readAllBytes(FakeInstaller.installed(config.dataDir().managed(), "hello", "1.0.0")))
        .isEqualTo(release.content());
    // One inventory on connect, another once the install changed the managed packages (unless the install was
    // done before the first collection: then the connect report has it already).
    agentService.await(() -> agentService.inventories.stream().anyMatch(i -> i.getManagedPackagesCount() == 1),
        Duration.ofSeconds(10));
    assertThat(agentService.inventories.get(agentService.inventories.size() - 1).getManagedPackagesList())
        .extracting(p -> p.getName() + "@" + p.getVersion() + " " + p.getState()).containsExactly("hello@1.0.0 installed");
    // Inventory: a full report of this machine first, then deltas only; the server's view ends up exact.
    agentService.await(() -> agentService.inventoryView().containsKey("convoy.releases.hello.version"),
        Duration.ofSeconds(10));
    var first = agentService.inventories.get(0);
    assertThat(first.getReason()).isEqualTo("connect");
    assertThat(first.hasFull()).isTrue();
    assertThat(first.getFull().getFactsList()).extracting(f -> f.getPath())
        .contains("hardware.cpu.threads", "os.id", "agent.health", "agent.version");
    assertThat(agentService.inventories.subList(1, agentService.inventories.size()))
        .allSatisfy(r -> assertThat(r.hasDelta()).isTrue())
        .allSatisfy(r -> assertThat(r.getReason()).isEqualTo("install"));
    assertThat(agentService.inventoryView().get("software.hello.source").getText()).isEqualTo("convoy");
    assertThat(agentService.inventorySha256())
        .isEqualTo(agentService.inventories.get(agentService.inventories.size() - 1).getInventorySha256());
    agentService.await(() -> !agentService.sessionMessages.isEmpty(), Duration.ofSeconds(10));
    assertThat(agentService.sessionMessages.get(0).getHello().getEndpointId()).isEqualTo(config.endpointId());
    String subject = "CN=" + config.endpointId() + ",OU=endpoint,O=Convoy";
    assertThat(peers.subjects).contains("Enroll none", "Session " + subject, "Sync " + subject,
        "Download " + subject, "ReportStatus " + subject, "ReportInventory " + subject);
  }
}
