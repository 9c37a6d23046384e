package dev.convoy.bench;

import dev.convoy.bench.proc.ProcStats;
import dev.convoy.bench.proc.ServerProcess;
import dev.convoy.protocol.v1.AdminServiceGrpc;
import dev.convoy.protocol.v1.WhoAmIRequest;
import dev.convoy.server.DataDirectory;
import dev.convoy.server.StandaloneInventory;
import dev.convoy.server.endpoint.Endpoint;
import dev.convoy.server.grpc.CanonicalInventoryHasher;
import dev.convoy.server.inventory.InventoryConfig;
import dev.convoy.server.inventory.InventoryReport;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.rocksdb.RocksEndpointStore;
import dev.convoy.server.storage.rocksdb.RocksStorage;
import dev.convoy.transport.Channels;
import dev.convoy.transport.Identity;
import dev.convoy.transport.TlsContexts;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Scenario 8, cold start: a data directory holding {@code --endpoints} endpoints (records written through the
 * server's endpoint store; the first {@code --inventories} with a 40-fact inventory through its inventory service:
 * writing 100,000 takes minutes on this machine's disk), {@code --releases} releases
 * (published through the admin API) and a started campaign with a deployment for every endpoint (admin API). Then
 * the server is started cold: time from process launch to serving (port bound) and to the first answered admin call,
 * and its RSS once idle. Usage:
 * {@code bench/run ColdStartBenchmark [--endpoints 100000] [--releases 1000] [--inventories 2000]}.
 */
public final class ColdStartBenchmark {
  record Result(int endpoints, int releases, double populateSeconds, long databaseBytes, double servingSeconds,
      double answeringSeconds, double idleRssMiB, double heapMiB, int threads, String phases, String startCpu,
      dev.convoy.bench.proc.JfrProfile profile) {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int endpoints = args.integer("--endpoints", 100_000);
    int releases = args.integer("--releases", 1000);
    int inventories = args.integer("--inventories", 2_000);
    Result r = run(endpoints, releases, inventories);
    boolean time = r.answeringSeconds() <= 5;
    boolean rss = r.idleRssMiB() <= 384;
    BenchmarkReport report = new BenchmarkReport("Scenario 8: cold start",
        "bench/run ColdStartBenchmark --endpoints " + endpoints + " --releases " + releases + " --inventories "
            + inventories)
        .metric("state", String.format("%d endpoints (each with one PENDING deployment; %d with a 40-fact "
            + "inventory), %d releases; RocksDB %.0f MiB; populated in %.0f s", r.endpoints(), inventories,
            r.releases(), r.databaseBytes() / 1048576.0, r.populateSeconds()), "—", "—")
        .metric("time from start to serving (port bound) / first admin call answered",
            String.format("%.2f s / %.2f s", r.servingSeconds(), r.answeringSeconds()),
            "≤ 5 s" + Targets.mark(time), "—")
        .metric("where the start went (server log timestamps)", r.phases(), "—", "—")
        .metric("server CPU from launch to serving, by thread", r.startCpu(), "—", "—")
        .metric("idle RSS (10 s after start)", String.format("%.0f MiB (heap after full GC %.0f MiB, %d threads)",
            r.idleRssMiB(), r.heapMiB(), r.threads()), "≤ 384 MiB" + Targets.mark(rss), "—");
    if (!time || !rss) {
      report.note(Targets.missed("time to serve (s)", r.answeringSeconds(), 5, true)
          + Targets.missed(" idle RSS (MiB)", r.idleRssMiB(), 384, true)
          + " The server runs with the JVM's default heap sizing (a quarter of RAM)."
          + (r.profile() == null ? "" : " Profile of a second, recorded start: " + r.profile().markdown()));
    }
    report.publish(Path.of("BENCHMARKS.md"));
  }

  static Result run(int endpoints, int releases, int inventories) throws Exception {
    try (ServerUnderTest server = ServerUnderTest.create("coldstart", List.of())) {
      long start = System.nanoTime();
      populateEndpoints(new DataDirectory(server.dataDirectory()).database(), endpoints, inventories);
      progress("endpoints and inventories", start);
      server.start();
      publishReleases(server, releases);
      progress("releases", start);
      server.admin().startCampaign("release-0", "1.0.0", "fleet");
      progress("campaign", start);
      server.process().stop();
      double populate = (System.nanoTime() - start) / 1e9;
      long bytes = size(new DataDirectory(server.dataDirectory()).database());
      // the cold start itself: a new process on the populated directory
      Instant launchedAt = Instant.now();
      long launched = System.nanoTime();
      ServerProcess process = server.restartOnly();
      double serving = (System.nanoTime() - launched) / 1e9;
      String startCpu = dev.convoy.bench.proc.ThreadCpu.of(process.pid())
          .topSince(new dev.convoy.bench.proc.ThreadCpu(java.util.Map.of()), 6);
      Identity admin = Identity.load(process.adminIdentity());
      ManagedChannel channel = Channels.open(server.address(), TlsContexts.client(admin));
      try {
        AdminServiceGrpc.newBlockingStub(channel).whoAmI(WhoAmIRequest.getDefaultInstance());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      double answering = (System.nanoTime() - launched) / 1e9;
      Thread.sleep(10_000);
      ProcStats idle = process.stats();
      double heap = process.jvm().heapUsedAfterGc() / 1048576.0;
      String phases = phases(server.dataDirectory().resolve("server.log"), launchedAt);
      dev.convoy.bench.proc.JfrProfile profile = null;
      if (answering > 5) {
        // where a slow start goes: a second start, recorded by JFR from launch (its times are not the ones above)
        server.restartWith(List.of("-XX:StartFlightRecording=name=bench,settings=profile"));
        profile = server.profile();
      }
      return new Result(endpoints, releases, populate, bytes, serving, answering, idle.rssMiB(), heap,
          idle.threads(), phases, startCpu, profile);
    }
  }

  /**
   * Where the start went, from the server log's timestamps of its last start: launch to "storage opened" (JVM
   * start, class loading, PKI, RocksDB open), then to "listening" (services wired, recovery, gRPC and TLS up).
   */
  static String phases(Path log, Instant launched) throws java.io.IOException {
    Instant opened = null;
    Instant listening = null;
    for (String line : Files.readAllLines(log)) {
      if (line.contains("storage opened")) {
        opened = Instant.parse(line.substring(0, line.indexOf(' ')));
      } else if (line.contains("ConvoyServer - listening")) {
        listening = Instant.parse(line.substring(0, line.indexOf(' ')));
      }
    }
    if (opened == null || listening == null) {
      return "(no start found in the server log)";
    }
    return String.format("launch → storage opened %.2f s (JVM, classes, PKI, RocksDB); → listening %.2f s "
        + "(services, recovery, gRPC, TLS)", Duration.between(launched, opened).toMillis() / 1e3,
        Duration.between(opened, listening).toMillis() / 1e3);
  }

  /** Endpoint records (group "fleet") and a 40-fact inventory each, written with the server's own stores. */
  private static void progress(String what, long start) {
    System.err.printf("cold start: %s populated after %.1f s%n", what, (System.nanoTime() - start) / 1e9);
  }

  private static void populateEndpoints(Path database, int endpoints, int inventories) throws Exception {
    Instant now = Instant.now();
    try (RocksStorage storage = RocksStorage.open(database)) {
      RocksEndpointStore store = new RocksEndpointStore(storage);
      for (int from = 0; from < endpoints; from += 1000) {
        ChangeSet changes = storage.begin();
        for (int n = from; n < Math.min(endpoints, from + 1000); n++) {
          store.put(changes, Endpoint.enrolled(SimulatedInventory.endpointId(n), String.format("ws-%06d", n),
              "fleet", now, Long.toHexString(0x10000000L + n), now.plus(Duration.ofDays(365))));
        }
        storage.commit(changes);
      }
      var inventory = StandaloneInventory.service(storage, Clock.systemUTC(), InventoryConfig.defaults());
      CanonicalInventoryHasher hasher = new CanonicalInventoryHasher();
      AtomicInteger next = new AtomicInteger();
      // many writers so that group commit shares each fsync among many reports
      ExecutorService pool = Executors.newFixedThreadPool(64);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        workers.add(pool.submit(() -> {
          for (int n = next.getAndIncrement(); n < Math.min(endpoints, inventories); n = next.getAndIncrement()) {
            SortedMap<String, Object> facts = smallInventory(n);
            inventory.report(InventoryReport.full(SimulatedInventory.endpointId(n), facts, hasher.sha256(facts),
                "connect"));
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      pool.shutdown();
    }
  }

  /** The first 40 facts of the simulated workstation inventory (OS, hardware, network, a few packages). */
  private static SortedMap<String, Object> smallInventory(int n) {
    SortedMap<String, Object> all = SimulatedInventory.of(n);
    SortedMap<String, Object> facts = new TreeMap<>();
    all.entrySet().stream().filter(e -> !e.getKey().startsWith("software.")).forEach(e -> facts.put(e.getKey(),
        e.getValue()));
    all.entrySet().stream().filter(e -> e.getKey().startsWith("software.")).limit(40L - facts.size())
        .forEach(e -> facts.put(e.getKey(), e.getValue()));
    return facts;
  }

  private static void publishReleases(ServerUnderTest server, int releases) throws Exception {
    Path payload = server.payload("small.bin", 2048);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < releases; i++) {
      int n = i;
      all.add(pool.submit(() -> {
        Path own = server.root().resolve("payload-" + n);
        Files.write(own, (n + "\n").getBytes());
        Files.write(own, Files.readAllBytes(payload), java.nio.file.StandardOpenOption.APPEND);
        server.admin().publish("release-" + n % 100, "1.0." + n / 100, own);
        Files.delete(own);
        return null;
      }));
    }
    for (Future<?> one : all) {
      one.get();
    }
    pool.shutdown();
  }

  private static long size(Path dir) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
