package dev.convoy.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.AgentMessage;
import dev.convoy.protocol.v1.AgentServiceGrpc;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.Hello;
import dev.convoy.protocol.v1.ServerHint;
import dev.convoy.protocol.v1.StatusAck;
import dev.convoy.protocol.v1.StatusReport;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.endpoint.EndpointService;
import dev.convoy.server.endpoint.Presence;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.server.testing.Await;
import dev.convoy.server.testing.Collector;
import dev.convoy.server.testing.MutableClock;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-session bound on reports in flight and the order of one deployment's reports, with reports that stay "in
 * flight" until the test lets them finish:
 * a real Session ({@link SessionHub}, {@link AgentSession}) over a real in-process gRPC transport and a real
 * endpoint store in RocksDB, its reports applied by an applier that waits for a latch.
 */
class SessionReportsFlowTest {
  private static final String ENDPOINT = "ep-0123456789abcdef";
  @TempDir Path dir;
  private RocksStorage storage;
  private Server server;
  private ManagedChannel channel;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final AtomicInteger applied = new AtomicInteger();
  private final java.util.List<Long> order = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    storage = RocksStorage.open(dir.resolve("db"));
    MutableClock clock = new MutableClock();
    RocksEndpointStore store = new RocksEndpointStore(storage);
    ChangeSet changes = storage.begin();
    store.put(changes, Endpoint.enrolled(ENDPOINT, "pc", "lab", clock.instant(), "01", clock.instant()));
    storage.commit(changes);
    SessionHub hub = new SessionHub(new EndpointService(store, storage, new Presence(), clock));
    hub.acceptReports(new SessionReports(this::held, executor));
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(new AgentServiceGrpc.AgentServiceImplBase() {
      @Override
      public StreamObserver<AgentMessage> session(StreamObserver<ServerHint> out) {
        return hub.open(ENDPOINT, null, (ServerCallStreamObserver<ServerHint>) out);
      }
    }).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    executor.shutdownNow();
    storage.close();
  }

  private StatusAck held(String caller, StatusReport report) {
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    order.add(report.getSequence());
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    inFlight.decrementAndGet();
    applied.incrementAndGet();
    return StatusAck.newBuilder().setApplied(true).setCurrentState(report.getState())
        .setCurrentSequence(report.getSequence()).build();
  }

  private StreamObserver<AgentMessage> open(Collector<ServerHint> hints) {
    StreamObserver<AgentMessage> out = AgentServiceGrpc.newStub(channel).session(hints);
    out.onNext(AgentMessage.newBuilder().setHello(Hello.newBuilder().setEndpointId(ENDPOINT)).build());
    return out;
  }

  private static AgentMessage status(String deploymentId, long sequence) {
    return AgentMessage.newBuilder().setStatus(StatusReport.newBuilder().setEndpointId(ENDPOINT)
        .setDeploymentId(deploymentId).setAttempt(1).setSequence(sequence).setState(DeploymentState.OFFERED)).build();
  }

  @Test
  void status_oneDeploymentsReportsPipelined_appliedOneAfterAnotherInStreamOrder() throws Exception {
    Collector<ServerHint> hints = new Collector<>();
    StreamObserver<AgentMessage> out = open(hints);
    int sent = SessionReports.MAX_IN_FLIGHT;
    for (int i = 1; i <= sent; i++) {
      out.onNext(status("dep-0000000000000001", i));
    }

    Await.until(() -> inFlight.get() == 1);
    release.countDown();
    Await.until(() -> hints.values().stream().filter(ServerHint::hasReportAck).count() == sent);

    assertThat(mostInFlight.get()).isEqualTo(1);
    assertThat(order).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, sent).boxed().toList());
    out.onCompleted();
  }

  @Test
  void status_moreThanTheWindowAtOnce_atMostTheWindowInFlightThenAllAcked() throws Exception {
    Collector<ServerHint> hints = new Collector<>();
    StreamObserver<AgentMessage> out = open(hints);
    int sent = 3 * SessionReports.MAX_IN_FLIGHT;
    for (int i = 1; i <= sent; i++) {
      out.onNext(status(String.format("dep-%016x", i), i)); // one deployment each: all may run at once
    }

    Await.until(() -> inFlight.get() == SessionReports.MAX_IN_FLIGHT);
    // nothing more is read while the window is full: a report beyond it would arrive within this time
    Thread.sleep(300);
    assertThat(inFlight.get()).isEqualTo(SessionReports.MAX_IN_FLIGHT);
    release.countDown();
    Await.until(() -> hints.values().stream().filter(ServerHint::hasReportAck).count() == sent);

    assertThat(mostInFlight.get()).isEqualTo(SessionReports.MAX_IN_FLIGHT);
    assertThat(applied.get()).isEqualTo(sent);
    assertThat(hints.values().get(0).hasSessionAccepted()).isTrue();
    assertThat(hints.values()).filteredOn(ServerHint::hasReportAck).extracting(h -> h.getReportAck().getSequence())
        .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, sent).boxed().toList());
    out.onCompleted();
  }
}
