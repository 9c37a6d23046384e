package dev.convoy.cli.quickstart;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts the quick start's processes ({@code convoy-server}, {@code convoy-agent}). An interface so that the
 * orchestration can be tested without a distribution; {@link OsProcessLauncher} is the real one.
 */
public interface ProcessLauncher {
  /** A process that ran to completion: its exit code and its stdout and stderr, interleaved. */
  record Completed(int exitCode, String output) {}

  /**
   * Runs {@code command} to completion.
   *
   * @throws IOException if it cannot be started, or has not finished within {@code timeout} (it is killed then)
   */
  Completed run(List<String> command, Duration timeout) throws IOException, InterruptedException;

  /**
   * Starts {@code command} in the background with stdout and stderr appended to {@code log}; it keeps running
   * after this JVM exits.
   *
   * @throws IOException if it cannot be started
   */
  ProcessHandle start(List<String> command, Path log) throws IOException;
}
