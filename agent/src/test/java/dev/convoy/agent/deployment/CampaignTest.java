package dev.convoy.agent.deployment;

import static dev.convoy.agent.deployment.DeploymentState.AWAITING_TECHNICIAN;
import static dev.convoy.agent.deployment.DeploymentState.AWAITING_WINDOW;
import static dev.convoy.agent.deployment.DeploymentState.CANCELLED;
import static dev.convoy.agent.deployment.DeploymentState.DEFERRED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADED;
import static dev.convoy.agent.deployment.DeploymentState.DOWNLOADING;
import static dev.convoy.agent.deployment.DeploymentState.FAILED;
import static dev.convoy.agent.deployment.DeploymentState.INSTALLING;
import static dev.convoy.agent.deployment.DeploymentState.NOTIFIED;
import static dev.convoy.agent.deployment.DeploymentState.OFFERED;
import static dev.convoy.agent.deployment.DeploymentState.SUCCEEDED;
import static dev.convoy.agent.deployment.DeploymentState.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.agent.config.DataDir;
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
import dev.convoy.agent.testing.TestPayload;
import dev.convoy.agent.testing.TestRelease;
import dev.convoy.installers.StepResult;
import java.nio.file.Path;
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

/**
 * ISSUE 4 on one agent against an in-memory server that applies the campaign gate: the exact reported chains for
 * PUSH, TECHNICIAN, PULL, deferral, the install permit, a crash between permit and journal, cancellation and a
 * restart while waiting. Time is a manual clock; gate re-checks run from a manual scheduler.
 */
class CampaignTest {
  private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
  private static final String ID = "dep-1";

  @TempDir
  Path root;

  private final ManualClock clock = new ManualClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final FakeCampaignServer server = new FakeCampaignServer(clock);
  private final FakeInstaller installer = new FakeInstaller();
  private final TestRelease release = TestRelease.random("hello", "1.0.0", FakeInstaller.TYPE, 3000, 1024, 7);
  private final TestPayload payload = release.payload();
  private final List<String> desktop = new CopyOnWriteArrayList<>();
  private DeploymentJournal journal;
  private ReportOutbox outbox;
  private Reconciler reconciler;
  private NoticeBook book;

  @BeforeEach
  void setUp() {
    server.serve(ID, payload);
    start();
  }

  private void start() {
    DataDir dir = new DataDir(root);
    journal = new DeploymentJournal(dir.journal());
    outbox = new ReportOutbox(server, journal, () -> new Backoff(Duration.ofMillis(1), Duration.ofMillis(1),
        new Random(1)), d -> { });
    book = new NoticeBook(dir.notices());
    Notices notices = new Notices(book, (title, message) -> desktop.add(title + " | " + message),
        Map.of(Notices.BUS_VARIABLE, "unix:path=/run/user/1000/bus"));
    InstallStep step = new InstallStep(type -> installer, TestLifecycle::install, TestLifecycle::uninstall,
        dir.managed());
    reconciler = new Reconciler(journal, outbox, new ChunkedDownloader(dir.downloads(), server,
        RateLimiter.unlimited()), step, dir::work, new Backoff(Duration.ofHours(1), Duration.ofHours(1),
        new Random(1)), clock, action -> { }, new CampaignPorts(server, notices, scheduler, null,
        Duration.ofSeconds(10)));
    outbox.start();
  }

  private void restart() {
    reconciler.close();
    outbox.close();
    start();
  }

  @AfterEach
  void tearDown() {
    reconciler.close();
    outbox.close();
  }

  private static CampaignTerms terms(Delivery delivery, Execution execution, InstallGate gate, Deferral deferral) {
    return new CampaignTerms("Office update", delivery, execution,
        new Notice("Office update", "LibreOffice will be updated this weekend.", Duration.ZERO, null), gate, deferral);
  }

  private static InstallGate windows(boolean prestage, TimeWindow... windows) {
    return new InstallGate(false, null, false, List.of(windows), prestage, null, false, false, false);
  }

