package dev.convoy.bench;

import dev.convoy.bench.proc.Nginx;
import dev.convoy.bench.proc.ProcStats;
import dev.convoy.bench.sim.AgentDownloads;
import dev.convoy.bench.sim.Behaviour;
import dev.convoy.bench.sim.Fleet;
import dev.convoy.protocol.v1.Release;
import dev.convoy.server.DataDirectory;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 5, download: a {@code --mib} MiB release (1 GiB by default) fetched by one simulated agent through the
 * Download RPC, then by 4 at once; in the same run, Debian's nginx serves the same file (the server's content store
 * copy) over TLS 1.3 with client certificates from the same CA to curl, once then 4 at once. Throughput (MB/s,
 * 10^6 bytes) and server CPU seconds per GiB for both, and Convoy's ratio to nginx.
 *
 * <p>Two kinds of Convoy client run, each once alone and once 4 at once, in the same run as nginx. Like for like with
 * curl (which writes to /dev/null and hashes nothing), the simulator only counts the bytes: that pair is the
 * scenario's figure, server against server. Then the real agent's download code ({@link AgentDownloads}: every
 * chunk's SHA-256 and the whole payload's checked, the file written, forced and renamed), end to end as a
 * workstation takes a release, reported beside it with its client CPU. Both servers are long-running processes and
 * are measured warm: before the timed rounds the same paths are exercised, unmeasured, for both alike
 * ({@code --warm-mib}, 256 MiB by default, fetched by 1 client and by 4 of each kind), and the timed rounds wait
 * until the server's JIT compiler threads have gone idle. Usage:
 * {@code bench/run DownloadBenchmark [--mib 1024] [--warm-mib 256]} (needs nginx: bench/ensure-nginx).
 */
public final class DownloadBenchmark {
  /** One side's figures for one round: bytes moved, wall seconds, server CPU seconds. */
  record Round(long bytes, double seconds, double cpuSeconds) {
    double megabytesPerSecond() {
      return bytes / seconds / 1e6;
    }

    double cpuSecondsPerGib() {
      return cpuSeconds / (bytes / (double) (1L << 30));
    }
  }

  /** A pair of Convoy rounds (1 client, then 4 at once) by one kind of client, and that client's CPU. */
  record Pair(Round one, Round four, double clientCpuSecondsPerGib, String clientThreads) {}

  record Result(long length, Pair counting, Pair agent, Round nginxOne, Round nginxFour,
      dev.convoy.bench.proc.JfrProfile profile, String threads) {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int mib = args.integer("--mib", 1024);
    int warmMib = args.integer("--warm-mib", 256);
    Result r = run(mib, warmMib);
    double hashSecondsPerGib = AgentDownloads.hashCost(1L << 30, 1 << 20).toNanos() / 1e9;
    BenchmarkReport report = new BenchmarkReport("Scenario 5: download, side by side with nginx",
        "bench/run DownloadBenchmark --mib " + mib + " --warm-mib " + warmMib);
    String like = " (clients discard the bytes: simulator counting / curl to /dev/null)";
    row(report, "1 agent" + like, r.counting().one(), r.nginxOne(), true);
    row(report, "4 agents at once" + like, r.counting().four(), r.nginxFour(), true);
    row(report, "1 agent, real agent download code (hash, write, fsync) / curl to /dev/null", r.agent().one(),
        r.nginxOne(), false);
    row(report, "4 agents at once, real agent download code / curl to /dev/null", r.agent().four(), r.nginxFour(),
        false);
    report.metric("Convoy server CPU by thread (all timed rounds)", r.threads(), "—", "—");
    report.metric("Convoy client CPU (in the benchmark JVM)", String.format("simulator counting: %.2f s/GiB; real "
        + "agent code: %.2f s/GiB, of which SHA-256 of each chunk and of the whole: %.2f s/GiB on one core; by thread: "
        + "%s", r.counting().clientCpuSecondsPerGib(), r.agent().clientCpuSecondsPerGib(), hashSecondsPerGib,
        r.agent().clientThreads()), "—", "—");
    double worst = Math.min(ratio(r.counting().one(), r.nginxOne()), ratio(r.counting().four(), r.nginxFour()));
    // the profile is reported whether or not the target is met: it says what limits the download either way
    report.note((worst < 0.8 ? Targets.missed("throughput ratio to nginx", worst, 0.8, false) + " " : "")
        + "Profile of the Convoy warm-up and rounds: " + r.profile().markdown());
    report.publish(Path.of("BENCHMARKS.md"));
  }

