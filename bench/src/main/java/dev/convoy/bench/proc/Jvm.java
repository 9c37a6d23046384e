package dev.convoy.bench.proc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Diagnostic commands to another JVM by PID through {@code jcmd}: a full GC and the heap in use after it, and JDK
 * Flight Recorder start/dump. Thread-safe (stateless).
 */
public final class Jvm {
  private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private final long pid;

  Jvm(long pid) {
    this.pid = pid;
  }

  public static Jvm of(long pid) {
    return new Jvm(pid);
  }

  /** Runs a full GC, then answers the heap in use (bytes). */
  public long heapUsedAfterGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!m.find()) {
      throw new IOException("jcmd " + pid + " GC.heap_info: no 'used' figure in its output");
    }
    return Long.parseLong(m.group(2)) * 1024;
  }

  /** Live objects per class after a full GC ({@code GC.class_histogram}): class name → bytes. */
  public java.util.Map<String, Long> classHistogram() throws IOException, InterruptedException {
    java.util.Map<String, Long> bytes = new java.util.HashMap<>();
    Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)").matcher(jcmd("GC.class_histogram"));
    while (m.find()) {
      bytes.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
    }
    return bytes;
  }

  /** The {@code top} classes whose live bytes grew most between two histograms, per {@code per} (e.g. connection). */
  public static String grownMost(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int top,
      int per) {
    return String.join(", ", after.entrySet().stream()
        .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .map(e -> String.format("`%s` %.0f B", e.getKey().startsWith("[") ? e.getKey()
            : e.getKey().substring(e.getKey().lastIndexOf('.') + 1), e.getValue() / (double) per))
        .toList());
  }

  /** Starts a JFR recording named {@code bench} with the {@code profile} settings (10 ms execution samples). */
  public void startRecording() throws IOException, InterruptedException {
    jcmd("JFR.start", "name=bench", "settings=profile");
  }

  /** Dumps the {@code bench} recording to {@code file} and stops it. */
  public Path dumpRecording(Path file) throws IOException, InterruptedException {
    jcmd("JFR.dump", "name=bench", "filename=" + file.toAbsolutePath());
    jcmd("JFR.stop", "name=bench");
    return file;
  }

  String jcmd(String... command) throws IOException, InterruptedException {
    List<String> args = new java.util.ArrayList<>(List.of("jcmd", String.valueOf(pid)));
    args.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      jcmd.destroyForcibly();
      throw new IOException("jcmd " + pid + " " + String.join(" ", command) + " failed: " + out.strip());
    }
    return out;
  }
}