  private DeploymentSpec spec(CampaignTerms terms) {
    return release.spec(ID, "cmp-1", DeploymentAction.INSTALL, 1, terms);
  }

  private void pass(DeploymentSpec... specs) throws Exception {
    server.desire(specs);
    reconciler.offer(server.sync(0)).get(10, TimeUnit.SECONDS);
  }

  /** Waits for a pass that started after the clock moved, and for its reports. */
  private void settled() throws Exception {
    reconciler.poke().get(10, TimeUnit.SECONDS);
    drained();
  }

  private void drained() throws Exception {
    assertThat(outbox.drain(Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void push_gateOpen_walksNotifiedThenInstalls() throws Exception {
    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, InstallGate.OPEN, Deferral.NONE)));
    server.await(ID, SUCCEEDED);

    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING,
        VERIFYING, SUCCEEDED);
    assertThat(server.reports).extracting(StatusReport::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(server.reports.get(4).userInitiated()).isFalse();
    assertThat(desktop).containsExactly("Office update | LibreOffice will be updated this weekend.");
    assertThat(book.all()).singleElement().satisfies(n -> {
      assertThat(n.campaignId()).isEqualTo("cmp-1");
      assertThat(n.shownAt()).isEqualTo(T0);
    });
  }

  @Test
  void push_closedUntilTheWindowOpens_awaitsWindowThenInstallsAtItsStart() throws Exception {
    TimeWindow window = new TimeWindow(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(4)));
    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, windows(true, window), Deferral.NONE)));
    drained();

    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW);
    assertThat(reconciler.nextRecheck()).contains(window.start());
    assertThat(server.refused).isEmpty(); // the agent's own reading of the gate spared the server a request

    scheduler.advance(Duration.ofHours(2));
    server.await(ID, SUCCEEDED);
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW,
        INSTALLING, VERIFYING, SUCCEEDED);
  }

  @Test
  void push_withoutPrestage_downloadsOnlyInsideTheWindow() throws Exception {
    TimeWindow window = new TimeWindow(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(3)));
    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, windows(false, window), Deferral.NONE)));
    drained();
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED);

    scheduler.advance(Duration.ofHours(1));
    server.await(ID, SUCCEEDED);
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING,
        VERIFYING, SUCCEEDED);
  }

  @Test
  void technician_waitsUntilPresent() throws Exception {
    InstallGate absent = new InstallGate(false, null, false, List.of(), false, null, false, true, false);
    pass(spec(terms(Delivery.PUSH, Execution.TECHNICIAN, absent, Deferral.NONE)));
    drained();
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_TECHNICIAN);
    assertThat(reconciler.nextRecheck()).isEmpty();

    InstallGate present = new InstallGate(false, null, false, List.of(), false, null, false, true, true);
    pass(spec(terms(Delivery.PUSH, Execution.TECHNICIAN, present, Deferral.NONE)));
    server.await(ID, SUCCEEDED);
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_TECHNICIAN,
        INSTALLING, VERIFYING, SUCCEEDED);
  }

  @Test
  void pull_waitsForTheUser_thenInstallsUserInitiated() throws Exception {
    InstallGate gate = new InstallGate(false, null, false, List.of(), false, T0.plus(Duration.ofDays(7)), true,
        false, false);
    pass(spec(terms(Delivery.PULL, Execution.AUTOMATIC, gate, Deferral.NONE)));
    drained();
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED);
    assertThat(reconciler.nextRecheck()).contains(T0.plus(Duration.ofDays(7)));
    assertThat(reconciler.selfService().catalog()).singleElement().satisfies(item -> {
      assertThat(item.name()).isEqualTo("hello");
      assertThat(item.deadline()).isEqualTo(T0.plus(Duration.ofDays(7)));
      assertThat(item.state()).isEqualTo(NOTIFIED);
    });

    assertThat(reconciler.selfService().requestInstall("hello")).startsWith("install of hello@1.0.0 requested");
    server.await(ID, SUCCEEDED);

    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING,
        VERIFYING, SUCCEEDED);
    assertThat(server.reports.get(4).userInitiated()).isTrue();
  }

  @Test
  void pull_afterItsDeadline_installsLikeAPush() throws Exception {
    InstallGate gate = new InstallGate(false, null, false,
        List.of(new TimeWindow(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)))), true,
        T0.plus(Duration.ofMinutes(30)), true, false, false);
    pass(spec(terms(Delivery.PULL, Execution.AUTOMATIC, gate, Deferral.NONE)));
    drained();
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED);

    scheduler.advance(Duration.ofMinutes(30)); // the deadline: now a push, prestaged, waiting for its window
    settled();
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW);
    scheduler.advance(Duration.ofMinutes(30));
    server.await(ID, SUCCEEDED);
    assertThat(server.reports).filteredOn(r -> r.state() == INSTALLING).singleElement()
        .satisfies(r -> assertThat(r.userInitiated()).isFalse());
  }

  @Test
  void defer_accepted_reportsDeferredUntilThenInstallsAfterIt() throws Exception {
    CampaignTerms leadHour = new CampaignTerms("Office update", Delivery.PUSH, Execution.AUTOMATIC,
        new Notice("t", "m", Duration.ofHours(1), null), InstallGate.OPEN,
        new Deferral(2, Duration.ofDays(1), 0, Duration.ZERO, null, null));
    pass(spec(leadHour));
    drained();
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW);

    Instant until = reconciler.selfService().defer("cmp-1", Duration.ofHours(4));
    drained();

    assertThat(until).isEqualTo(T0.plus(Duration.ofHours(4)));
    StatusReport deferred = server.reports.get(server.reports.size() - 1);
    assertThat(deferred.state()).isEqualTo(DEFERRED);
    assertThat(deferred.deferredUntil()).isEqualTo(until);
    scheduler.advance(Duration.ofHours(1)); // the lead time is over, the deferral is not
    settled();
    assertThat(server.statesFor(ID)).endsWith(DEFERRED);
    scheduler.advance(Duration.ofHours(3));
    server.await(ID, SUCCEEDED);
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW,
        DEFERRED, INSTALLING, VERIFYING, SUCCEEDED);
  }

  @Test
  void defer_refusedByTheServer_showsItsReasonAndChangesNothing() throws Exception {
    TimeWindow window = new TimeWindow(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(4)));
    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, windows(true, window), Deferral.NONE)));
    drained();

    assertThatThrownBy(() -> reconciler.selfService().defer("cmp-1", Duration.ofHours(4)))
        .isInstanceOf(SelfServiceException.class)
        .hasMessage("deferral is not allowed in campaign cmp-1")
        .extracting(e -> ((SelfServiceException) e).kind()).isEqualTo(SelfServiceException.Kind.REFUSED);
    assertThat(journal.find(ID).orElseThrow().state()).isEqualTo(AWAITING_WINDOW);
    assertThat(server.statesFor(ID)).doesNotContain(DEFERRED);
  }

  @Test
  void permit_refusedThenGranted_waitsAndLogsThenInstallsAtTheNextHint() throws Exception {
    server.refusePermits = "wave 2 has not opened yet";
    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, InstallGate.OPEN, Deferral.NONE)));
    drained();

    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW);
    assertThat(journal.find(ID).orElseThrow().detail()).contains("wave 2 has not opened yet");
    assertThat(journal.find(ID).orElseThrow().notes().permitPending()).isFalse();
    assertThat(installer.calls).doesNotContain("stage");
    assertThat(reconciler.nextRecheck()).contains(T0.plus(Permits.REFUSED_RECHECK));

    server.refusePermits = null;
    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, InstallGate.OPEN, Deferral.NONE)));
    server.await(ID, SUCCEEDED);
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW,
        INSTALLING, VERIFYING, SUCCEEDED);
  }

  @Test
  void permit_callBrokenByAServerStop_notARefusal_intentKeptAndAskedAgain() throws Exception {
    server.breakNextPermitCall = ServerException.Code.CANCELLED;
    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, InstallGate.OPEN, Deferral.NONE)));

    assertThat(server.statesFor(ID)).as("no AWAITING_WINDOW: the server never said no")
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED);
    assertThat(journal.find(ID).orElseThrow().notes().permitPending()).isTrue();
    assertThat(installer.calls).doesNotContain("stage");

    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, InstallGate.OPEN, Deferral.NONE)));
    server.await(ID, SUCCEEDED);
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING,
        VERIFYING, SUCCEEDED);
  }

  @Test
  void permit_grantedButTheAgentDiedBeforeJournaling_resumesWithTheInstallEvenOutsideTheWindow() throws Exception {
    TimeWindow window = new TimeWindow(T0, T0.plus(Duration.ofHours(1)));
    server.loseNextPermitAnswer = true;
    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, windows(true, window), Deferral.NONE)));
    server.await(ID, INSTALLING);
    JournalEntry journaled = journal.find(ID).orElseThrow();
    assertThat(journaled.state()).isEqualTo(DOWNLOADED);
    assertThat(journaled.notes().permitPending()).isTrue();

    restart();
    clock.advance(Duration.ofHours(2)); // the window closed while the agent was down
    reconciler.start().get(10, TimeUnit.SECONDS);
    server.await(ID, SUCCEEDED);

    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING,
        VERIFYING, SUCCEEDED);
    assertThat(server.reports).extracting(StatusReport::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(installer.calls).containsSubsequence("stage", "install", "verify", "commit");
  }

  @Test
  void cancel_unlistedBeforeInstalling_journaledCancelledDownloadPurgedNothingReported() throws Exception {
    TimeWindow window = new TimeWindow(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(4)));
    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, windows(true, window), Deferral.NONE)));
    drained();
    Path downloaded = new DataDir(root).downloads().resolve(payload.sha256() + ".payload");
    assertThat(downloaded).exists();
    int reports = server.reports.size();

    pass();
    drained();

    JournalEntry entry = journal.find(ID).orElseThrow();
    assertThat(entry.state()).isEqualTo(CANCELLED);
    assertThat(entry.unreported()).isFalse();
    assertThat(downloaded).doesNotExist();
    assertThat(server.reports).hasSize(reports);
    restart();
    reconciler.start().get(10, TimeUnit.SECONDS);
    drained();
    assertThat(server.reports).hasSize(reports);
  }

  @Test
  void restart_whileAwaitingWindow_resumesWaitingAndInstallsWhenItOpens() throws Exception {
    TimeWindow window = new TimeWindow(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(4)));
    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, windows(true, window), Deferral.NONE)));
    drained();

    restart();
    reconciler.start().get(10, TimeUnit.SECONDS);
    drained();
    assertThat(reconciler.nextRecheck()).contains(window.start());
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW);

    scheduler.advance(Duration.ofHours(2));
    server.await(ID, SUCCEEDED);
    assertThat(server.statesFor(ID)).containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, AWAITING_WINDOW,
        INSTALLING, VERIFYING, SUCCEEDED);
  }

  @Test
  void retry_installerSaysRetryable_failedCarriesRetryableAndANewAttemptStartsOver() throws Exception {
    installer.stage = StepResult.retryableFailure(75, "script exited 75");
    pass(spec(terms(Delivery.PUSH, Execution.AUTOMATIC, InstallGate.OPEN, Deferral.NONE)));
    server.await(ID, FAILED);
    assertThat(server.reports.get(server.reports.size() - 1).retryable()).isTrue();

    installer.stage = StepResult.success("staged");
    DeploymentSpec second = release.spec(ID, "cmp-1", DeploymentAction.INSTALL, 2, terms(Delivery.PUSH,
        Execution.AUTOMATIC, InstallGate.OPEN, Deferral.NONE));
    pass(second);
    server.await(ID, SUCCEEDED);
    assertThat(server.reports).filteredOn(r -> r.attempt() == 2).extracting(StatusReport::state)
        .containsExactly(OFFERED, NOTIFIED, DOWNLOADING, DOWNLOADED, INSTALLING, VERIFYING, SUCCEEDED);
    assertThat(desktop).hasSize(1); // the notice is shown once per deployment
  }
}
