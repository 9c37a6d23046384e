package dev.convoy.agent.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One external program to run: never through a shell, with a clean environment, no standard input, a timeout and
 * a bound on what it may print.
 *
 * @param argv the executable (an absolute path) and its arguments, passed as they are
 * @param environment the whole environment of the child (nothing is inherited from the agent)
 * @param workingDirectory where it runs
 * @param timeout how long it may run; then it and its descendants are killed
 * @param maxOutputBytes how much standard output is kept; beyond it the program is killed
 */
public record Command(List<String> argv, Map<String, String> environment, Path workingDirectory, Duration timeout,
    int maxOutputBytes) {
  /** PATH of the clean environment: the usual system directories, nothing from the agent's own environment. */
  public static final String CLEAN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  /** The clean environment every command gets. */
  public static final Map<String, String> CLEAN_ENVIRONMENT = Map.of("PATH", CLEAN_PATH, "LANG", "C.UTF-8");

  public Command {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv: empty (expected: the executable and its arguments)");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
    }
    if (maxOutputBytes < 1) {
      throw new IllegalArgumentException("maxOutputBytes: " + maxOutputBytes + " (expected: >= 1)");
    }
  }

  /** {@code executable args...} in the clean environment, from {@code /}. */
  public static Command of(Path executable, List<String> args, Duration timeout, int maxOutputBytes) {
    List<String> argv = new java.util.ArrayList<>();
    argv.add(executable.toString());
    argv.addAll(args);
    return new Command(argv, CLEAN_ENVIRONMENT, Path.of("/"), timeout, maxOutputBytes);
  }

  /** This command run from {@code directory}. */
  public Command in(Path directory) {
    return new Command(argv, environment, directory, timeout, maxOutputBytes);
  }

  /** The executable's file name, for messages. */
  public String name() {
    return Path.of(argv.get(0)).getFileName().toString();
  }
}
