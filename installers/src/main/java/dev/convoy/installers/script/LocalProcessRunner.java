package dev.convoy.installers.script;

import dev.convoy.installers.InstallLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs programs with {@link ProcessBuilder}: exactly the given environment (the agent's is cleared; the program
 * itself is looked up on that environment's PATH), in a session of its own ({@code setsid}, so the whole tree can
 * be killed as one process group), stdin closed (a program that reads it sees end of file at once instead of
 * hanging), stdout and stderr merged and captured line by line into the install log with the last {@link
 * #TAIL_BYTES} bytes kept, and at the timeout the whole process tree killed ({@link ProcessTree}). A background
 * process the program leaves behind is not killed after a normal exit (it may be a service the script started),
 * but its output is no longer captured.
 *
 * <p>Thread-safe: each run has its own state.
 */
public final class LocalProcessRunner implements ProcessRunner {
  /** How much of a run's output is kept for its result (the log gets every line). */
  public static final int TAIL_BYTES = 64 * 1024;
  private static final Logger logger = LoggerFactory.getLogger(LocalProcessRunner.class);
  /** How long to wait for the output to end once the program exited (background processes may hold it). */
  private static final Duration DRAIN = Duration.ofSeconds(2);
  /** util-linux setsid (Essential in Debian), run with {@code -w} so that if it ever had to fork it would wait. */
  private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
      .filter(Files::isExecutable).findFirst();

  @Override
  public ProcessOutcome run(ProcessSpec spec, InstallLog log) {
    log.line("run " + spec.label() + ": " + String.join(" ", spec.command()) + " (timeout " + spec.timeout() + ")");
    Optional<Path> program = resolve(spec);
    if (program.isEmpty()) {
      return ProcessOutcome.notStarted("could not start " + spec.command().get(0) + ": no such executable (PATH="
          + spec.environment().getOrDefault("PATH", "") + ")");
    }
    ProcessBuilder builder = new ProcessBuilder(command(program.get(), spec)).directory(spec.workingDir().toFile())
        .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(spec.environment());
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      logger.warn("could not start label={} command={}", spec.label(), spec.command(), e);
      return ProcessOutcome.notStarted("could not start " + spec.command().get(0) + ": " + e.getMessage());
    }
    closeStdin(process);
    OutputPump pump = OutputPump.start(process.getInputStream(), spec.label(), log, TAIL_BYTES);
    try {
      ProcessOutcome outcome = await(spec, process, pump, log);
      logger.info("process ended label={} status={} exit={} elapsedMs={}", spec.label(), outcome.status(),
          outcome.exitCode(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return outcome;
    } catch (InterruptedException e) {
      ProcessTree.signal(process.toHandle(), SETSID.isPresent()); // without waiting
      pump.detach();
      Thread.currentThread().interrupt(); // kept for the caller
      return ProcessOutcome.interrupted(pump.text(), pump.truncated(), "interrupted; the process tree was killed");
    }
  }

  private static ProcessOutcome await(ProcessSpec spec, Process process, OutputPump pump, InstallLog log)
      throws InterruptedException {
    if (!process.waitFor(spec.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
      int killed = ProcessTree.kill(process.toHandle(), SETSID.isPresent());
      pump.finish(DRAIN);
      String detail = "timed out after " + spec.timeout() + "; killed " + killed + " process"
          + (killed == 1 ? "" : "es");
      log.line(spec.label() + " " + detail);
      return ProcessOutcome.timedOut(pump.text(), pump.truncated(), detail);
    }
    if (!pump.finish(DRAIN)) {
      log.line(spec.label() + " exited but a background process still holds its output; no longer captured");
    }
    return ProcessOutcome.exited(process.exitValue(), pump.text(), pump.truncated());
  }

  /** {@code setsid -w <program> <arguments>}, or without setsid where the machine has none. */
  private static List<String> command(Path program, ProcessSpec spec) {
    List<String> command = new ArrayList<>();
    SETSID.ifPresent(setsid -> command.addAll(List.of(setsid.toString(), "-w")));
    command.add(program.toString());
    command.addAll(spec.command().subList(1, spec.command().size()));
    return command;
  }

  /** The program: a path as given (relative to the working directory), or a bare name looked up on the PATH. */
  private static Optional<Path> resolve(ProcessSpec spec) {
    String name = spec.command().get(0);
    if (name.contains("/")) {
      Path path = spec.workingDir().resolve(name).toAbsolutePath();
      return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    return Stream.of(spec.environment().getOrDefault("PATH", "").split(":")).filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name)).filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  private static void closeStdin(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      logger.debug("closing stdin failed pid={}", process.pid(), e); // the program may already have exited
    }
  }
}
