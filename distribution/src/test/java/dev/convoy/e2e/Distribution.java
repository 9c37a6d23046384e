package dev.convoy.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built distribution (target/convoy): runs its launch scripts as real processes. */
final class Distribution {
  private final Path home;

  Distribution() {
    this(builtHome());
  }

  private Distribution(Path home) {
    this.home = home;
    if (!Files.isExecutable(home.resolve("bin/convoy-server"))) {
      throw new IllegalStateException("no distribution at " + home + ": run the package phase first");
    }
  }

  private static Path builtHome() {
    String property = System.getProperty("convoy.dist");
    if (property == null) {
      throw new IllegalStateException("system property convoy.dist is not set (failsafe sets it to target/convoy)");
    }
    return Path.of(property);
  }

  /** A private copy of this distribution at {@code target}, for a test that writes into its files. */
  Distribution copyTo(Path target) throws IOException, InterruptedException {
    Process copy = new ProcessBuilder("cp", "-a", home.toString(), target.toString()).inheritIO().start();
    if (copy.waitFor() != 0) {
      throw new IOException("cp -a " + home + " " + target + " exited " + copy.exitValue());
    }
    return new Distribution(target);
  }

  /** The distribution's root directory (bin/, lib/ ...). */
  Path home() {
    return home;
  }

  /** The exit code, standard output and standard error of a finished command. */
  record Result(int exitCode, String stdout, String stderr) {
    String output() {
      return stdout + stderr;
    }

    Result requireSuccess(String what) {
      if (exitCode != 0) {
        throw new AssertionError(what + " exited " + exitCode + ":\n" + output());
      }
      return this;
    }
  }

  /** Runs bin/{@code binary} to completion within {@code timeout}. */
  Result run(Path workDir, Duration timeout, String binary, String... args) throws IOException, InterruptedException {
    return run(workDir, timeout, Map.of(), binary, args);
  }

  /** As {@link #run(Path, Duration, String, String...)}, with {@code environment} added to the process's own. */
  Result run(Path workDir, Duration timeout, Map<String, String> environment, String binary, String... args)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path out = Files.createTempFile(workDir, binary, ".out");
    Path err = Files.createTempFile(workDir, binary, ".err");
    ProcessBuilder builder = builder(workDir, out, binary, args).redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(binary + " " + String.join(" ", args) + " did not finish within " + timeout
          + ":\n" + Files.readString(out) + Files.readString(err));
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Starts bin/{@code binary} in the background, output appended to {@code log}. */
  Launched start(Path workDir, Path log, String binary, String... args) throws IOException {
    return start(workDir, log, Map.of(), binary, args);
  }

  /** As {@link #start(Path, Path, String, String...)}, with {@code environment} added to the process's own. */
  Launched start(Path workDir, Path log, Map<String, String> environment, String binary, String... args)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = builder(workDir, log, binary, args);
    builder.environment().putAll(environment);
    return new Launched(binary, builder.start(), log);
  }

  private ProcessBuilder builder(Path workDir, Path out, String binary, String... args) {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin").resolve(binary).toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
    builder.environment().remove("CONVOY_SERVER");
    builder.environment().remove("CONVOY_IDENTITY");
    return builder;
  }
}
