package dev.convoy.agent.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.agent.deployment.DesiredState;
import dev.convoy.agent.grpc.GrpcServerApi;
import dev.convoy.agent.grpc.GrpcSessionConnector;
import dev.convoy.agent.grpc.ProtoInventoryHasher;
import dev.convoy.agent.inventory.CollectedInventory;
import dev.convoy.agent.inventory.FactPath;
import dev.convoy.agent.inventory.FactValue;
import dev.convoy.agent.inventory.Inventory;
import dev.convoy.agent.inventory.InventoryReporter;
import dev.convoy.agent.inventory.InventorySummary;
import dev.convoy.agent.inventory.ManagedPackage;
import dev.convoy.agent.inventory.ReportReason;
import dev.convoy.agent.retry.Backoff;
import dev.convoy.agent.retry.Sleeper;
import dev.convoy.agent.testing.GrpcCleanup;
import dev.convoy.agent.testing.InProcessAgentServer;
import dev.convoy.agent.testing.TestAgentService;
import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.InventoryReport;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The session loop against a real in-process AgentService: Hello, Sync on connect and on hints, reconnects, and
 * inventory reports (full on connect and on request, deltas after, a full one at once when the server asks).
 */
class SessionLoopTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  final GrpcCleanup grpc = new GrpcCleanup();

  private final TestAgentService server = new TestAgentService();
  private final BlockingQueue<DesiredState> synced = new LinkedBlockingQueue<>();
  private final List<Duration> delays = new CopyOnWriteArrayList<>();
  private final InventorySummary summary = new InventorySummary("ws-1", "Debian GNU/Linux 12 (bookworm)", "12",
      "amd64", "0.1.0", List.of(new ManagedPackage("hello", "1.0.0", "installed")));
  private final Map<String, String> facts = new java.util.concurrent.ConcurrentSkipListMap<>(Map.of(
      "os.id", "debian", "os.version", "12", "software[\"g++\"].version", "4:12.2.0-3", "agent.health", "ok"));

  private SessionLoop loop(ManagedChannel channel, Duration ping, Random random, Sleeper sleeper) {
    return loop(channel, ping, random, sleeper, CLOCK);
  }

  private SessionLoop loop(ManagedChannel channel, Duration ping, Random random, Sleeper sleeper, Clock clock) {
    GrpcServerApi api = new GrpcServerApi(channel, "ep-1", Duration.ofSeconds(5));
    InventoryReporter reporter = new InventoryReporter(this::collect, new ProtoInventoryHasher(), api::reportInventory);
    SessionLoop loop = new SessionLoop(new SessionConfig("ep-1", "0.1.0", ping, true),
        new GrpcSessionConnector(channel), api, synced::add, reporter,
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random), sleeper, clock);
    grpc.register(loop);
    return loop;
  }

  private CollectedInventory collect() {
    Inventory.Builder builder = Inventory.builder();
    facts.forEach((path, value) -> builder.put(FactPath.parse(path), FactValue.text(value)));
    return new CollectedInventory(builder.build(), summary, CLOCK.instant());
  }

  /** The agent's current facts as the server should hold them. */
  private Map<String, dev.convoy.protocol.v1.FactValue> expectedView() {
    Map<String, dev.convoy.protocol.v1.FactValue> view = new TreeMap<>();
    facts.forEach((path, value) -> view.put(path, dev.convoy.protocol.v1.FactValue.newBuilder().setText(value).build()));
    return view;
  }

  private static String kind(InventoryReport report) {
    return report.getReason() + ":" + (report.hasFull() ? "full" : "delta");
  }

  private Sleeper recordingSleeper() {
    return delay -> delays.add(delay);
  }

  private DesiredState nextSync() throws InterruptedException {
    DesiredState state = synced.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(state).as("a sync within " + TIMEOUT).isNotNull();
    return state;
  }

  @Test
  @SuppressWarnings("deprecation") // reads the deprecated inventory summary on purpose: it must stay filled
  void start_sendsHelloThenSyncsAndReportsTheFullInventory() throws Exception {
    server.desire(7);
    loop(InProcessAgentServer.start(server, grpc), Duration.ofMinutes(1), new Random(1), recordingSleeper()).start();

    assertThat(nextSync().revision()).isEqualTo(7);
    server.await(() -> !server.inventories.isEmpty() && !server.sessionMessages.isEmpty(), TIMEOUT);

    AgentMessage first = server.sessionMessages.get(0);
    assertThat(first.hasHello()).isTrue();
    assertThat(first.getHello().getEndpointId()).isEqualTo("ep-1");
    assertThat(first.getHello().getAgentVersion()).isEqualTo("0.1.0");
    assertThat(first.getHello().getKnownRevision()).isZero();
    InventoryReport sent = server.inventories.get(0);
    assertThat(sent.getEndpointId()).isEqualTo("ep-1");
    assertThat(kind(sent)).isEqualTo("connect:full");
    assertThat(sent.getFull().getFactsList()).extracting(f -> f.getPath())
        .containsExactly("agent.health", "os.id", "os.version", "software[\"g++\"].version");
    assertThat(sent.getInventorySha256()).isEqualTo(TestAgentService.sha256(expectedView()));
    assertThat(server.inventoryView()).isEqualTo(expectedView());
    assertThat(sent.getOs()).isEqualTo("Debian GNU/Linux 12 (bookworm)"); // the deprecated summary is still filled
    assertThat(sent.getManagedPackagesList()).extracting(p -> p.getName() + "@" + p.getVersion()).containsExactly("hello@1.0.0");
  }

  @Test
  void revisionReadyHint_syncsAgain() throws Exception {
    server.desire(1);
    loop(InProcessAgentServer.start(server, grpc), Duration.ofMinutes(1), new Random(1), recordingSleeper()).start();
    assertThat(nextSync().revision()).isEqualTo(1);
    server.await(() -> server.sessionsOpened.get() == 1, TIMEOUT); // the stream may open after the Sync returned

    server.desire(2);
    server.hintRevision(2);

    assertThat(nextSync().revision()).isEqualTo(2);
    assertThat(server.syncCalls.get()).isEqualTo(2);
  }

  @Test
  void revisionReadyHints_alreadyCoveredBySync_skipped() throws Exception {
    server.desire(3);
    loop(InProcessAgentServer.start(server, grpc), Duration.ofMinutes(1), new Random(1), recordingSleeper()).start();
    assertThat(nextSync().revision()).isEqualTo(3);
    server.await(() -> server.sessionsOpened.get() == 1, TIMEOUT);

    server.desire(4);
    server.hintRevision(2);
    server.hintRevision(3);
    server.hintRevision(4);

    assertThat(nextSync().revision()).isEqualTo(4);
    server.desire(5);
    server.hintRevision(5);

    // the loop handles hints in order: had 2 and 3 synced too, this would be their (revision 4) state
    assertThat(nextSync().revision()).isEqualTo(5);
    assertThat(server.syncCalls.get()).isEqualTo(3);
  }

  @Test
  void inventoryRequest_sendsAFullReport() throws Exception {
    loop(InProcessAgentServer.start(server, grpc), Duration.ofMinutes(1), new Random(1), recordingSleeper()).start();
    nextSync();
    server.await(() -> server.inventories.size() == 1 && server.sessionsOpened.get() == 1, TIMEOUT);

    server.requestInventory();

    server.await(() -> server.inventories.size() == 2, TIMEOUT);
    InventoryReport second = server.inventories.get(1);
    assertThat(kind(second)).isEqualTo("server-request:full");
    assertThat(second.getFull().getFactsCount()).isEqualTo(4);
  }

  @Test
  void inventoryDue_afterAChange_sendsADeltaWithExactlyTheChange() throws Exception {
    SessionLoop loop = loop(InProcessAgentServer.start(server, grpc), Duration.ofMinutes(1), new Random(1), recordingSleeper());
    loop.start();
    nextSync();
    server.await(() -> server.inventories.size() == 1 && server.sessionsOpened.get() == 1, TIMEOUT);
    String before = server.inventorySha256();
    facts.put("convoy.releases.hello.version", "1.0.0");
    facts.remove("os.version");

    loop.inventoryDue(ReportReason.INSTALL);

    server.await(() -> server.inventories.size() == 2, TIMEOUT);
    InventoryReport delta = server.inventories.get(1);
    assertThat(kind(delta)).isEqualTo("install:delta");
    assertThat(delta.getDelta().getBaseSha256()).isEqualTo(before);
    assertThat(delta.getDelta().getSetList()).extracting(f -> f.getPath() + "=" + f.getValue().getText())
        .containsExactly("convoy.releases.hello.version=1.0.0");
    assertThat(delta.getDelta().getRemovedList()).containsExactly("os.version");
    assertThat(server.inventoryView()).isEqualTo(expectedView());
  }

  @Test
  void ackWithFullReportRequired_sendsAFullReportAtOnce() throws Exception {
    SessionLoop loop = loop(InProcessAgentServer.start(server, grpc), Duration.ofMinutes(1), new Random(1), recordingSleeper());
    loop.start();
    nextSync();
    server.await(() -> server.inventories.size() == 1 && server.sessionsOpened.get() == 1, TIMEOUT);
    server.refuseInventories(1);

    loop.inventoryDue(ReportReason.SCHEDULE);

    server.await(() -> server.inventories.size() == 3, TIMEOUT);
    assertThat(server.inventories).extracting(SessionLoopTest::kind)
        .containsExactly("connect:full", "schedule:delta", "resync:full");
    assertThat(server.inventoryView()).isEqualTo(expectedView());
  }

  @Test
  void corruptedServerView_isRepairedByTheFullReportAfterTheHashMismatch() throws Exception {
    SessionLoop loop = loop(InProcessAgentServer.start(server, grpc), Duration.ofMinutes(1), new Random(1), recordingSleeper());
    loop.start();
    nextSync();
    server.await(() -> server.inventories.size() == 1 && server.sessionsOpened.get() == 1, TIMEOUT);
    server.corruptInventory();
    facts.put("facts.site", "paris");

    loop.inventoryDue(ReportReason.INSTALL);

    server.await(() -> server.inventories.size() == 3, TIMEOUT);
    assertThat(server.inventories).extracting(SessionLoopTest::kind)
        .containsExactly("connect:full", "install:delta", "resync:full");
    assertThat(server.inventoryView()).isEqualTo(expectedView());
    assertThat(server.inventorySha256()).isEqualTo(server.inventories.get(2).getInventorySha256());
  }

  @Test
  void serverClosesTheSession_reconnectsWithHelloAtTheKnownRevisionAndSyncs() throws Exception {
    server.desire(5);
    loop(InProcessAgentServer.start(server, grpc), Duration.ofMinutes(1), new Random(1), recordingSleeper()).start();
    nextSync();
    server.await(() -> server.sessionsOpened.get() == 1 && !server.inventories.isEmpty(), TIMEOUT);

    server.closeSessions();

    assertThat(nextSync().revision()).isEqualTo(5);
    // The stream opens before its first message arrives, and Sync is a separate call: wait for the Hello itself.
    server.await(() -> server.sessionMessages.stream().filter(AgentMessage::hasHello).count() == 2, TIMEOUT);
    List<AgentMessage> hellos = server.sessionMessages.stream().filter(AgentMessage::hasHello).toList();
    assertThat(hellos).hasSize(2);
    assertThat(server.sessionsOpened.get()).isEqualTo(2);
    assertThat(hellos.get(1).getHello().getKnownRevision()).isEqualTo(5);
    server.await(() -> server.inventories.size() == 2, TIMEOUT);
    // The second connect of the same process confirms the acknowledged hash with an empty delta.
    InventoryReport again = server.inventories.get(1);
    assertThat(kind(again)).isEqualTo("connect:delta");
    assertThat(again.getDelta().getSetCount() + again.getDelta().getRemovedCount()).isZero();
    assertThat(again.getInventorySha256()).isEqualTo(server.inventories.get(0).getInventorySha256());
    assertThat(delays).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(1)));
  }

  @Test
  void serverUnreachable_backsOffExponentiallyUpToTheCap() throws Exception {
    ManagedChannel nowhere = grpc.register(InProcessChannelBuilder.forName("no-such-server").build());
    CompletableFuture<Void> eightFailures = new CompletableFuture<>();
    Random top = new Random() {
      private static final long serialVersionUID = 1L;

      @Override
      public double nextDouble() {
        return 0.9999999; // the top of each jitter range, to read the ceilings
      }
    };
    loop(nowhere, Duration.ofMinutes(1), top, delay -> {
      delays.add(delay);
      if (delays.size() == 8) {
        eightFailures.complete(null);
        new CountDownLatch(1).await(); // park until close() interrupts
      }
    }).start();

    eightFailures.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    assertThat(delays).extracting(Duration::toSeconds).containsExactly(0L, 1L, 3L, 7L, 15L, 31L, 59L, 59L);
    assertThat(synced).isEmpty();
  }

  @Test
  void healthySessionLost_reconnectRetriesUseTheFastPhase() throws Exception {
    assertThat(reconnectDelaysAfterASessionOf(Duration.ofSeconds(31))).containsExactly(0L, 1L, 3L, 7L, 9L, 9L);
  }

  @Test
  void shortSessionLost_reconnectRetriesDoubleAsUsual() throws Exception {
    assertThat(reconnectDelaysAfterASessionOf(Duration.ofSeconds(5))).containsExactly(0L, 1L, 3L, 7L, 15L, 31L);
  }

  /**
   * Connects, lets the session last {@code lasted} (by the clock), then the server ends it and refuses the next five
   * Syncs; answers the whole seconds of the six delays before the agent is back (jitter at the top of each range).
   */
  private List<Long> reconnectDelaysAfterASessionOf(Duration lasted) throws Exception {
    MutableClock clock = new MutableClock(CLOCK.instant());
    loop(InProcessAgentServer.start(server, grpc), Duration.ofMinutes(1), topOfRange(), recordingSleeper(), clock)
        .start();
    nextSync();
    server.await(() -> server.sessionsOpened.get() == 1 && !server.inventories.isEmpty(), TIMEOUT);
    clock.advance(lasted);
    server.refuseSyncs(5);

    server.closeSessions();

    server.await(() -> server.sessionsOpened.get() == 7, TIMEOUT);
    nextSync();
    return delays.stream().map(Duration::toSeconds).toList();
  }

  private static Random topOfRange() {
    return new Random() {
      private static final long serialVersionUID = 1L;

      @Override
      public double nextDouble() {
        return 0.9999999; // the top of each jitter range, to read the ceilings
      }
    };
  }

  /** A clock the test moves forward. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void idleSession_sendsPings() throws Exception {
    loop(InProcessAgentServer.start(server, grpc), Duration.ofMillis(20), new Random(1), recordingSleeper()).start();

    server.await(() -> server.sessionMessages.stream().filter(AgentMessage::hasPing).count() >= 2, TIMEOUT);

    AgentMessage ping = server.sessionMessages.stream().filter(AgentMessage::hasPing).findFirst().orElseThrow();
    assertThat(ping.getPing().getAt().getSeconds()).isEqualTo(CLOCK.instant().getEpochSecond());
  }
}
