package dev.convoy.installers.script;

import dev.convoy.installers.InstallContext;
import dev.convoy.installers.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs one script of an unpacked version for a lifecycle step and maps its exit code. Confined to one step. */
final class ScriptExecution {
  private final ProcessRunner runner;
  private final InstallContext context;
  private final ScriptParameters parameters;

  ScriptExecution(ProcessRunner runner, InstallContext context, ScriptParameters parameters) {
    this.runner = runner;
    this.context = context;
    this.parameters = parameters;
  }

  /** A run of {@code /bin/sh <script>} in {@code dir} (never a shell string). */
  static ProcessSpec spec(String label, Path script, Path dir, Map<String, String> env, Duration timeout) {
    return new ProcessSpec(label, List.of("/bin/sh", script.toString()), dir, env, timeout);
  }

  /**
   * Runs script {@code name} of {@code dir}, the unpacked payload of {@code version}.
   *
   * @param previous the committed version, or null
   * @return the mapped result, or empty when the payload has no such script
   * @throws IOException when the script cannot be looked up or the work directory created
   */
  Optional<StepResult> run(String name, Path dir, String version, ScriptAction action, String previous)
      throws IOException {
    Optional<Path> script = ScriptPayload.find(dir, name);
    if (script.isEmpty()) {
      return Optional.empty();
    }
    Files.createDirectories(context.workDir());
    Map<String, String> env = CleanEnvironment.forScript(context, action, version, dir, previous);
    ProcessOutcome outcome = runner.run(spec(name, script.get(), dir, env, parameters.timeout()), context.log());
    return Optional.of(parameters.codes().toStepResult(name, outcome));
  }
}
