package dev.convoy.bench;

import dev.convoy.bench.proc.Nginx;
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
 * 10^6 bytes) and server CPU seconds per GiB for both, and Convoy's ratio to nginx. Neither client verifies the
 * SHA-256 (the agent does, at its own cost, not the server's). A 64 MiB download first warms the server's JIT up,
 * unmeasured. Usage:
 * {@code bench/run DownloadBenchmark [--mib 1024]} (needs nginx: bench/ensure-nginx).
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

  record Result(long length, Round convoyOne, Round nginxOne, Round convoyFour, Round nginxFour,
      dev.convoy.bench.proc.JfrProfile profile, String threads) {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int mib = args.integer("--mib", 1024);
    Result r = run(mib);
    BenchmarkReport report = new BenchmarkReport("Scenario 5: download, side by side with nginx",
        "bench/run DownloadBenchmark --mib " + mib);
    row(report, "1 agent", r.convoyOne(), r.nginxOne());
    row(report, "4 agents at once", r.convoyFour(), r.nginxFour());
    report.metric("Convoy server CPU by thread (both rounds)", r.threads(), "—", "—");
    double worst = Math.min(ratio(r.convoyOne(), r.nginxOne()), ratio(r.convoyFour(), r.nginxFour()));
    if (worst < 0.8) {
      report.note(Targets.missed("throughput ratio to nginx", worst, 0.8, false) + " Profile of the Convoy rounds: "
          + r.profile().markdown());
    }
    report.publish(Path.of("BENCHMARKS.md"));
  }

  private static double ratio(Round convoy, Round nginx) {
    return convoy.megabytesPerSecond() / nginx.megabytesPerSecond();
  }

  private static void row(BenchmarkReport report, String name, Round convoy, Round nginx) {
    double ratio = ratio(convoy, nginx);
    report.metric(name + ": Convoy (Download RPC) / nginx (curl)", String.format("%.0f MB/s / %.0f MB/s = %.2f × "
        + "nginx; server CPU %.2f s/GiB / %.2f s/GiB", convoy.megabytesPerSecond(), nginx.megabytesPerSecond(), ratio,
        convoy.cpuSecondsPerGib(), nginx.cpuSecondsPerGib()), "≥ 0.8 × nginx" + Targets.mark(ratio >= 0.8),
        "nginx with mTLS on this machine: 0.7–0.87 GB/s for 1 GiB");
  }

  static Result run(int mib) throws Exception {
    Nginx.binary();
    try (ServerUnderTest server = ServerUnderTest.create("download", List.of())) {
      server.start();
      Release release = server.admin().publish("big", "1.0.0", server.payload("big.bin", (long) mib << 20));
      long length = release.getLength(); // the signed release file: the payload and a few KiB of manifest
      java.nio.file.Files.delete(server.root().resolve("big.bin"));
      String path = "sha256/" + release.getSha256().substring(0, 2) + "/" + release.getSha256();
      Behaviour fetch = Behaviour.defaults();
      server.admin().publish("warm", "1.0.0", server.payload("warm.bin", 64L << 20));
      try (Fleet warm = server.fleet("warm", 1, fetch); Fleet one = server.fleet("one", 1, fetch);
           Fleet four = server.fleet("four", 4, fetch);
           Nginx nginx = Nginx.start(server.root().resolve("nginx"), new DataDirectory(server.dataDirectory())
               .content(), freePort(), Nginx.caOf(new DataDirectory(server.dataDirectory()).pki()))) {
        warm.connectAll(1);
        one.connectAll(1);
        four.connectAll(4);
        // warm-up, unmeasured: 64 MiB through the download path, so that the JIT has compiled it
        convoy(server, warm, "warm", "warm", 64L << 20);
        server.startProfile();
        var threadsBefore = dev.convoy.bench.proc.ThreadCpu.of(server.process().pid());
        Round convoyOne = convoy(server, one, "one", "big", length);
        Round nginxOne = nginx(nginx, path, 1, length);
        Round convoyFour = convoy(server, four, "four", "big", length);
        Round nginxFour = nginx(nginx, path, 4, length);
        String threads = dev.convoy.bench.proc.ThreadCpu.of(server.process().pid()).topSince(threadsBefore, 6);
        return new Result(length, convoyOne, nginxOne, convoyFour, nginxFour, server.profile(), threads);
      }
    }
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
