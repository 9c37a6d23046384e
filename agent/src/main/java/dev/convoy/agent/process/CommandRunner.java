package dev.convoy.agent.process;

import dev.convoy.agent.process.CommandResult.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Command}s: {@link ProcessBuilder} with the argument vector as given (no shell), the command's
 * environment only, standard input closed, standard output and error read concurrently with bounds. A command
 * that runs past its timeout or prints more than its bound is killed together with its descendants (a script's
 * {@code sleep} child would otherwise keep the pipe open).
 *
 * <p>Thread-safe (stateless); each call blocks its caller until the command has ended or been killed.
 */
public final class CommandRunner {
  private static final Logger logger = LoggerFactory.getLogger(CommandRunner.class);
  /** How much standard error is kept for messages. */
  static final int STDERR_BYTES = 4096;
  private static final long READER_JOIN_MILLIS = 2_000;

  /** Runs {@code command} to its end, or kills it; never throws for a failing or missing program. */
  public CommandResult run(Command command) {
    ProcessBuilder builder = new ProcessBuilder(command.argv()).directory(command.workingDirectory().toFile());
    builder.environment().clear();
    builder.environment().putAll(command.environment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException | RuntimeException e) {
      return new CommandResult(Outcome.NOT_STARTED, -1, "", "", e.getMessage());
    }
    closeQuietly(process);
    BoundedReader out = BoundedReader.start(process.getInputStream(), command.maxOutputBytes(),
        () -> kill(process), "convoy-cmd-stdout");
    BoundedReader err = BoundedReader.start(process.getErrorStream(), STDERR_BYTES, null, "convoy-cmd-stderr");
    Outcome outcome = await(process, command);
    out.join(READER_JOIN_MILLIS);
    err.join(READER_JOIN_MILLIS);
    if (out.overflowed()) {
      outcome = Outcome.OUTPUT_TOO_LARGE;
    }
    int exit = outcome == Outcome.EXITED ? process.exitValue() : -1;
    logger.debug("command ended name={} outcome={} exit={}", command.name(), outcome, exit);
    return new CommandResult(outcome, exit, out.text(), err.text(), "");
  }

  private static Outcome await(Process process, Command command) {
    try {
      if (process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        return Outcome.EXITED;
      }
      kill(process);
      return Outcome.TIMED_OUT;
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      return Outcome.INTERRUPTED;
    }
  }

  /** Kills the descendants first (they are no longer descendants once the parent is gone), then the process. */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(READER_JOIN_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close(); // no standard input: a script that reads it sees end of file
    } catch (IOException e) {
      // the child may already have exited; nothing to close then
    }
  }

  /** Reads one stream on its own thread, keeping at most {@code limit} bytes. */
  private static final class BoundedReader {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;
    private final Runnable onOverflow;
    private final Thread thread;
    private volatile boolean overflowed;

    private BoundedReader(InputStream in, int limit, Runnable onOverflow, String name) {
      this.limit = limit;
      this.onOverflow = onOverflow;
      this.thread = new Thread(() -> pump(in), name);
      this.thread.setDaemon(true);
    }

    /**
     * @param onOverflow run once when more than {@code limit} bytes arrive (then reading stops); null to keep
     *     draining and discarding, so that the child never blocks on a full pipe
     */
    static BoundedReader start(InputStream in, int limit, Runnable onOverflow, String name) {
      BoundedReader reader = new BoundedReader(in, limit, onOverflow, name);
      reader.thread.start();
      return reader;
    }

    private void pump(InputStream in) {
      byte[] chunk = new byte[8192];
      try (in) {
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
          if (!keep(chunk, n)) {
            onOverflow.run();
            return;
          }
        }
      } catch (IOException e) {
        // the process was killed or closed the stream: what was read so far stands
      }
    }

    /** @return false once over the limit with an overflow action (stop reading) */
    private synchronized boolean keep(byte[] chunk, int n) {
      int room = limit - kept.size();
      kept.write(chunk, 0, Math.min(n, Math.max(0, room)));
      if (n > room && onOverflow != null) {
        overflowed = true;
        return false;
      }
      return true;
    }

    void join(long millis) {
      try {
        thread.join(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    boolean overflowed() {
      return overflowed;
    }

    synchronized String text() {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }
}
