package dev.convoy.agent.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.convoy.agent.AgentMain;
import dev.convoy.agent.config.DataDir;
import dev.convoy.agent.deployment.CampaignPorts;
import dev.convoy.agent.deployment.CampaignTerms;
import dev.convoy.agent.deployment.Deferral;
import dev.convoy.agent.deployment.Delivery;
import dev.convoy.agent.deployment.DeploymentAction;
import dev.convoy.agent.deployment.DeploymentJournal;
import dev.convoy.agent.deployment.DeploymentSpec;
import dev.convoy.agent.deployment.DeploymentState;
import dev.convoy.agent.deployment.Execution;
import dev.convoy.agent.deployment.InstallGate;
import dev.convoy.agent.deployment.InstallStep;
import dev.convoy.agent.deployment.Notice;
import dev.convoy.agent.deployment.Reconciler;
import dev.convoy.agent.deployment.ReportOutbox;
import dev.convoy.agent.download.ChunkedDownloader;
import dev.convoy.agent.download.RateLimiter;
import dev.convoy.agent.notice.NoticeBook;
import dev.convoy.agent.notice.Notices;
import dev.convoy.agent.retry.Backoff;
import dev.convoy.agent.testing.FakeCampaignServer;
import dev.convoy.agent.testing.FakeInstaller;
import dev.convoy.agent.testing.ManualClock;
import dev.convoy.agent.testing.ManualScheduler;
import dev.convoy.agent.testing.TestLifecycle;
import dev.convoy.agent.testing.TestRelease;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user command end to end: picocli command, Unix socket, daemon handler, self-service, fake server. */
class LocalSocketTest {
  private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

  @TempDir
  Path root;

