package dev.convoy.cli.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: spawns real {@code sleep 300} processes for the tests that stop processes, and kills any
 * that a test left alive.
 */
public final class Sleepers implements AfterEachCallback {
  private final List<Process> processes = new ArrayList<>();

  /** A new {@code sleep 300}. */
  public Process spawn() throws IOException {
    return spawn(List.of("sleep", "300"));
  }

  /** A new process running {@code command}. */
  public Process spawn(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    synchronized (processes) {
      processes.add(process);
    }
    return process;
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    synchronized (processes) {
      for (Process process : processes) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      processes.clear();
    }
  }
}
