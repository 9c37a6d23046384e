package dev.convoy.installers.script;

import dev.convoy.installers.InstallContext;
import dev.convoy.installers.archive.ExtractionResult;
import dev.convoy.installers.archive.StagedTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a detection script: exit 0 means "this release is installed", any other exit "it is not". A relative
 * name is taken from the payload (a payload directory the caller already extracted is used in place; an archive is
 * unpacked for the purpose into a scratch directory in the work directory
 * and removed afterwards; an absolute path is a script already on this machine. The script runs like every other
 * (clean environment with {@code CONVOY_ACTION=detect}, timeout, output into the log). Thread-safe.
 */
public final class ScriptDetector {
  private final ProcessRunner runner;

  public ScriptDetector(ProcessRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /**
   * Runs {@code script} for {@code context}'s release.
   *
   * @return whether it exited 0; empty when the script is not in the payload (relative) or on this machine
   * @throws IllegalArgumentException when the payload is refused or missing, or a parameter is malformed
   * @throws IllegalStateException when the script timed out, was interrupted or could not start (detection unknown)
   * @throws UncheckedIOException when the scratch directory cannot be made or removed
   */
  public Optional<Boolean> passes(InstallContext context, String script, Duration timeout) {
    try {
      Files.createDirectories(context.workDir());
      if (script.startsWith("/")) {
        Path file = Path.of(script);
        return Files.isRegularFile(file) ? Optional.of(run(context, script, file, file.getParent(), timeout))
            : Optional.empty();
      }
      ScriptPayload.requireRelative("detect script", script);
      if (StagedTree.isExtracted(context.payload())) { // already extracted and verified: run it where it is
        Optional<Path> found = ScriptPayload.find(context.payload(), script);
        return found.map(file -> run(context, script, file, context.payload(), timeout));
      }
      Path scratch = context.workDir().resolve(".detect-" + UUID.randomUUID());
      try {
        ExtractionResult extracted = ScriptPayload.extract(context, scratch);
        if (!extracted.ok()) {
          throw new IllegalArgumentException("refused " + context.payload().getFileName() + ": " + extracted.message());
        }
        Optional<Path> found = ScriptPayload.find(scratch, script);
        if (found.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(run(context, script, found.get(), scratch, timeout));
      } finally {
        DurableFiles.deleteRecursively(scratch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("detect script " + script + ": " + e.getMessage(), e);
    }
  }

  private boolean run(InstallContext context, String label, Path script, Path dir, Duration timeout) {
    Map<String, String> env = CleanEnvironment.forScript(context, ScriptAction.DETECT, context.version(), dir, null);
    ProcessOutcome outcome = runner.run(ScriptExecution.spec(label, script, dir, env, timeout), context.log());
    if (outcome.status() != ProcessOutcome.Status.EXITED) {
      throw new IllegalStateException(label + " " + outcome.detail());
    }
    context.log().line(label + " exited " + outcome.exitCode() + ": "
        + (outcome.exitCode() == 0 ? "installed" : "not installed"));
    return outcome.exitCode() == 0;
  }
}