  private static double ratio(Round convoy, Round nginx) {
    return convoy.megabytesPerSecond() / nginx.megabytesPerSecond();
  }

  private static void row(BenchmarkReport report, String name, Round convoy, Round nginx, boolean target) {
    double ratio = ratio(convoy, nginx);
    report.metric(name + ": Convoy (Download RPC) / nginx (curl)", String.format("%.0f MB/s / %.0f MB/s = %.2f × "
        + "nginx; server CPU %.2f s/GiB / %.2f s/GiB", convoy.megabytesPerSecond(), nginx.megabytesPerSecond(), ratio,
        convoy.cpuSecondsPerGib(), nginx.cpuSecondsPerGib()),
        target ? "≥ 0.8 × nginx" + Targets.mark(ratio >= 0.8) : "— (end to end: curl verifies and stores nothing)",
        "nginx with mTLS on this machine: 0.7–0.87 GB/s for 1 GiB");
  }

  static Result run(int mib, int warmMib) throws Exception {
    Nginx.binary();
    try (ServerUnderTest server = ServerUnderTest.create("download", List.of());
         AgentDownloads agentDownloads = new AgentDownloads(server.root().resolve("agent-downloads"))) {
      server.start();
      Release release = server.admin().publish("big", "1.0.0", server.payload("big.bin", (long) mib << 20));
      Release warmRelease = server.admin().publish("warm", "1.0.0", server.payload("warm.bin", (long) warmMib << 20));
      long length = release.getLength(); // the signed release file: the payload and a few KiB of manifest
      java.nio.file.Files.delete(server.root().resolve("big.bin"));
      java.nio.file.Files.delete(server.root().resolve("warm.bin"));
      Behaviour fetch = Behaviour.defaults();
      // one event loop thread per agent (TLS is decrypted there), as in separate agent processes and curls
      try (Fleet warmCountOne = server.fleet("warm-count-one", 1, fetch, 1);
           Fleet warmCountFour = server.fleet("warm-count-four", 4, fetch, 4);
           Fleet warmAgentOne = server.fleet("warm-agent-one", 1, fetch, 1);
           Fleet warmAgentFour = server.fleet("warm-agent-four", 4, fetch, 4);
           Fleet countOne = server.fleet("count-one", 1, fetch, 1);
           Fleet countFour = server.fleet("count-four", 4, fetch, 4);
           Fleet agentOne = server.fleet("agent-one", 1, fetch, 1);
           Fleet agentFour = server.fleet("agent-four", 4, fetch, 4);
           Nginx nginx = Nginx.start(server.root().resolve("nginx"), new DataDirectory(server.dataDirectory())
               .content(), freePort(), Nginx.caOf(new DataDirectory(server.dataDirectory()).pki()))) {
        for (Fleet fleet : List.of(warmAgentOne, warmAgentFour, agentOne, agentFour)) {
          fleet.downloadLikeTheAgent(agentDownloads);
        }
        for (Fleet fleet : List.of(warmCountOne, warmCountFour, warmAgentOne, warmAgentFour, countOne, countFour,
            agentOne, agentFour)) {
          fleet.connectAll(fleet.agents().size());
        }
        // warm-up, unmeasured and alike for both: the same paths with 1 and with 4 clients. The JFR recording starts
        // before it and runs on to the end (its profile covers the warm-up too): starting or stopping one re-instruments
        // the JDK's file and socket classes, and the server would recompile its I/O paths inside the timed rounds
        server.startProfile();
        convoy(server, warmCountOne, "warm-count-one", "warm", warmRelease.getLength());
        convoy(server, warmCountFour, "warm-count-four", "warm", warmRelease.getLength());
        convoy(server, warmAgentOne, "warm-agent-one", "warm", warmRelease.getLength());
        convoy(server, warmAgentFour, "warm-agent-four", "warm", warmRelease.getLength());
        nginx(nginx, pathOf(warmRelease), 1, warmRelease.getLength());
        nginx(nginx, pathOf(warmRelease), 4, warmRelease.getLength());
        awaitCompilerQuiet(server.process().pid());
        var threadsBefore = dev.convoy.bench.proc.ThreadCpu.of(server.process().pid());
        Pair counting = pair(server, countOne, "count-one", countFour, "count-four", length);
        Round nginxOne = nginx(nginx, pathOf(release), 1, length);
        Round nginxFour = nginx(nginx, pathOf(release), 4, length);
        Pair agent = pair(server, agentOne, "agent-one", agentFour, "agent-four", length);
        String threads = dev.convoy.bench.proc.ThreadCpu.of(server.process().pid()).topSince(threadsBefore, 6);
        return new Result(length, counting, agent, nginxOne, nginxFour, server.profile(), threads);
      }
    }
  }

