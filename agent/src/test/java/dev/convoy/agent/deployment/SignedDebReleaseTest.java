package dev.convoy.agent.deployment;

import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADED;
import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADING;
import static dev.convoy.protocol.v1.DeploymentState.INSTALLING;
import static dev.convoy.protocol.v1.DeploymentState.OFFERED;
import static dev.convoy.protocol.v1.DeploymentState.NOTIFIED;
import static dev.convoy.protocol.v1.DeploymentState.SUCCEEDED;
import static dev.convoy.protocol.v1.DeploymentState.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed deb release installed by the real dpkg into an isolated root chosen by the endpoint
 * ({@code installer.deb.dpkg_root} in agent.properties), even though the release's own parameters name another
 * root: where the package database lives is the endpoint's decision. The machine's dpkg database is untouched.
 */
class SignedDebReleaseTest {
  private static final Path MACHINE_STATUS = Path.of("/var/lib/dpkg/status");
  private static final PublisherKeyPair KEY = PublisherKeys.generate();

  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();
  @TempDir
  Path temp;

  private final TestAgentService server = new TestAgentService();
  private ManagedChannel channel;

  @BeforeEach
  void setUp() {
    assumeThat(Files.isExecutable(Path.of("/usr/bin/dpkg"))).as("dpkg is installed").isTrue();
    channel = InProcessAgentServer.start(server, grpc);
  }

  private Path deb(String name, String version) throws IOException, InterruptedException {
    Path tree = Files.createDirectories(temp.resolve("deb-tree"));
    Files.createDirectories(tree.resolve("DEBIAN"));
    Files.writeString(tree.resolve("DEBIAN/control"), "Package: " + name + "\nVersion: " + version
        + "\nArchitecture: all\nMaintainer: Convoy Tests <tests@convoy.invalid>\nDescription: Convoy test\n");
    Files.createDirectories(tree.resolve("usr/share/" + name));
    Files.writeString(tree.resolve("usr/share/" + name + "/readme"), name + " " + version + "\n");
    Path deb = temp.resolve(name + "_" + version + "_all.deb");
    Process p = new ProcessBuilder("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", tree.toString(),
        deb.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(output).isTrue();
    return deb;
  }

  @Test
  void signedDeb_siteDpkgRoot_installsIntoTheIsolatedRootOnly() throws Exception {
    byte[] machineBefore = Files.exists(MACHINE_STATUS) ? Files.readAllBytes(MACHINE_STATUS) : new byte[0];
    Path isolated = Files.createDirectories(temp.resolve("isolated-root"));
    Path decoy = temp.resolve("publisher-chosen-root");
    SiteParameters site = SiteParameters.fromProperties(Map.of("installer.deb.dpkg_root", isolated.toString()));
    AgentHarness agent = AgentHarness.withRealInstallers(temp.resolve("agent"), channel, site);
    grpc.register(agent);
    BuiltRelease built = SignedReleases.build(deb("convoy-hello", "1.0.0"), "convoy-hello", "1.0.0", "deb",
        Map.of("dpkg_root", decoy.toString()), false, KEY, temp.resolve("releases"));
    TestPayload payload = TestPayload.of(SignedReleases.bytes(built), 4096);
    server.serve("d-deb", payload);
    server.desire(1, List.of(SignedReleases.proto(KEY)), dev.convoy.protocol.v1.DeploymentSpec.newBuilder()
        .setDeploymentId("d-deb").setCampaignId("c").setAttempt(1).setAction(DeploymentAction.INSTALL)
        .setRelease(SignedReleases.proto(built, payload)).build());

    agent.reconciler.offer(new GrpcServerApi(channel, "ep-test", Duration.ofSeconds(5)).sync(0))
        .get(60, TimeUnit.SECONDS);
    List<StatusReport> reports = server.awaitTerminal("d-deb");

    assertThat(reports).extracting(StatusReport::getState)
        .as(reports.get(reports.size() - 1).getDetail() + "\n" + reports.get(reports.size() - 1).getLogExcerpt())
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, VERIFYING, SUCCEEDED);
    assertThat(isolated.resolve("usr/share/convoy-hello/readme")).hasContent("convoy-hello 1.0.0");
    assertThat(Files.readString(isolated.resolve("var/lib/dpkg/status"))).contains("Package: convoy-hello")
        .contains("Status: install ok installed");
    assertThat(decoy).doesNotExist();
    byte[] machineAfter = Files.exists(MACHINE_STATUS) ? Files.readAllBytes(MACHINE_STATUS) : new byte[0];
    assertThat(machineAfter).isEqualTo(machineBefore);
  }
}
