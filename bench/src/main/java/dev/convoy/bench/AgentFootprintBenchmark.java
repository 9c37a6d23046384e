package dev.convoy.bench;

import dev.convoy.bench.proc.ProcStats;
import dev.convoy.transport.Fingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 6, agent footprint: the real agent ({@code distribution/target/convoy/bin/convoy-agent}, built by
 * {@code bench/run-all}) enrolled with a server under test and run, idle for {@code --idle} seconds, then through
 * {@code --checkins} check-ins (full inventory reports asked for by the server, each with 300 packages from a
 * {@code dpkg-query} stand-in first on the agent's PATH, one package version changing each time). RSS (idle, peak),
 * idle CPU, CPU per check-in, threads, from {@code /proc/<agent pid>}. Run once with the JVM flags the agent ships
 * with ({@code bin/convoy-agent}) and once per {@code --flags "..."} variant (default: one leaner candidate).
 * Usage: {@code bench/run AgentFootprintBenchmark [--idle 60] [--checkins 5] [--flags "JVM OPTIONS"]}.
 */
public final class AgentFootprintBenchmark {
  static final int PACKAGES = 300;
  /** Leaner flags tried next to the shipped ones (variants are separated by " | " in --flags). */
  static final String CANDIDATE = "MALLOC_ARENA_MAX=2 -Xms4m -Xmx24m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 "
      + "-XX:MaxHeapFreeRatio=20 -XX:TieredStopAtLevel=1 -Xss256k -XX:ReservedCodeCacheSize=8m "
      + "-XX:CICompilerCount=1 -XX:-UsePerfData -XX:MaxDirectMemorySize=8m -Dio.netty.allocator.type=unpooled";

  record Result(String flags, double startSeconds, double idleRssMiB, double peakRssMiB, double idleCpuMillisPerMinute,
      double checkInCpuMillis, double checkInMaxCpuMillis, int threads, int checkIns, Rollup idleRollup) {}

  /**
   * The idle resident set split by {@code /proc/<pid>/smaps_rollup}: pages only this process maps (heap, metaspace,
   * malloc, code) and pages it shares with other processes (the JDK's libraries and CDS archive, mapped jars).
   */
  record Rollup(double privateMiB, double sharedMiB, double anonymousMiB) {
    static Rollup of(long pid) throws IOException {
      long priv = 0;
      long shared = 0;
      long anon = 0;
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 2 || !f[1].matches("[0-9]+")) {
          continue;
        }
        long kib = Long.parseLong(f[1]);
        switch (f[0]) {
          case "Private_Clean:", "Private_Dirty:" -> priv += kib;
          case "Shared_Clean:", "Shared_Dirty:" -> shared += kib;
          case "Anonymous:" -> anon += kib;
          default -> { }
        }
      }
      return new Rollup(priv / 1024.0, shared / 1024.0, anon / 1024.0);
    }
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int idle = args.integer("--idle", 60);
    int checkIns = args.integer("--checkins", 5);
    String flags = args.string("--flags", CANDIDATE);
    Path dist = Path.of(args.string("--dist", "distribution/target/convoy"));
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("shipped (bin/convoy-agent)", null);
    int v = 1;
    for (String candidate : flags.split(" \\| ")) {
      variants.put("candidate " + v++, candidate.strip());
    }
    List<Result> results = run(dist, variants, idle, checkIns);
    BenchmarkReport report = new BenchmarkReport("Scenario 6: agent footprint (real agent process)",
        "bench/run AgentFootprintBenchmark --idle " + idle + " --checkins " + checkIns
            + (args.string("--flags", null) == null ? "" : " --flags \"" + flags + "\""));
    int row = 0;
    for (Result r : results) {
      String label = row++ == 0 ? "shipped flags: " : "candidate " + (row - 1) + ": ";
      boolean rss = r.idleRssMiB() <= 64;
      boolean cpu = r.checkInCpuMillis() <= 50;
      report.metric(label + "JVM flags `" + r.flags() + "`", String.format("started (enrolled agent connected, first inventory "
          + "in) in %.1f s; %d threads", r.startSeconds(), r.threads()), "—", "—")
          .metric(label + "idle RSS / peak RSS", String.format("%.1f MiB / %.1f MiB", r.idleRssMiB(), r.peakRssMiB()),
              "idle ≤ 64 MiB" + Targets.mark(rss), "Puppet agent idles at 67 MiB")
          .metric(label + "idle RSS split (smaps_rollup)", String.format("private %.1f MiB (anonymous %.1f MiB), "
              + "shared %.1f MiB", r.idleRollup().privateMiB(), r.idleRollup().anonymousMiB(),
              r.idleRollup().sharedMiB()), "—", "—")
          .metric(label + "idle CPU", String.format("%.1f ms per minute", r.idleCpuMillisPerMinute()), "—", "—")
          .metric(label + "CPU per check-in (" + PACKAGES + " packages, full report)", String.format("mean %.0f ms, max %.0f "
              + "ms over %d", r.checkInCpuMillis(), r.checkInMaxCpuMillis(), r.checkIns()),
              "≤ 50 ms" + Targets.mark(cpu), "—");
      if (!rss || !cpu) {
        report.note("With " + r.flags() + ": " + Targets.missed("idle RSS (MiB)", r.idleRssMiB(), 64, true)
            + Targets.missed(" CPU per check-in (ms)", r.checkInCpuMillis(), 50, true));
      }
    }
    report.publish(Path.of("BENCHMARKS.md"));
  }

  static List<Result> run(Path dist, Map<String, String> variants, int idle, int checkIns) throws Exception {
    Path agentCommand = dist.resolve("bin/convoy-agent").toAbsolutePath();
    if (!Files.isExecutable(agentCommand)) {
      throw new IOException(agentCommand + ": missing (expected: ./mvnw -DskipTests package -pl distribution -am)");
    }
    List<Result> results = new ArrayList<>();
    try (ServerUnderTest server = ServerUnderTest.create("agent", List.of())) {
      server.start();
      Path fakeBin = fakeDpkgQuery(server.root().resolve("bin"));
      // The launcher's first `run` records the classes it loads and the next start archives them (class-data
      // sharing): one unmeasured run first, so that every variant measures an agent started before, as deployed.
      measure(server, agentCommand, fakeBin, server.root().resolve("agent-first-run"), "first run", null, 1, 0);
      int n = 0;
      for (Map.Entry<String, String> variant : variants.entrySet()) {
        Path data = server.root().resolve("agent-" + n++);
        results.add(measure(server, agentCommand, fakeBin, data, variant.getKey(), variant.getValue(), idle,
            checkIns));
      }
    }
    return results;
  }

  private static Result measure(ServerUnderTest server, Path agentCommand, Path fakeBin, Path data, String name,
      String flags, int idle, int checkIns) throws Exception {
    String token = server.admin().token("footprint", 1);
    run(agentCommand, fakeBin, flags, data.resolveSibling(data.getFileName() + "-enroll.log"), "enroll", "--server",
        server.address().toString(), "--token", token, "--ca-fingerprint", Fingerprint.of(server.ca()).toString(),
        "--data", data.toString()).waitFor(120, TimeUnit.SECONDS);
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(data.resolve("agent.properties"))) {
      properties.load(reader);
    }
    String endpointId = properties.getProperty("endpoint_id");
    long start = System.nanoTime();
    Process agent = run(agentCommand, fakeBin, flags, data.resolveSibling(data.getFileName() + ".log"), "run",
        "--data", data.toString());
    try {
      long deadline = start + TimeUnit.SECONDS.toNanos(120);
      while (server.admin().inventoryUpdatedAt(endpointId) == 0) {
        if (!agent.isAlive() || System.nanoTime() > deadline) {
          throw new IOException("the agent did not report its inventory; see " + data + ".log");
        }
        Thread.sleep(50);
      }
      double startSeconds = (System.nanoTime() - start) / 1e9;
      Thread.sleep(5000);
      ProcStats idleBefore = ProcStats.of(agent.pid());
      Thread.sleep(idle * 1000L);
      ProcStats idleAfter = ProcStats.of(agent.pid());
      Rollup idleRollup = Rollup.of(agent.pid());
      double[] cpu = new double[checkIns];
      for (int i = 0; i < checkIns; i++) {
        long updated = server.admin().inventoryUpdatedAt(endpointId);
        ProcStats before = ProcStats.of(agent.pid());
        server.admin().refreshInventory(List.of(endpointId));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.admin().inventoryUpdatedAt(endpointId) == updated && System.nanoTime() < until) {
          Thread.sleep(20);
        }
        Thread.sleep(200); // the agent records the acknowledgement after the server changed its view
        cpu[i] = ProcStats.of(agent.pid()).cpuSecondsSince(before) * 1000;
        Thread.sleep(1000);
      }
      ProcStats end = ProcStats.of(agent.pid());
      return new Result(flags == null ? "shipped: " + shippedFlags(agentCommand) : flags, startSeconds,
          idleAfter.rssMiB(), end.peakRssMiB(), idleAfter.cpuSecondsSince(idleBefore) * 1000 * 60 / idle,
          Arrays.stream(cpu).average().orElse(Double.NaN), Arrays.stream(cpu).max().orElse(Double.NaN),
          idleAfter.threads(), checkIns, idleRollup);
    } finally {
      agent.destroy();
      if (!agent.waitFor(20, TimeUnit.SECONDS)) {
        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** The agent's default JVM flags, as its launcher script sets them. */
  static String shippedFlags(Path agentCommand) throws IOException {
    for (String line : Files.readAllLines(agentCommand)) {
      int at = line.indexOf("CONVOY_AGENT_JAVA_OPTS:-");
      if (at >= 0) {
        return line.substring(at + "CONVOY_AGENT_JAVA_OPTS:-".length(), line.lastIndexOf('}'));
      }
    }
    return "(none)";
  }

  private static Process run(Path agentCommand, Path fakeBin, String flags, Path log, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(agentCommand.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
    if (flags != null) {
      // leading NAME=value words are environment variables for the launcher (e.g. MALLOC_ARENA_MAX=2)
      List<String> jvm = new ArrayList<>();
      for (String word : flags.trim().split("\\s+")) {
        if (jvm.isEmpty() && word.matches("[A-Z_][A-Z0-9_]*=.*")) {
          builder.environment().put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
        } else {
          jvm.add(word);
        }
      }
      builder.environment().put("CONVOY_AGENT_JAVA_OPTS", String.join(" ", jvm));
    } else {
      builder.environment().remove("CONVOY_AGENT_JAVA_OPTS");
    }
    return builder.start();
  }

  /**
   * A {@code dpkg-query} that lists {@value #PACKAGES} installed packages in the format the agent asks for; the
   * first package's version grows by one at each call, so that every check-in changes the inventory.
   */
  static Path fakeDpkgQuery(Path bin) throws IOException {
    Files.createDirectories(bin);
    Path script = bin.resolve("dpkg-query");
    Files.writeString(script, String.join("\n", "#!/bin/sh",
        "# stand-in for dpkg-query -W -f=...: " + PACKAGES + " installed packages, one changing at each call",
        "dir=$(dirname \"$0\")",
        "n=$(cat \"$dir/calls\" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > \"$dir/calls\"",
        "printf 'bench-base\\t1.0.%d-1\\tamd64\\tii \\n' \"$n\"",
        "i=1",
        "while [ $i -lt " + PACKAGES + " ]; do",
        "  printf 'pkg-%03d\\t2.%d.%d-1+deb12u1\\tamd64\\tii \\n' $i $((i % 7)) $((i % 3))",
        "  i=$((i + 1))",
        "done", ""), StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }
}
