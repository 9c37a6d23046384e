package dev.convoy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What a benchmark result must be read with: the machine, the JVM, the commit. */
record MachineFacts(String cpu, int cores, long memoryBytes, String os, String java, String commit) {

  static MachineFacts current() {
    return new MachineFacts(cpuModel(), Runtime.getRuntime().availableProcessors(), memTotal(), osName(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), gitCommit());
  }

  String describe() {
    return String.format("%s, %d cores, %.1f GiB, %s, %s; load average when written: %s", cpu, cores,
        memoryBytes / (double) (1L << 30), os, java, loadAverage());
  }

  /** The 1, 5 and 15 minute load averages: other work on the machine shares its cores with the benchmark. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    return grep(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
  }

  private static long memTotal() {
    return grep(Path.of("/proc/meminfo"), "MemTotal").map(v -> Long.parseLong(v.replaceAll("[^0-9]", "")) * 1024)
        .orElse(Runtime.getRuntime().maxMemory());
  }

  private static String osName() {
    return grep(Path.of("/etc/os-release"), "PRETTY_NAME").map(v -> v.replace("\"", ""))
        .orElse(System.getProperty("os.name"));
  }

  private static Optional<String> grep(Path file, String key) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(l.contains(":") ? ':' : '=') + 1).trim()).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The short commit, "-dirty" if tracked files other than BENCHMARKS.md (which the benchmarks write) changed. */
  private static String gitCommit() {
    String head = git("rev-parse", "--short", "HEAD");
    if (head.isEmpty()) {
      return "unknown";
    }
    String changes = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)BENCHMARKS.md");
    return changes.isEmpty() ? head : head + "-dirty";
  }

  private static String git(String... args) {
    try {
      List<String> command = new ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes()).trim();
      return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
