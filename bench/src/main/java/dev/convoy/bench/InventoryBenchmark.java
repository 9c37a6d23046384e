package dev.convoy.bench;

import dev.convoy.server.StandaloneInventory;
import dev.convoy.server.inventory.InventoryReport;
import dev.convoy.server.inventory.QueryResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Issue 6's benchmark: N simulated endpoints' full inventories loaded into the inventory registry (real RocksDB,
 * the server's own validation, group commit, per-path index and query planner), then typical queries answered.
 * Reports the ingestion rate and the query latencies. Usage: {@code bench/inventory [--endpoints N] [--threads T]
 * [--dir DIR] [--no-append]}.
 */
public final class InventoryBenchmark {
  static final String TYPICAL =
      "os.family = \"debian\" and hardware.memory_gb < 8 and software.libreoffice.version < \"7.6\"";
  static final List<String> QUERIES = List.of(TYPICAL, "facts.site = \"site-3\"",
      "software.libreoffice.version exists and os.id = \"ubuntu\"", "hardware.cpu.threads >= 8 or os.id = \"rocky\"");
  private static final int QUERY_RUNS = 25;

  /** What one run measured. */
  record Result(int endpoints, int facts, double seconds, long databaseBytes, List<QueryTiming> queries) {
    double reportsPerSecond() {
      return endpoints / seconds;
    }
  }

  record QueryTiming(String query, int matches, String plan, double p50Millis, double maxMillis) {}

  public static void main(String[] args) throws Exception {
    int endpoints = intArg(args, "--endpoints", 10_000);
    int threads = intArg(args, "--threads", 8);
    Path dir = Files.createTempDirectory("convoy-inventory-bench");
    Result result = run(dir, endpoints, threads);
    deleteTree(dir);
    BenchmarkReport report = new BenchmarkReport("Inventory: " + endpoints + " endpoints loaded, then queried",
        "bench/inventory --endpoints " + endpoints + " --threads " + threads)
        .metric("ingestion (full reports, " + threads + " threads)", String.format("%.0f reports/s (%.0f facts/s)",
            result.reportsPerSecond(), result.reportsPerSecond() * result.facts() / endpoints), "—",
            "Fleet/osquery-style full inventories; issue 8 targets check-in deltas separately")
        .metric("load time", String.format("%.1f s", result.seconds()), "—", "—")
        .metric("facts per endpoint", String.valueOf(result.facts() / endpoints), "—", "—")
        .metric("RocksDB size after load", String.format("%.0f MiB", result.databaseBytes() / 1048576.0), "—", "—");
    for (QueryTiming q : result.queries()) {
      report.metric("query `" + q.query().replace("|", "\\|") + "`", String.format("p50 %.1f ms, max %.1f ms, %d matches",
          q.p50Millis(), q.maxMillis(), q.matches()), "—", "plan: " + q.plan());
    }
    if (Arrays.asList(args).contains("--no-append")) {
      System.out.print(report.markdown(MachineFacts.current(), java.time.Instant.now()));
    } else {
      report.publish(Path.of("BENCHMARKS.md"));
    }
  }

  static Result run(Path dir, int endpoints, int threads) throws Exception {
    AtomicInteger facts = new AtomicInteger();
    try (StandaloneInventory inventory = StandaloneInventory.open(dir.resolve("db"), Clock.systemUTC())) {
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int n = next.getAndIncrement(); n < endpoints; n = next.getAndIncrement()) {
            SortedMap<String, Object> f = SimulatedInventory.of(n);
            facts.addAndGet(f.size());
            inventory.service().report(InventoryReport.full(SimulatedInventory.endpointId(n), f,
                inventory.sha256(f), "bench"));
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      pool.shutdown();
      double seconds = (System.nanoTime() - start) / 1e9;
      List<QueryTiming> timings = new ArrayList<>();
      for (String query : QUERIES) {
        timings.add(time(inventory, query));
      }
      return new Result(endpoints, facts.get(), seconds, size(dir), timings);
    }
  }

  private static QueryTiming time(StandaloneInventory inventory, String query) {
    QueryResult result = inventory.service().query(query, List.of(), 10_000);
    double[] millis = new double[QUERY_RUNS];
    for (int i = 0; i < QUERY_RUNS; i++) {
      long start = System.nanoTime();
      inventory.service().query(query, List.of(), 10_000);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return new QueryTiming(query, result.total(), result.plan(), millis[QUERY_RUNS / 2], millis[QUERY_RUNS - 1]);
  }

  private static long size(Path dir) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
