package dev.convoy.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time per thread group of a process, from {@code /proc/<pid>/task/<tid>/stat}: threads are grouped by name
 * with digits removed ({@code C2 CompilerThread0} and {@code 1} fall together), so that a difference of two
 * readings says which kind of thread spent the CPU: JIT compilers, GC, event loops, gRPC executors, storage.
 * Threads that ended between readings are not counted. Stateless.
 */
public record ThreadCpu(Map<String, Long> nanosByGroup) {
  private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

  public static ThreadCpu of(long pid) {
    Map<String, Long> groups = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          groups.merge(name, ticks * TICK_NANOS, Long::sum);
        } catch (IOException gone) {
          // the thread ended while we listed: its time is lost to both readings
        }
      }
    } catch (IOException e) {
      return new ThreadCpu(Map.of());
    }
    return new ThreadCpu(groups);
  }

  /** The {@code top} groups by CPU spent since {@code earlier}, as "name s" text, largest first. */
  public String topSince(ThreadCpu earlier, int top) {
    List<Map.Entry<String, Long>> spent = nanosByGroup.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.nanosByGroup.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .toList();
    return String.join(", ", spent.stream()
        .map(e -> String.format("`%s` %.1f s", e.getKey(), e.getValue() / 1e9)).toList());
  }
}
