package dev.convoy.bench.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One reading of a process's accounting from {@code /proc/<pid>}: CPU time (user + system, all threads), resident
 * set (now and peak), thread count, context switches. Benchmarks take two readings and subtract: the server's cost
 * is measured in the server's own process, never in the benchmark's JVM.
 *
 * @param cpuNanos user + system CPU time consumed so far
 * @param rssBytes resident set size now ({@code VmRSS})
 * @param peakRssBytes peak resident set size ({@code VmHWM})
 * @param threads number of threads
 */
public record ProcStats(long pid, long cpuNanos, long rssBytes, long peakRssBytes, int threads) {
  private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1) / clockTicksPerSecond();

  /** Reads {@code /proc/<pid>/stat} and {@code /proc/<pid>/status}. @throws UncheckedIOException if it is gone */
  public static ProcStats of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // the command name (field 2) may hold spaces: the fields after it start after its closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
      long rss = 0;
      long hwm = 0;
      int threads = 0;
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kib(line);
        } else if (line.startsWith("VmHWM:")) {
          hwm = kib(line);
        } else if (line.startsWith("Threads:")) {
          threads = Integer.parseInt(line.substring(8).trim());
        }
      }
      return new ProcStats(pid, ticks * TICK_NANOS, rss, hwm, threads);
    } catch (IOException e) {
      throw new UncheckedIOException("process " + pid + ": cannot read /proc (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Context switches (voluntary + involuntary) per thread id of the process so far: wake-ups. Subtract two readings
   * with {@link #wakeupsBetween}, which counts only threads alive at the second reading.
   */
  public static java.util.Map<String, Long> contextSwitches(long pid) {
    java.util.Map<String, Long> byThread = new java.util.HashMap<>();
    try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          long total = 0;
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
              total += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
          }
          byThread.put(task.getFileName().toString(), total);
        } catch (IOException gone) {
          // the thread ended while we listed
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byThread;
  }

  /** Wake-ups between two readings of {@link #contextSwitches}; a thread new since the first counts whole. */
  public static long wakeupsBetween(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
    long total = 0;
    for (var thread : after.entrySet()) {
      total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
    }
    return total;
  }

  /** CPU seconds consumed since {@code earlier}. */
  public double cpuSecondsSince(ProcStats earlier) {
    return (cpuNanos - earlier.cpuNanos) / 1e9;
  }

  public double rssMiB() {
    return rssBytes / 1048576.0;
  }

  public double peakRssMiB() {
    return peakRssBytes / 1048576.0;
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
  }

  private static long clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      getconf.waitFor(5, TimeUnit.SECONDS);
      return Long.parseLong(out);
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
