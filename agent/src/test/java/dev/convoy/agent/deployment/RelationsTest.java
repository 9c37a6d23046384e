package dev.convoy.agent.deployment;

import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADED;
import static dev.convoy.protocol.v1.DeploymentState.DOWNLOADING;
import static dev.convoy.protocol.v1.DeploymentState.FAILED;
import static dev.convoy.protocol.v1.DeploymentState.INSTALLING;
import static dev.convoy.protocol.v1.DeploymentState.NOTIFIED;
import static dev.convoy.protocol.v1.DeploymentState.OFFERED;
import static dev.convoy.protocol.v1.DeploymentState.SUCCEEDED;
import static dev.convoy.protocol.v1.DeploymentState.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.grpc.GrpcServerApi;
import dev.convoy.agent.inventory.ManagedPackage;
import dev.convoy.agent.testing.AgentHarness;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.InProcessAgentServer;
import dev.convoy.agent.testing.SignedReleases;
import dev.convoy.agent.testing.TestAgentService;
import dev.convoy.agent.testing.TestPayload;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.DeploymentSpec;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.release.BuiltRelease;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.ReleaseBuilder;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dependencies, conflicts, superseded packages and OS requirements of signed releases on one agent with the real
 * archive backend: the in-process test AgentService is the server, releases are built with the release module.
 */
class RelationsTest {
  private static final PublisherKeyPair KEY = PublisherKeys.generate();

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

  private DeploymentSpec spec(String id, String name, String version, Consumer<ReleaseBuilder> relations)
      throws IOException {
    Path tree = Files.createDirectories(temp.resolve("src-" + id));
    Files.writeString(tree.resolve("VERSION"), name + " " + version + "\n");
    BuiltRelease built = SignedReleases.build(tree, name, version, "archive", Map.of(), false, KEY,
        temp.resolve("releases"), relations);
    TestPayload payload = TestPayload.of(SignedReleases.bytes(built), 4096);
    server.serve(id, payload);
    return DeploymentSpec.newBuilder().setDeploymentId(id).setCampaignId("c-" + id).setAttempt(1)
        .setAction(DeploymentAction.INSTALL).setRelease(SignedReleases.proto(built, payload)).build();
  }

  /** Lists {@code specs} in this order in one desired state and walks them. */
  private void desire(DeploymentSpec... specs) throws Exception {
    server.desire(System.nanoTime(), List.of(SignedReleases.proto(KEY)), specs);
    agent.reconciler.offer(api.sync(0)).get(30, TimeUnit.SECONDS);
  }

  private List<String> installOrder() {
    List<String> order = new ArrayList<>();
    server.reports.stream().filter(r -> r.getState() == INSTALLING).map(StatusReport::getDeploymentId)
        .filter(id -> !order.contains(id)).forEach(order::add);
    return order;
  }

  private boolean installed(String name) {
    return Files.exists(agent.dir.managed().resolve(name + "/current/VERSION"));
  }

  @Test
  void reconcile_dependentListedFirst_dependencyInstalledFirst() throws Exception {
    DeploymentSpec office = spec("d-office", "office", "7.6.4", b -> b.dependency("fonts", ">=2.0.0 <3.0.0"));
    DeploymentSpec fonts = spec("d-fonts", "fonts", "2.1.0", b -> { });

    desire(office, fonts);

    assertThat(server.awaitTerminal("d-office")).extracting(StatusReport::getState).endsWith(SUCCEEDED);
    assertThat(server.awaitTerminal("d-fonts")).extracting(StatusReport::getState).endsWith(SUCCEEDED);
    assertThat(installOrder()).containsExactly("d-fonts", "d-office");
    assertThat(agent.journal.managedPackages()).extracting(ManagedPackage::name).containsExactly("fonts", "office");
  }

  @Test
  void reconcile_dependencyNeitherInstalledNorListed_failsBeforeDownload() throws Exception {
    DeploymentSpec office = spec("d-office", "office", "7.6.4", b -> b.dependency("fonts", ">=2.0.0 <3.0.0"));

    desire(office);

    List<StatusReport> reports = server.awaitTerminal("d-office");
    assertThat(reports).extracting(StatusReport::getState).containsExactly(OFFERED, FAILED);
    assertThat(reports.get(1).getDetail()).isEqualTo("dependency fonts >=2.0.0 <3.0.0 missing: neither installed"
        + " nor pending in the desired state; nothing installed");
    assertThat(installed("office")).isFalse();
  }

