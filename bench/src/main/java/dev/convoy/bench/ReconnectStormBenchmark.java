package dev.convoy.bench;

import dev.convoy.bench.proc.JfrProfile;
import dev.convoy.bench.proc.ProcStats;
import dev.convoy.bench.proc.ThreadCpu;
import dev.convoy.bench.sim.Fleet;
import java.nio.file.Path;
import java.util.List;

/**
 * Scenario 3, reconnect storm: with {@code --agents} simulated agents connected, the server is stopped by PID
 * (SIGTERM: it ends every session) and started again on the same data directory and port. The agents reconnect as
 * the real agent does (full-jitter backoff from 1 s, doubling; capped at 10 s for the first 24 retries after a
 * session that was up 30 s or more). Time until every agent has its session back (Hello
 * and Sync answered), and the restarted server's CPU per reconnect (each a full TLS 1.3 mTLS handshake: the new
 * process has no session cache), split by thread group. Usage:
 * {@code bench/run ReconnectStormBenchmark [--agents 10000]} (bench/run-all runs it inside FleetScaleBenchmark).
 */
public final class ReconnectStormBenchmark {
  record Result(int agents, long back, double stopSeconds, double downSeconds, double allBackSeconds, double allBackAfterServing,
      double cpuSeconds, long retries, long givenUp, String threads, JfrProfile profile, double halfBack,
      double ninetyBack) {
    double cpuMillisPerReconnect() {
      return cpuSeconds * 1000 / agents;
    }
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int agents = args.integer("--agents", 10_000);
    String jvm = args.string("--server-jvm", "");
    try (ServerUnderTest server = ServerUnderTest.create("storm", ServerUnderTest.jvmOptions(jvm))) {
      server.start();
      try (Fleet fleet = server.fleet(agents, FleetScaleBenchmark.behaviour())) {
        long start = System.nanoTime();
        fleet.connectAll(200);
        long deadline = start + 180_000_000_000L;
        while (fleet.stats().connectedSince(start) < agents && System.nanoTime() < deadline) {
          Thread.sleep(10); // those the server refused at first (handshakes at its limit) come back with backoff
        }
        // A restart meets sessions that have been up for a while (the agent treats those as healthy, see SimAgent).
        Thread.sleep(35_000);
        Result r = measure(server, fleet);
        report(r, "bench/run ReconnectStormBenchmark --agents " + agents
            + (jvm.isBlank() ? "" : " --server-jvm '" + jvm + "'")).publish(Path.of("BENCHMARKS.md"));
      }
    }
  }

  static BenchmarkReport report(Result r, String command) {
    boolean time = r.allBackSeconds() <= 15 && r.back() == r.agents();
    boolean cpu = r.cpuMillisPerReconnect() <= 1;
    BenchmarkReport report = new BenchmarkReport("Scenario 3: reconnect storm (server restart)", command)
        .metric("agents back", r.back() + " of " + r.agents() + "; " + r.givenUp() + " gave up; " + r.retries()
            + " connect attempts refused while the server was down or busy (retried with backoff)",
            "all, zero failures" + Targets.mark(r.back() == r.agents() && r.givenUp() == 0), "—")
        .metric("time until all back (from SIGTERM)", String.format("%.1f s (server down %.1f s: %.1f s to stop, "
            + "the rest JVM start and RocksDB open; then %.1f s until all back; 50 %% back at %.1f s, 90 %% at %.1f s)",
            r.allBackSeconds(), r.downSeconds(), r.stopSeconds(), r.allBackAfterServing(), r.halfBack(),
            r.ninetyBack()), "≤ 15 s" + Targets.mark(time), "—")
        .metric("server CPU per reconnect (full mTLS handshake + Session/Hello + Sync)",
            String.format("%.2f ms (%.1f s for %d)", r.cpuMillisPerReconnect(), r.cpuSeconds(), r.agents()),
            "≤ 1 ms per full handshake" + Targets.mark(cpu), "Puppet Server: 15 ms per full handshake (RSA-4096)")
        .metric("server CPU by thread during the storm", r.threads(), "—", "event loops do TLS and HTTP/2; the "
            + "gRPC executor runs the calls");
    if (!time || !cpu) {
      report.note(Targets.missed("time until all back (s)", r.allBackSeconds(), 15, true)
          + Targets.missed(" CPU per reconnect (ms)", r.cpuMillisPerReconnect(), 1, true) + " "
          + (r.profile() == null ? "" : r.profile().markdown()));
    }
    return report;
  }

  /** Restarts the server under the connected fleet and waits until every agent is back (at most 3 minutes). */
  static Result measure(ServerUnderTest server, Fleet fleet) throws Exception {
    int agents = fleet.agents().size();
    long retriesBefore = fleet.stats().connectFailures.get();
    long stopped = System.nanoTime();
    double stopSeconds = server.restart().toNanos() / 1e9;
    long serving = System.nanoTime();
    ProcStats before = server.process().stats();
    ThreadCpu threadsBefore = ThreadCpu.of(server.process().pid());
    server.startProfile();
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (fleet.stats().connectedSince(stopped) < agents && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    ProcStats after = server.process().stats();
    String threads = ThreadCpu.of(server.process().pid()).topSince(threadsBefore, 6);
    JfrProfile profile = server.profile();
    long back = fleet.stats().connectedSince(stopped);
    double allBack = fleet.stats().connectedQuantile(stopped, 1.0);
    double down = (serving - stopped) / 1e9;
    return new Result(agents, back, stopSeconds, down, Double.isNaN(allBack) ? Double.POSITIVE_INFINITY : allBack,
        Double.isNaN(allBack) ? Double.POSITIVE_INFINITY : allBack - down, after.cpuSecondsSince(before),
        fleet.stats().connectFailures.get() - retriesBefore, agents - back, threads, profile,
        fleet.stats().connectedQuantile(stopped, 0.5), fleet.stats().connectedQuantile(stopped, 0.9));
  }
}
