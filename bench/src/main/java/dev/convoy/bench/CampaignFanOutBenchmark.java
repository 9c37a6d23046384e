package dev.convoy.bench;

import dev.convoy.bench.proc.JfrProfile;
import dev.convoy.bench.proc.ProcStats;
import dev.convoy.bench.proc.ThreadCpu;
import dev.convoy.bench.sim.Fleet;
import dev.convoy.bench.sim.FleetStats;
import dev.convoy.protocol.v1.CampaignStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * Scenario 4, campaign fan-out: a campaign (PUSH, big bang, notice without lead time) to {@code --agents} connected
 * simulated agents, created and started through the admin API. The agents walk the whole chain (OFFERED, NOTIFIED,
 * DOWNLOADING with a real 64 KiB download, DOWNLOADED, INSTALLING as the install permit, VERIFYING, SUCCEEDED or, for
 * 2 %, FAILED). Time from StartCampaign until 50/99/100 % had their NOTIFIED report applied, and until every final
 * report was acknowledged (acknowledged = durable). Usage: {@code bench/run CampaignFanOutBenchmark [--agents 10000]}
 * (bench/run-all runs it inside FleetScaleBenchmark).
 */
public final class CampaignFanOutBenchmark {
  record Result(int agents, double p50, double p99, double all, double durable, long finished, long succeeded,
      long failed, long callFailures, double cpuSeconds, int serverTotal, int serverFinished, String threads,
      JfrProfile profile, double simulatorCpuSeconds, double startCallSeconds, double jitSeconds) {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int agents = args.integer("--agents", 10_000);
    try (ServerUnderTest server = ServerUnderTest.create("fanout", List.of())) {
      server.start();
      try (Fleet fleet = server.fleet(agents, FleetScaleBenchmark.behaviour())) {
        fleet.connectAll(200);
        Result r = measure(server, fleet);
        report(r, "bench/run CampaignFanOutBenchmark --agents " + agents).publish(Path.of("BENCHMARKS.md"));
      }
    }
  }

  static BenchmarkReport report(Result r, String command) {
    boolean notified = r.p99() <= 2;
    boolean durable = r.durable() <= 30;
    BenchmarkReport report = new BenchmarkReport("Scenario 4: campaign fan-out", command)
        .metric("deployments finished", String.format("%d of %d (%d succeeded, %d failed as simulated); server "
            + "counts %d final of %d; %d calls failed", r.finished(), r.agents(), r.succeeded(), r.failed(),
            r.serverFinished(), r.serverTotal(), r.callFailures()), "all", "—")
        .metric("notified (NOTIFIED applied) 50 % / 99 % / 100 %", String.format("%.2f s / %.2f s / %.2f s",
            r.p50(), r.p99(), r.all()), "p99 ≤ 2 s" + Targets.mark(notified), "—")
        .metric("CreateCampaign + StartCampaign answered (all deployments durable, endpoints hinted)",
            String.format("%.2f s", r.startCallSeconds()), "—", "—")
        .metric("all transitions durable (last final report acknowledged)", String.format("%.1f s", r.durable()),
            "≤ 30 s" + Targets.mark(durable), "—")
        .metric("server CPU for the campaign", String.format("%.1f s (%.2f ms per endpoint, 7 reports + Sync + "
            + "download each; of which JIT compiler threads %.1f s)", r.cpuSeconds(), r.cpuSeconds() * 1000 / r.agents(),
            r.jitSeconds()), "—", "—")
        .metric("server CPU by thread", r.threads(), "—", "—")
        .metric("simulator CPU meanwhile (same machine)", String.format("%.1f s = %.2f cores over the %.0f s",
            r.simulatorCpuSeconds(), r.simulatorCpuSeconds() / r.durable(), r.durable()), "—",
            "the server and the 10,000 simulated agents share 2 cores");
    if (!notified || !durable) {
      report.note(Targets.missed("p99 notified (s)", r.p99(), 2, true)
          + Targets.missed(" all durable (s)", r.durable(), 30, true) + " " + r.profile().markdown());
    }
    return report;
  }

  /** Starts a campaign to every agent of the connected fleet and waits (at most 5 minutes) until all finished. */
  static Result measure(ServerUnderTest server, Fleet fleet) throws Exception {
    int agents = fleet.agents().size();
    server.admin().publish("fanout", "1.0.0", server.payload("fanout-payload", 64 * 1024));
    FleetStats stats = fleet.stats();
    stats.clearTimes();
    long succeededBefore = stats.succeeded.get();
    long failedBefore = stats.failed.get();
    long callFailuresBefore = stats.callFailures.get();
    server.startProfile();
    ProcStats before = server.process().stats();
    ProcStats simulatorBefore = ProcStats.of(ProcessHandle.current().pid());
    ThreadCpu threadsBefore = ThreadCpu.of(server.process().pid());
    long start = System.nanoTime();
    String campaignId = server.admin().startCampaign("fanout", "1.0.0", "bench").getCampaignId();
    double startCall = (System.nanoTime() - start) / 1e9;
    long deadline = start + 300_000_000_000L;
    while (stats.finishedSince(start) + stats.callFailures.get() - callFailuresBefore < agents
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    ProcStats after = server.process().stats();
    double simulatorCpu = ProcStats.of(ProcessHandle.current().pid()).cpuSecondsSince(simulatorBefore);
    ThreadCpu threadsAfter = ThreadCpu.of(server.process().pid());
    String threads = threadsAfter.topSince(threadsBefore, 6);
    JfrProfile profile = server.profile();
    CampaignStatus status = server.admin().status(campaignId);
    return new Result(agents, nan(stats.notifiedQuantile(start, 0.5)), nan(stats.notifiedQuantile(start, 0.99)),
        nan(stats.notifiedQuantile(start, 1.0)), nan(stats.finishedQuantile(start, 1.0)), stats.finishedSince(start),
        stats.succeeded.get() - succeededBefore, stats.failed.get() - failedBefore,
        stats.callFailures.get() - callFailuresBefore, after.cpuSecondsSince(before), status.getTotal(),
        status.getSucceeded() + status.getFailed(), threads, profile, simulatorCpu, startCall,
        DurableTransitionsBenchmark.jitSeconds(threadsBefore, threadsAfter));
  }

  private static double nan(double seconds) {
    return Double.isNaN(seconds) ? Double.POSITIVE_INFINITY : seconds;
  }
}