  @Test
  void reconcile_dependencyInstalledOutOfRange_fails() throws Exception {
    desire(spec("d-fonts", "fonts", "1.0.0", b -> { }));
    server.awaitTerminal("d-fonts");

    desire(spec("d-office", "office", "7.6.4", b -> b.dependency("fonts", ">=2.0.0")));

    assertThat(server.awaitTerminal("d-office")).extracting(StatusReport::getState).containsExactly(OFFERED, FAILED);
  }

  @Test
  void reconcile_dependencyInstalledBySystemPackage_installs() throws Exception {
    agent.hostFacts.put("software.fonts.version", "1:2.4.1-3");

    desire(spec("d-office", "office", "7.6.4", b -> b.dependency("fonts", ">=2.0.0 <3.0.0")));

    assertThat(server.awaitTerminal("d-office")).extracting(StatusReport::getState).endsWith(SUCCEEDED);
  }

  @Test
  void reconcile_dependencyCycle_bothFailNamingTheCycle() throws Exception {
    DeploymentSpec a = spec("d-a", "alpha", "1.0.0", b -> b.dependency("beta", "*"));
    DeploymentSpec b = spec("d-b", "beta", "1.0.0", x -> x.dependency("alpha", ">=1.0.0"));

    desire(a, b);

    List<StatusReport> reports = server.awaitTerminal("d-a");
    assertThat(reports).extracting(StatusReport::getState).containsExactly(OFFERED, FAILED);
    assertThat(reports.get(1).getDetail())
        .isEqualTo("dependency cycle: alpha@1.0.0 -> beta@1.0.0 -> alpha@1.0.0; nothing installed");
    assertThat(server.awaitTerminal("d-b").get(1).getDetail())
        .isEqualTo("dependency cycle: beta@1.0.0 -> alpha@1.0.0 -> beta@1.0.0; nothing installed");
    assertThat(installed("alpha") || installed("beta")).isFalse();
  }

  @Test
  void reconcile_conflictInstalled_failsWithNothingInstalled() throws Exception {
    desire(spec("d-old", "oldviewer", "1.5.0", b -> { }));
    server.awaitTerminal("d-old");

    desire(spec("d-new", "newviewer", "1.0.0", b -> b.conflict("oldviewer", "<2.0.0")));

    List<StatusReport> reports = server.awaitTerminal("d-new");
    assertThat(reports).extracting(StatusReport::getState).containsExactly(OFFERED, FAILED);
    assertThat(reports.get(1).getDetail()).isEqualTo("conflict: oldviewer 1.5.0 is installed (the release"
        + " conflicts with oldviewer <2.0.0); nothing installed");
    assertThat(installed("newviewer")).isFalse();
    assertThat(agent.dir.work("d-new").resolve(SignedRelease.STAGED_NAME)).doesNotExist();
  }

  @Test
  void reconcile_supersedesInstalledPackage_upgradeReplacesItInManagedPackages() throws Exception {
    desire(spec("d-lite", "viewer-lite", "4.0.0", b -> { }));
    server.awaitTerminal("d-lite");

    // a lower version number of another package: superseding it is an upgrade, and it does not conflict
    desire(spec("d-suite", "viewer", "2.0.0", b -> b.supersedes("viewer-lite", "<5.0.0")
        .conflict("viewer-lite", "*")));

    assertThat(server.awaitTerminal("d-suite")).extracting(StatusReport::getState)
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, VERIFYING, SUCCEEDED);
    assertThat(agent.journal.managedPackages()).containsExactly(new ManagedPackage("viewer", "2.0.0", "installed"));
    agent.restart(); // the journal alone says so
    assertThat(agent.journal.managedPackages()).containsExactly(new ManagedPackage("viewer", "2.0.0", "installed"));
  }

  @Test
  void reconcile_osRequirementContradicted_fails_missingFactAllowed() throws Exception {
    agent.hostFacts.put("os.family", "debian");
    agent.hostFacts.put("os.version", "11");

    desire(spec("d-new", "modern", "1.0.0", b -> b.osRequirement("os.version", ">=12")
        .osRequirement("os.arch", "amd64")));

    List<StatusReport> reports = server.awaitTerminal("d-new");
    assertThat(reports).extracting(StatusReport::getState).containsExactly(OFFERED, FAILED);
    assertThat(reports.get(1).getDetail())
        .isEqualTo("OS requirements not met: os.version is 11 (expected: >=12); nothing installed");

    agent.hostFacts.put("os.version", "12");
    desire(spec("d-again", "modern", "1.0.0", b -> b.osRequirement("os.version", ">=12")
        .osRequirement("os.arch", "amd64")));
    assertThat(server.awaitTerminal("d-again")).extracting(StatusReport::getState).endsWith(SUCCEEDED);
  }
}