  /** One client alone, then 4 at once, by one kind of client; with the benchmark JVM's (the clients') CPU. */
  private static Pair pair(ServerUnderTest server, Fleet one, String oneGroup, Fleet four, String fourGroup,
      long length) throws Exception {
    var clientThreadsBefore = dev.convoy.bench.proc.ThreadCpu.of(ProcessHandle.current().pid());
    long clientCpu = ProcStats.of(ProcessHandle.current().pid()).cpuNanos();
    Round alone = convoy(server, one, oneGroup, "big", length);
    Round together = convoy(server, four, fourGroup, "big", length);
    long clientNanos = ProcStats.of(ProcessHandle.current().pid()).cpuNanos() - clientCpu;
    String clientThreads = dev.convoy.bench.proc.ThreadCpu.of(ProcessHandle.current().pid())
        .topSince(clientThreadsBefore, 5);
    return new Pair(alone, together, clientNanos / 1e9 / (5.0 * length / (1L << 30)), clientThreads);
  }

  /**
   * Waits (at most a minute) until the server's JIT compiler threads have been idle for a second: on a loaded
   * machine they are still compiling the warm-up's code long after it ended, which a long-running server would not.
   */
  private static void awaitCompilerQuiet(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    long before = compilerNanos(pid);
    while (System.nanoTime() < deadline) {
      Thread.sleep(1000);
      long now = compilerNanos(pid);
      if (now - before <= 20_000_000L) {
        return;
      }
      before = now;
    }
  }

  private static long compilerNanos(long pid) {
    return dev.convoy.bench.proc.ThreadCpu.of(pid).nanosByGroup().entrySet().stream()
        .filter(e -> e.getKey().contains("CompilerThre")).mapToLong(java.util.Map.Entry::getValue).sum();
  }

  /** The release file's path under the content store, which nginx serves as its root. */
  private static String pathOf(Release release) {
    return "sha256/" + release.getSha256().substring(0, 2) + "/" + release.getSha256();
  }

  private static Round convoy(ServerUnderTest server, Fleet fleet, String group, String release, long length)
      throws Exception {
    int agents = fleet.agents().size();
    long cpu = server.process().stats().cpuNanos();
    server.admin().startCampaign(release, "1.0.0", group);
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (fleet.stats().downloads.count() < agents && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    double cpuSeconds = (server.process().stats().cpuNanos() - cpu) / 1e9;
    if (fleet.stats().downloads.count() < agents) {
      throw new IOException("Convoy downloads did not finish within 10 minutes");
    }
    return new Round(length * agents, fleet.stats().downloads.spanSeconds(), cpuSeconds);
  }

  private static Round nginx(Nginx nginx, String path, int clients, long length)
      throws IOException, InterruptedException {
    long cpu = nginx.cpuNanos();
    long start = System.nanoTime();
    List<Process> curls = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      curls.add(nginx.curl(path).start());
    }
    for (Process curl : curls) {
      String out = new String(curl.getInputStream().readAllBytes());
      if (curl.waitFor() != 0) {
        throw new IOException("curl failed: " + out);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Round(length * clients, seconds, (nginx.cpuNanos() - cpu) / 1e9);
  }

  private static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return free.getLocalPort();
    }
  }
}
