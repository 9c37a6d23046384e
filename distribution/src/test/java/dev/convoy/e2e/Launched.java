package dev.convoy.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A process started from the distribution's bin directory, its output in a log file. */
final class Launched implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  Launched(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String log() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** SIGKILL, as a power cut or the OOM killer would. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM and wait for a clean exit; returns the exit code. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill9();
      throw new AssertionError(name + " did not stop within " + timeout + "; killed. Log:\n" + log());
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        kill9();
      }
    }
  }

  @Override
  public String toString() {
    return name + "(pid " + process.pid() + ")";
  }
}
