package dev.convoy.bench;

import dev.convoy.bench.proc.Jvm;
import dev.convoy.bench.proc.ProcStats;
import dev.convoy.bench.proc.ServerProcess;
import dev.convoy.bench.sim.Behaviour;
import dev.convoy.bench.sim.Fleet;
import java.nio.file.Path;
import java.util.List;

/**
 * Scenario 1, connected agents: {@code --agents} simulated agents enroll, then open their mTLS connection and
 * Session stream (Hello, Sync) and stay idle. Server RSS and heap (after a full GC) per connection, from readings
 * before connecting and after connecting (heap) or at the end of the idle period (RSS), each of a settled server; time to connect them all; then, over {@code --idle} seconds, the server's CPU and
 * wake-ups (context switches of all its threads), which show whether anything fires per connection more than once
 * a minute. The agents are silent meanwhile (their Ping and HTTP/2 keepalive interval is set to 30 min for this
 * scenario, the real agent's is 60 s), so that every wake-up counted is the server's own doing. Usage: {@code bench/run ConnectedAgentsBenchmark [--agents 10000] [--idle 60]}.
 */
public final class ConnectedAgentsBenchmark {
  record Result(int agents, double enrollSeconds, double connectSeconds, long connected, long rssBefore,
      long rssAfter, long heapBefore, long heapAfter, int idleSeconds, double idleCpuSeconds, long wakeups,
      int serverThreads, double connectCpuSeconds, double enrollCpuSeconds, double simEnrollCpuSeconds, String heapGrowth) {
    double rssPerConnection() {
      return (rssAfter - rssBefore) / (double) agents;
    }

    double heapPerConnection() {
      return (heapAfter - heapBefore) / (double) agents;
    }

    double wakeupsPerConnectionPerMinute() {
      return wakeups * 60.0 / idleSeconds / agents;
    }
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int agents = args.integer("--agents", 10_000);
    int idle = args.integer("--idle", 60);
    String jvm = args.string("--server-jvm", "");
    Result r = run(agents, idle, ServerUnderTest.jvmOptions(jvm));
    report(r, "bench/run ConnectedAgentsBenchmark --agents " + agents + " --idle " + idle
        + (jvm.isBlank() ? "" : " --server-jvm '" + jvm + "'")).publish(Path.of("BENCHMARKS.md"));
  }

  static BenchmarkReport report(Result r, String command) {
    int agents = r.agents();
    boolean rss = r.rssPerConnection() <= 24 * 1024;
    boolean timers = r.wakeupsPerConnectionPerMinute() <= 1;
    BenchmarkReport report = new BenchmarkReport("Scenario 1: connected agents (idle sessions)", command)
        .metric("sessions connected", r.connected() + " of " + agents, "all", "SCCM management point: 25,000 "
            + "clients; BigFix relay: 500–1,000; Puppet Server: 2,000–4,000 nodes per primary")
        .metric("enrollment (real Enroll RPC, 64 at once)", String.format("%.1f s (%.0f/s); server CPU %.2f ms "
            + "per enrollment (simulator: %.2f ms, key and CSR included)", r.enrollSeconds(),
            agents / r.enrollSeconds(), r.enrollCpuSeconds() * 1000 / agents, r.simEnrollCpuSeconds() * 1000 / agents),
            "—", "—")
        .metric("time to connect all (mTLS handshake, Session + Hello, Sync)",
            String.format("%.1f s (%.0f/s); server CPU %.2f ms per connect", r.connectSeconds(),
                agents / r.connectSeconds(), r.connectCpuSeconds() * 1000 / agents), "—", "—")
        .metric("server RSS per idle connection", String.format("%.1f KiB (RSS %.0f → %.0f MiB)",
            r.rssPerConnection() / 1024, r.rssBefore() / 1048576.0, r.rssAfter() / 1048576.0),
            "≤ 24 KiB" + Targets.mark(rss), "nginx: ~23 KiB per idle mTLS connection")
        .metric("server heap per idle connection (after full GC)", String.format("%.1f KiB (heap %.0f → %.0f MiB)",
            r.heapPerConnection() / 1024, r.heapBefore() / 1048576.0, r.heapAfter() / 1048576.0), "—", "—")
        .metric("heap per connection by class (largest growth, GC.class_histogram)", r.heapGrowth(), "—", "—")
        .metric("server while idle for " + r.idleSeconds() + " s (agents silent)", String.format("CPU %.2f s; %d wake-ups "
            + "(context switches) = %.2f per connection per minute; %d threads", r.idleCpuSeconds(), r.wakeups(),
            r.wakeupsPerConnectionPerMinute(), r.serverThreads()),
            "≤ 1 timer per connection per minute" + Targets.mark(timers),
            "the server's HTTP/2 keepalive is 2 min");
    if (!rss) {
      report.note(Targets.missed("RSS per idle connection (KiB)", r.rssPerConnection() / 1024, 24, true)
          + " The heap share is measured separately above; the rest is native: Netty's pooled direct buffers and "
          + "BoringSSL's per-connection state (SSL object, TLS 1.3 buffers).");
    }
    return report;
  }

