package dev.convoy.bench;

import dev.convoy.bench.proc.JfrProfile;
import dev.convoy.bench.proc.ProcStats;
import dev.convoy.bench.proc.ThreadCpu;
import dev.convoy.bench.sim.Behaviour;
import dev.convoy.bench.sim.Fleet;
import dev.convoy.bench.sim.InventoryState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Scenario 2, check-ins: {@code --agents} simulated agents (each with a realistic ~770-fact inventory, sent in full
 * first) send inventory-delta reports (digest deltas of one changed fact, docs/inventory.md "Inventory digest") back
 * to back for {@code --seconds}, after a warm-up of a quarter as long.
 * Reports/s, server CPU per report (from the server process), latency percentiles. Usage:
 * {@code bench/run CheckInsBenchmark [--agents 200] [--seconds 60]}.
 */
public final class CheckInsBenchmark {
  record Result(long reports, double seconds, double p50Millis, double p99Millis, double cpuMicrosEach,
      long failures, JfrProfile profile, String threads, double simulatorCpuSeconds) {
    double perSecond() {
      return reports / seconds;
    }
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int agents = args.integer("--agents", 200);
    int seconds = args.integer("--seconds", 60);
    Result r = run(agents, seconds, true);
    boolean rate = r.perSecond() >= 10_000;
    boolean cpu = r.cpuMicrosEach() <= 100;
    boolean p99 = r.p99Millis() <= 20;
    BenchmarkReport report = new BenchmarkReport("Scenario 2: check-ins (inventory deltas)",
        "bench/run CheckInsBenchmark --agents " + agents + " --seconds " + seconds)
        .metric("delta reports acknowledged", r.reports() + " in " + String.format("%.1f s", r.seconds())
            + " from " + agents + " concurrent agents, " + r.failures() + " failed", "—", "—")
        .metric("reports/s", String.format("%.0f", r.perSecond()), "≥ 10,000" + Targets.mark(rate), "—")
        .metric("server CPU per report", String.format("%.0f µs", r.cpuMicrosEach()), "≤ 100 µs" + Targets.mark(cpu),
            "nginx with mTLS: 25 µs per small check-in; Puppet Server: 240 ms per catalog")
        .metric("latency p50 / p99", String.format("%.1f ms / %.1f ms", r.p50Millis(), r.p99Millis()),
            "p99 ≤ 20 ms" + Targets.mark(p99), "—")
        .metric("server CPU by thread", r.threads(), "—", "—")
        .metric("simulator CPU meanwhile (same machine)", String.format("%.1f s = %.2f cores", r.simulatorCpuSeconds(),
            r.simulatorCpuSeconds() / r.seconds()), "—", "the server and the 200 simulated agents share 2 cores");
    if (!rate || !cpu || !p99) {
      report.note(Targets.missed("reports/s", r.perSecond(), 10_000, false)
          + Targets.missed(" CPU per report (µs)", r.cpuMicrosEach(), 100, true)
          + Targets.missed(" p99 (ms)", r.p99Millis(), 20, true) + " " + r.profile().markdown());
    }
    report.publish(Path.of("BENCHMARKS.md"));
  }

  static Result run(int agents, int seconds, boolean profile) throws Exception {
    try (ServerUnderTest server = ServerUnderTest.create("checkins", List.of())) {
      server.start();
      try (Fleet fleet = server.fleet(agents, Behaviour.defaults())) {
        fleet.connectAll(200);
        List<InventoryState> inventories = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
          inventories.add(fleet.attachInventory(i, dev.convoy.bench.SimulatedInventory.of(i)));
        }
        CompletableFuture.allOf(inventories.stream().map(InventoryState::sendFull)
            .toArray(CompletableFuture[]::new)).join();
        checkIns(inventories, Math.max(5, seconds / 4));
        if (profile) {
          server.startProfile();
        }
        fleet.stats().inventoryReports.reset();
        ProcStats before = server.process().stats();
    ProcStats simulatorBefore = ProcStats.of(ProcessHandle.current().pid());
        ThreadCpu threadsBefore = ThreadCpu.of(server.process().pid());
        long failures = checkIns(inventories, seconds);
        ProcStats after = server.process().stats();
    double simulatorCpu = ProcStats.of(ProcessHandle.current().pid()).cpuSecondsSince(simulatorBefore);
        String threads = ThreadCpu.of(server.process().pid()).topSince(threadsBefore, 6);
        JfrProfile jfr = profile ? server.profile() : null;
        long reports = fleet.stats().inventoryReports.count();
        return new Result(reports, fleet.stats().inventoryReports.spanSeconds(),
            fleet.stats().inventoryReports.millis(0.5), fleet.stats().inventoryReports.millis(0.99),
            after.cpuSecondsSince(before) * 1e6 / Math.max(1, reports), failures, jfr, threads, simulatorCpu);
      }
    }
  }

  /** Every agent checks in back to back until {@code seconds} have passed; answers the number of failed loops. */
  private static long checkIns(List<InventoryState> inventories, int seconds) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<CompletableFuture<Void>> loops = inventories.stream().map(inv -> loop(inv, deadline)).toList();
    long failed = 0;
    for (CompletableFuture<Void> loop : loops) {
      try {
        loop.join();
      } catch (RuntimeException e) {
        failed++;
      }
    }
    return failed;
  }

  private static CompletableFuture<Void> loop(InventoryState inventory, long deadline) {
    return inventory.checkIn().thenCompose(v -> System.nanoTime() < deadline
        ? loop(inventory, deadline) : CompletableFuture.completedFuture(null));
  }
}
