package dev.convoy.cli.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.testing.FakeAdminService;
import dev.convoy.cli.testing.InProcessAdmin;
import dev.convoy.cli.testing.InProcessAdmin.Result;
import dev.convoy.cli.testing.Sleepers;
import dev.convoy.cli.testing.Statuses;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import dev.convoy.protocol.v1.Targets;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.ReleaseReader;
import dev.convoy.release.TrustedKeys;
import dev.convoy.release.VerifiedRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole quick start against a fake distribution (real background processes) and the in-process service. */
@Timeout(60)
class QuickstartTest {
  private static final Path EXAMPLE = Path.of("..").resolve(ExampleLocator.RELATIVE).toAbsolutePath().normalize();

  @RegisterExtension
  final InProcessAdmin admin = new InProcessAdmin();
  @RegisterExtension
  final Sleepers sleepers = new Sleepers();

  @TempDir
  Path dir;

  private FakeDistribution distribution;
  private QuickstartLayout layout;

  @BeforeEach
  void setUp() throws Exception {
    distribution = new FakeDistribution(admin.service(), sleepers);
    admin.launcher = distribution;
    admin.clock = Clock.systemUTC();
    admin.convoyHome = Optional.of(FakeDistribution.home(dir.resolve("dist")));
    admin.workingDirectory = dir;
    layout = new QuickstartLayout(dir.resolve(".convoy"));
  }

