package dev.convoy.cli.quickstart;

import dev.convoy.cli.CommandFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code convoy quickstart --stop}: stops the processes recorded in the pid file. SIGTERM first
 * ({@link ProcessHandle#destroy()}) so that the server and agents shut down cleanly, SIGKILL for whatever is
 * still alive after the grace period. A PID whose process started at another instant than recorded has been
 * reused by an unrelated process and is left alone. Not thread-safe.
 */
public final class QuickstartStopper {
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final PrintWriter out;
  private final Duration grace;

  public QuickstartStopper(PrintWriter out, Duration grace) {
    this.out = out;
    this.grace = grace;
  }

  /**
   * Stops what {@code pids} records, then deletes it.
   *
   * @return how many processes were stopped
   * @throws CommandFailedException if a process survives SIGKILL (the pid file is kept then)
   */
  public int stop(PidFile pids) throws IOException, InterruptedException {
    if (!pids.exists()) {
      out.println("No quick start is running (nothing recorded in " + pids.path() + ").");
      return 0;
    }
    Map<PidFile.Entry, ProcessHandle> live = new LinkedHashMap<>();
    for (PidFile.Entry entry : pids.read()) {
      liveProcess(entry).ifPresent(process -> live.put(entry, process));
    }
    live.values().forEach(ProcessHandle::destroy);
    List<PidFile.Entry> forced = new ArrayList<>();
    awaitExit(live.values(), grace);
    for (Map.Entry<PidFile.Entry, ProcessHandle> e : live.entrySet()) {
      if (e.getValue().isAlive()) {
        forced.add(e.getKey());
        e.getValue().destroyForcibly();
      }
    }
    awaitExit(live.values(), KILL_WAIT);
    List<String> survivors = live.entrySet().stream().filter(e -> e.getValue().isAlive())
        .map(e -> describe(e.getKey())).toList();
    if (!survivors.isEmpty()) {
      throw new CommandFailedException("still running after SIGKILL: " + String.join(", ", survivors));
    }
    live.keySet().forEach(entry -> out.println("Stopped " + describe(entry)
        + (forced.contains(entry) ? " (killed: no exit within " + grace.toSeconds() + " s of SIGTERM)" : "")));
    if (live.isEmpty()) {
      out.println("Nothing was running any more.");
    }
    pids.delete();
    return live.size();
  }

  /** The process now behind the entry's PID, if it is alive and is still the one that was recorded. */
  private Optional<ProcessHandle> liveProcess(PidFile.Entry entry) {
    Optional<ProcessHandle> process = ProcessHandle.of(entry.pid()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      out.println(describe(entry) + " was not running");
      return Optional.empty();
    }
    if (entry.started().isEmpty()) {
      out.println(describe(entry) + ": no start instant was recorded, so it cannot be told from a reused PID;"
          + " left alone");
      return Optional.empty();
    }
    Optional<java.time.Instant> started = process.get().info().startInstant();
    if (!entry.started().equals(started)) {
      out.println(describe(entry) + ": the PID now belongs to another process (started "
          + started.map(Object::toString).orElse("at an unknown time") + "); left alone");
      return Optional.empty();
    }
    return process;
  }

  private static void awaitExit(Iterable<ProcessHandle> processes, Duration limit) throws InterruptedException {
    List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
    processes.forEach(p -> exits.add(p.onExit()));
    try {
      CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Whoever is still alive is dealt with by the caller.
    }
  }

  private static String describe(PidFile.Entry entry) {
    return entry.name() + " (pid " + entry.pid() + ")";
  }
}
