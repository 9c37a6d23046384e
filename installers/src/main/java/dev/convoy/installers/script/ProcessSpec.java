package dev.convoy.installers.script;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One external program to run for an installer step.
 *
 * @param label how log lines and messages name the run ({@code install.sh}, {@code dpkg -i})
 * @param command the program and its arguments, passed to the OS as they are (never through a shell string)
 * @param workingDir the directory the program starts in; must exist
 * @param environment the program's whole environment: nothing is inherited from the agent
 * @param timeout after this long the program and its descendants are killed; must be positive
 */
public record ProcessSpec(String label, List<String> command, Path workingDir, Map<String, String> environment,
    Duration timeout) {
  public ProcessSpec {
    Objects.requireNonNull(label, "label");
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command: [] (expected: a program and its arguments)");
    }
    Objects.requireNonNull(workingDir, "workingDir");
    environment = Map.copyOf(environment);
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
    }
  }
}