  private final ManualClock clock = new ManualClock(T0);
  private final FakeCampaignServer server = new FakeCampaignServer(clock);
  private final FakeInstaller installer = new FakeInstaller();
  private final TestRelease editor = TestRelease.random("editor", "2.0.0", FakeInstaller.TYPE, 2000, 1024, 3);
  private final TestRelease office = TestRelease.random("office", "7.6.4", FakeInstaller.TYPE, 2000, 1024, 4);
  private final List<String> desktop = new CopyOnWriteArrayList<>();
  private ReportOutbox outbox;
  private Reconciler reconciler;
  private LocalSocketServer socket;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    DataDir dir = new DataDir(root);
    DeploymentJournal journal = new DeploymentJournal(dir.journal());
    outbox = new ReportOutbox(server, journal, () -> new Backoff(Duration.ofMillis(1), Duration.ofMillis(1),
        new Random(1)), d -> { });
    NoticeBook book = new NoticeBook(dir.notices());
    Notices notices = new Notices(book, (title, message) -> desktop.add(title), Map.of());
    reconciler = new Reconciler(journal, outbox, new ChunkedDownloader(dir.downloads(), server,
        RateLimiter.unlimited()), new InstallStep(type -> installer, TestLifecycle::install,
        TestLifecycle::uninstall, dir.managed()), dir::work, new Backoff(Duration.ofHours(1), Duration.ofHours(1),
        new Random(1)), clock, action -> { }, new CampaignPorts(server, notices, new ManualScheduler(clock), null,
        Duration.ofSeconds(10)));
    outbox.start();
    socket = LocalSocketServer.start(dir.socket(), new LocalRequestHandler(reconciler.selfService(), book));
    server.serve("d-pull", editor.payload());
    server.serve("d-push", office.payload());
    Notice notice = new Notice("Editor available", "Install it from the catalogue.", Duration.ZERO, null);
    server.desire(
        editor.spec("d-pull", "cmp-pull", DeploymentAction.INSTALL, 1, new CampaignTerms("Editor", Delivery.PULL,
            Execution.AUTOMATIC, notice, new InstallGate(false, null, true, List.of(), false, null, true, false, false),
            Deferral.NONE)),
        office.spec("d-push", "cmp-push", DeploymentAction.INSTALL, 1, new CampaignTerms("Office", Delivery.PUSH,
            Execution.AUTOMATIC, new Notice("Office", "Weekend update", Duration.ofHours(72), null), InstallGate.OPEN,
            new Deferral(1, Duration.ofDays(2), 0, Duration.ZERO, null, T0.plus(Duration.ofDays(3))))));
    reconciler.offer(server.sync(0)).get(10, TimeUnit.SECONDS);
    assertThat(outbox.drain(Duration.ofSeconds(10))).isTrue();
  }

  @AfterEach
  void tearDown() {
    socket.close();
    reconciler.close();
    outbox.close();
  }

  private int run(String... args) {
    String[] full = new String[args.length + 2];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--data";
    full[args.length + 1] = root.toString();
    return AgentMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), full);
  }

  @Test
  void socket_fileIsReachableByLocalUsers() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("agent.sock"))))
        .isEqualTo("rw-rw-rw-");
  }

  @Test
  void catalog_listsPullDeploymentsOnly() {
    assertThat(run("catalog")).isZero();

    assertThat(out.toString()).contains("NAME", "DEADLINE", "editor", "2.0.0", "cmp-pull (Editor)", "NOTIFIED")
        .doesNotContain("office");
  }

  @Test
  void install_knownName_requestsItAndTheDeploymentProceedsUserInitiated() {
    assertThat(run("install", "editor")).isZero();
    assertThat(out.toString()).contains("install of editor@2.0.0 requested");

    server.await("d-pull", DeploymentState.SUCCEEDED);
    assertThat(server.reports).filteredOn(r -> r.deploymentId().equals("d-pull")
        && r.state() == DeploymentState.INSTALLING).singleElement().satisfies(r -> assertThat(r.userInitiated()).isTrue());
  }

  @Test
  void install_unknownName_namesTheCatalogue() {
    assertThat(run("install", "nope")).isEqualTo(AgentMain.RUNTIME_ERROR);

    assertThat(err.toString()).isEqualTo("error: name: 'nope' (expected one of the catalogue: editor)\n");
  }

  @Test
  void notices_listsTheShownNotices() {
    assertThat(run("notices")).isZero();

    assertThat(out.toString()).contains("[cmp-pull]  Editor available", "Install it from the catalogue.",
        "[cmp-push]  Office", "Weekend update");
    assertThat(desktop).as("no DBUS_SESSION_BUS_ADDRESS: no desktop notification").isEmpty();
  }

  @Test
  void defer_accepted_printsUntilWhen() {
    assertThat(run("defer", "cmp-push", "--for", "4h")).isZero();

    assertThat(out.toString()).isEqualTo("deferred cmp-push until " + T0.plus(Duration.ofHours(4)) + "\n");
    assertThat(server.statesFor("d-push")).endsWith(DeploymentState.DEFERRED);
  }

  @Test
  void defer_refusedByTheServer_printsItsReasonAndFails() {
    assertThat(run("defer", "cmp-push", "--for", "4d")).isEqualTo(AgentMain.RUNTIME_ERROR);

    assertThat(err.toString()).startsWith("error: refused by the server: deferral until ")
        .contains("ends after the deadline");
    assertThat(server.statesFor("d-push")).doesNotContain(DeploymentState.DEFERRED);
  }

  @Test
  void defer_badDuration_isAUsageError() {
    assertThat(run("defer", "cmp-push", "--for", "soon")).isEqualTo(AgentMain.USAGE_ERROR);

    assertThat(err.toString()).contains("'soon' (expected: a duration > 0 such as 90s, 30m, 4h, 3d, 1h30m or PT4H)");
  }

  @Test
  void defer_unknownCampaign_namesTheWaitingOnes() {
    assertThat(run("defer", "cmp-x", "--for", "1h")).isEqualTo(AgentMain.RUNTIME_ERROR);

    assertThat(err.toString()).contains("campaign: 'cmp-x' (expected: a campaign with a deployment waiting on this "
        + "endpoint: cmp-pull, cmp-push)");
  }

  @Test
  void handler_malformedRequests_nameTheField() throws Exception {
    LocalClientRaw client = new LocalClientRaw(root.resolve("agent.sock"));

    assertThat(error(client, "{\"command\":\"reboot\"}"))
        .isEqualTo("command: 'reboot' (expected one of: catalog, install, notices, defer, technician-code)");
    assertThat(error(client, "{\"command\":\"install\"}")).isEqualTo("name: missing");
    assertThat(error(client, "{\"command\":\"install\",\"name\":\"../x\"}")).startsWith("name: '../x' (expected: ");
    assertThat(error(client, "{\"command\":\"defer\",\"campaign\":\"cmp-push\",\"for\":\"PT0S\"}"))
        .startsWith("for: PT0S (expected: > 0");
    assertThat(error(client, "{\"command\":\"defer\",\"campaign\":\"cmp-push\",\"for\":7}"))
        .isEqualTo("for: 7 (expected: a string)");
    assertThat(error(client, "[1,2]")).startsWith("request: not a JSON object");
  }

  private static String error(LocalClientRaw client, String json) throws Exception {
    JsonObject response = client.send(json);
    assertThat(response.get("ok").getAsBoolean()).isFalse();
    assertThat(response.get("code").getAsString()).isEqualTo("invalid_argument");
    return response.get("error").getAsString();
  }

  @Test
  void client_noDaemon_saysTheAgentIsNotRunning() {
    socket.close();

    assertThat(run("catalog")).isEqualTo(AgentMain.RUNTIME_ERROR);
    assertThat(err.toString()).startsWith("error: the agent is not running (no socket at ");
  }
}