  private Result quickstart(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("quickstart", "--example", EXAMPLE.toString()));
    args.addAll(List.of(more));
    return admin.runBare(args.toArray(String[]::new));
  }

  @Test
  void quickstart_everythingSucceeds_exit0WithSummaryEnvAndRunningProcesses() throws Exception {
    Result result = quickstart();

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
    assertThat(result.out()).contains("[1/7]", "[2/7]", "[3/7]", "[4/7]", "[5/7]", "[6/7]", "[7/7]")
        .contains("CA fingerprint " + FakeDistribution.FINGERPRINT)
        .contains("3/3 endpoints SUCCEEDED")
        .contains("./.convoy/quickstart/workstation-2/managed/hello-convoy/current/\n")
        .contains("  bin/hello-convoy  rw-r--r--  21 bytes")
        .contains("./convoy agent list", "./convoy campaign status c-", "./convoy quickstart --stop")
        .contains("tail -f ./.convoy/quickstart/workstation-1/agent.log")
        .contains("export CONVOY_SERVER=127.0.0.1:" + FakeDistribution.PORT)
        .contains("Signed by publisher key " + admin.service().publishers.list().getKeys(0).getKeyId()
            + " (./.convoy/quickstart/publisher/publisher.key)")
        .contains("    publisher key " + admin.service().publishers.list().getKeys(0).getKeyId()
            + " (trusted by the server)");
    assertThat(Files.readString(layout.env())).isEqualTo("CONVOY_SERVER=127.0.0.1:" + FakeDistribution.PORT
        + "\nCONVOY_IDENTITY=" + layout.adminIdentity() + "\n");
    assertThat(admin.connections).containsExactly("127.0.0.1:" + FakeDistribution.PORT + " admin.pem");
    assertThat(new PidFile(layout.pids()).read()).extracting(PidFile.Entry::name)
        .containsExactly("server", "workstation-1", "workstation-2", "workstation-3");
    assertThat(distribution.started).allMatch(ProcessHandle::isAlive);
  }

  @Test
  void quickstart_runsTheDistributionAndTheServerAsSpecified() throws Exception {
    quickstart();

    String server = admin.convoyHome.orElseThrow().resolve("bin/convoy-server").toString();
    String agent = admin.convoyHome.orElseThrow().resolve("bin/convoy-agent").toString();
    assertThat(distribution.commands.subList(0, 4)).containsExactly(
        List.of(server, "init", "--data", layout.serverData().toString(), "--listen", "127.0.0.1:0"),
        List.of(server, "run", "--data", layout.serverData().toString()),
        List.of(agent, "enroll", "--server", "127.0.0.1:" + FakeDistribution.PORT, "--token", "secret-1",
            "--ca-fingerprint", FakeDistribution.FINGERPRINT, "--data", layout.agentData(1).toString()),
        List.of(agent, "run", "--data", layout.agentData(1).toString()));
    FakeAdminService service = admin.service();
    assertThat(service.tokenRequests).containsExactly(CreateEnrollmentTokenRequest.newBuilder()
        .setGroup("quickstart").setUses(3).setTtlSeconds(3600).build());
    PublisherKeyPair key = PublisherKeys.loadPrivateKey(layout.publisherPrivateKey());
    assertThat(PublisherKeys.loadPublicKey(layout.publisherPublicKey())).isEqualTo(key.publicKey());
    assertThat(service.publishers.list().getKeysList()).singleElement().satisfies(k -> {
      assertThat(k.getKeyId()).isEqualTo(key.id().hex());
      assertThat(k.getName()).isEqualTo(Quickstart.PUBLISHER_NAME);
    });
    FakeAdminService.Upload upload = service.uploads.get(0);
    assertThat(upload.header().getFormat()).isEqualTo("convoy-release");
    assertThat(upload.header().getName()).isEmpty();
    Path uploaded = Files.write(dir.resolve("uploaded.cvr"), upload.bytes());
    VerifiedRelease verified = ReleaseReader.inspect(uploaded, TrustedKeys.of(key.publicKey()));
    assertThat(verified.manifest().ref()).isEqualTo("hello-convoy@1.0.0");
    assertThat(verified.manifest().installer().type()).isEqualTo("archive");
    assertThat(verified.manifest().payload().entries()).extracting(e -> e.path()).contains("bin/hello-convoy");
    assertThat(service.releases.get("hello-convoy@1.0.0").getSignerKeyId()).isEqualTo(key.id().hex());
    assertThat(service.campaignRequests.get(0).getTargets())
        .isEqualTo(Targets.newBuilder().addGroups("quickstart").build());
    assertThat(service.campaignRequests.get(0).getTitle()).isEqualTo("Quick start: hello-convoy 1.0.0");
    assertThat(service.campaigns.values()).singleElement()
        .satisfies(c -> assertThat(c.getState().name()).isEqualTo("RUNNING"));
  }

  @Test
  void quickstart_thenStop_everyProcessGone() throws Exception {
    assertThat(quickstart().exitCode()).isZero();

    Result stop = admin.runBare("quickstart", "--stop");

    assertThat(stop.exitCode()).isZero();
    for (ProcessHandle process : distribution.started) {
      process.onExit().get(5, TimeUnit.SECONDS);
    }
    assertThat(distribution.started).noneMatch(ProcessHandle::isAlive);
    assertThat(stop.out().lines().filter(l -> l.startsWith("Stopped "))).hasSize(4);
    assertThat(layout.pids()).doesNotExist();
  }

  @Test
  void quickstart_twice_stopsTheFirstAndStartsAfresh() throws Exception {
    assertThat(quickstart().exitCode()).isZero();
    List<ProcessHandle> first = List.copyOf(distribution.started);
    admin.service().endpoints.clear();
    Files.writeString(layout.root().resolve("leftover"), "from the first run");

    Result second = quickstart();

    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    assertThat(second.out()).contains("a previous quick start is recorded: stopping it first")
        .contains("removed the previous " + layout.root());
    assertThat(first).noneMatch(ProcessHandle::isAlive);
    assertThat(layout.root().resolve("leftover")).doesNotExist();
    assertThat(new PidFile(layout.pids()).read()).hasSize(4);
  }

  @Test
  void quickstart_oneEndpointFails_exit1WithRealNumbers() {
    admin.service().watchScript = c -> Statuses.lastFails(c, admin.service().targeted(c));

    Result result = quickstart();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.out()).contains("2/3 endpoints SUCCEEDED, 1 FAILED");
    assertThat(result.err()).contains("Not every endpoint succeeded");
  }

  @Test
  void quickstart_serverDies_errorWithItsLogAndStopHint() {
    distribution.serverStarts = false;

    Result result = quickstart();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).contains("error: convoy-server (pid ").contains("bind failed: address in use")
        .contains("./convoy quickstart --stop");
  }

  @Test
  void quickstart_withoutDistribution_saysHowToRunIt() {
    admin.convoyHome = Optional.empty();

    Result result = quickstart();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).contains("quickstart needs the Convoy distribution");
    assertThat(distribution.commands).isEmpty();
  }
}
