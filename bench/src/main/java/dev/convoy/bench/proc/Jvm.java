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
