package dev.convoy.bench;

import dev.convoy.bench.sim.Behaviour;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Scenarios 1, 3 and 4 on one enrolled fleet, in that order: connect and idle, reconnect storm, campaign fan-out.
 * Enrolling 10,000 agents through the real Enroll RPC costs minutes of server CPU on this machine, so
 * {@code bench/run-all} enrolls once; each scenario still has its own command for a standalone run. Each appends its
 * own section. Usage: {@code bench/run FleetScaleBenchmark [--agents 10000] [--idle 60]}.
 */
public final class FleetScaleBenchmark {
  private FleetScaleBenchmark() {}

  /**
   * The fleet's behaviour in scenarios 1, 3 and 4: the real agent's reconnect backoff; installs that succeed 98 %
   * of the time at once; pings and HTTP/2 keepalives every 30 min instead of 60 s, so that the idle measurement of
   * scenario 1 counts only the server's own timers.
   */
  static Behaviour behaviour() {
    return Behaviour.defaults().withSuccessRate(0.98).withPingInterval(Duration.ofMinutes(30));
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int agents = args.integer("--agents", 10_000);
    int idle = args.integer("--idle", 60);
    String command = "bench/run FleetScaleBenchmark --agents " + agents + " --idle " + idle;
    Path out = Path.of("BENCHMARKS.md");
    try (ServerUnderTest server = ServerUnderTest.create("fleet", List.of())) {
      server.start();
      ConnectedAgentsBenchmark.Enrolled enrolled = ConnectedAgentsBenchmark.enroll(server, agents, behaviour());
      try (var fleet = enrolled.fleet()) {
        ConnectedAgentsBenchmark.report(ConnectedAgentsBenchmark.measure(server, enrolled, idle), command)
            .publish(out);
        ReconnectStormBenchmark.report(ReconnectStormBenchmark.measure(server, fleet), command).publish(out);
        CampaignFanOutBenchmark.report(CampaignFanOutBenchmark.measure(server, fleet), command).publish(out);
      }
    }
  }
}