  static Result run(int agents, int idleSeconds, List<String> serverJvmOptions) throws Exception {
    try (ServerUnderTest server = ServerUnderTest.create("connected", serverJvmOptions)) {
      server.start();
      Enrolled enrolled = enroll(server, agents, FleetScaleBenchmark.behaviour());
      try (Fleet fleet = enrolled.fleet()) {
        return measure(server, enrolled, idleSeconds);
      }
    }
  }

  /** An enrolled fleet, with what enrolling it cost. */
  record Enrolled(Fleet fleet, double seconds, double serverCpuSeconds, double simulatorCpuSeconds) {}

  static Enrolled enroll(ServerUnderTest server, int agents, Behaviour behaviour) throws Exception {
    ProcStats enrollBefore = server.process().stats();
    ProcStats benchBefore = ProcStats.of(ProcessHandle.current().pid());
    long enrollStart = System.nanoTime();
    Fleet fleet = server.fleet(agents, behaviour);
    return new Enrolled(fleet, (System.nanoTime() - enrollStart) / 1e9,
        server.process().stats().cpuSecondsSince(enrollBefore),
        ProcStats.of(ProcessHandle.current().pid()).cpuSecondsSince(benchBefore));
  }

  /** Longer than the server launcher's C-heap trim interval (bin/convoy-server: TrimNativeHeapInterval=10000). */
  private static final long SETTLE_MILLIS = 11_000;

  /** Connects the enrolled (not yet connected) fleet and measures it connected, then idle. */
  static Result measure(ServerUnderTest server, Enrolled enrolled, int idleSeconds) throws Exception {
    ServerProcess process = server.process();
    Fleet fleet = enrolled.fleet();
    int agents = fleet.agents().size();
    // Both RSS readings are of a settled server: the launcher returns free C-heap pages every 10 s
    // (TrimNativeHeapInterval), so a reading within 10 s of a burst (enrollment here, the connects below) still holds
    // what that burst freed.
    Thread.sleep(SETTLE_MILLIS);
    long heapBefore = process.jvm().heapUsedAfterGc();
    var histogramBefore = process.jvm().classHistogram();
    long rssBefore = process.stats().rssBytes();
    ProcStats connectBefore = process.stats();
    long start = System.nanoTime();
    fleet.connectAll(200);
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (fleet.stats().connectedSince(start) < agents && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    double connectSeconds = fleet.stats().connectedQuantile(start, 1.0);
    long connected = fleet.stats().connectedSince(start);
    double connectCpu = process.stats().cpuSecondsSince(connectBefore);
    Thread.sleep(3000);
    long heapAfter = process.jvm().heapUsedAfterGc();
    String heapGrowth = Jvm.grownMost(histogramBefore, process.jvm().classHistogram(), 8, agents);
    ProcStats idleBefore = process.stats();
    var switchesBefore = ProcStats.contextSwitches(process.pid());
    Thread.sleep(idleSeconds * 1000L);
    ProcStats idleAfter = process.stats();
    long wakeups = ProcStats.wakeupsBetween(switchesBefore, ProcStats.contextSwitches(process.pid()));
    Thread.sleep(Math.max(0, SETTLE_MILLIS - idleSeconds * 1000L));
    long rssAfter = process.stats().rssBytes(); // idle connections, settled: at the end of the idle period
    return new Result(agents, enrolled.seconds(), Double.isNaN(connectSeconds) ? Double.POSITIVE_INFINITY
        : connectSeconds, connected, rssBefore, rssAfter, heapBefore, heapAfter, idleSeconds,
        idleAfter.cpuSecondsSince(idleBefore), wakeups, idleAfter.threads(), connectCpu,
        enrolled.serverCpuSeconds(), enrolled.simulatorCpuSeconds(), heapGrowth);
  }
}
