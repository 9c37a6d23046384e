package dev.convoy.installers.script;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Installer;
import dev.convoy.installers.StepResult;
import dev.convoy.installers.archive.ExtractionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The script backend: the payload is an archive of scripts, unpacked safely to {@code
 * managedRoot/<package>/script/<version>/} (layout in {@link ScriptLayout}) and run with {@code /bin/sh}, a
 * timeout, a clean environment ({@link CleanEnvironment}), stdin closed and output captured; exit codes mean what
 * the release declares ({@link ExitCodePolicy}).
 *
 * <ul>
 *   <li>detect: an uncommitted install counts as not installed; else the payload's detect script (exit 0: this
 *       release is installed); else the committed version recorded at the last commit.
 *   <li>stage: unpacks into a fresh {@code .staging-} directory, requires the install script, renames it into place.
 *   <li>install: records the pending install, runs the install script (a reboot code is remembered for commit).
 *   <li>verify: runs the verify script when there is one.
 *   <li>commit: records the version as committed, drops the previous version's scripts.
 *   <li>rollback: runs this version's rollback script (with {@code CONVOY_PREVIOUS_VERSION}); without one, what
 *       the install script changed cannot be undone, so the rollback fails.
 *   <li>uninstall: runs the committed version's uninstall script, then removes the scripts.
 * </ul>
 * Scripts must be idempotent: an install a dead process left uncommitted is simply run again. Thread-safe across
 * packages; one package must be worked on by one caller at a time.
 */
public final class ScriptInstaller implements Installer {
  public static final String TYPE = "script";
  private static final Logger logger = LoggerFactory.getLogger(ScriptInstaller.class);

  private final ProcessRunner runner;

  public ScriptInstaller() {
    this(new LocalProcessRunner());
  }

  /** A backend that runs its scripts through {@code runner} (tests observe which ran). */
  public ScriptInstaller(ProcessRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when a parameter is malformed
   * @throws IllegalStateException when the detect script timed out or could not start
   * @throws UncheckedIOException when the package directory cannot be read
   */
  @Override
  public Detection detect(InstallContext context) {
    ScriptParameters parameters = ScriptParameters.from(context.parameters());
    ScriptLayout layout = new ScriptLayout(context);
    try {
      Optional<String> current = layout.current();
      Optional<ScriptLayout.Pending> pending = layout.pending();
      if (pending.isPresent()) {
        context.log().line("found an uncommitted install of " + pending.get().target() + "; it will be redone");
        return current.map(Detection::other).orElse(Detection.notInstalled());
      }
      Optional<Boolean> detected = runDetectScript(context, parameters);
      if (detected.orElse(current.filter(context.version()::equals).isPresent())) {
        return Detection.same(context.version());
      }
      return current.filter(v -> !v.equals(context.version())).map(Detection::other).orElse(Detection.notInstalled());
    } catch (IOException e) {
      throw new UncheckedIOException("detect " + context.packageName() + ": " + e.getMessage(), e);
    }
  }

  private Optional<Boolean> runDetectScript(InstallContext context, ScriptParameters parameters) {
    try {
      return new ScriptDetector(runner).passes(context, parameters.detectScript(), parameters.timeout());
    } catch (IllegalArgumentException e) {
      // A payload the extractor refuses is refused by stage, where the deployment reports it; nothing ran here.
      context.log().line("detect: " + e.getMessage() + "; going by the committed version");
      return Optional.empty();
    }
  }

  @Override
  public StepResult stage(InstallContext context) {
    ScriptLayout layout = new ScriptLayout(context);
    String version = context.version();
    try {
      ScriptParameters parameters = ScriptParameters.from(context.parameters());
      if (layout.current().filter(version::equals).isPresent() && Files.isDirectory(layout.version(version))) {
        return StepResult.success("script/" + version + " is the committed version's; reusing it");
      }
      Files.createDirectories(layout.dir());
      Path staging = layout.newStaging(version);
      ExtractionResult extracted = ScriptPayload.extract(context, staging);
      if (!extracted.ok()) {
        return StepResult.failure("refused " + context.payload().getFileName() + ": " + extracted.message());
      }
      if (ScriptPayload.find(staging, parameters.installScript()).isEmpty()) {
        DurableFiles.deleteRecursively(staging);
        return StepResult.failure("payload: no " + parameters.installScript()
            + " (expected: the install script, parameter install_script)");
      }
      DurableFiles.fsyncDirectory(staging);
      DurableFiles.deleteRecursively(layout.version(version)); // left by an earlier attempt; never the committed one
      Files.move(staging, layout.version(version), StandardCopyOption.ATOMIC_MOVE);
      DurableFiles.fsyncDirectory(layout.dir());
      return StepResult.success("staged script/" + version + " (" + extracted.message() + ")");
    } catch (IOException | IllegalArgumentException e) {
      return failure("stage", context, e);
    }
  }

  @Override
  public StepResult install(InstallContext context) {
    ScriptLayout layout = new ScriptLayout(context);
    String version = context.version();
    try {
      ScriptParameters parameters = ScriptParameters.from(context.parameters());
      if (!Files.isDirectory(layout.version(version))) {
        return StepResult.failure("script/" + version + " is missing (expected: staged before install)");
      }
      layout.writePending(new ScriptLayout.Pending(version, false));
      StepResult result = execution(context, parameters).run(parameters.installScript(), layout.version(version),
          version, ScriptAction.INSTALL, layout.current().orElse(null)).orElseThrow(
              () -> new IOException(parameters.installScript() + " disappeared from script/" + version));
      if (result.ok() && parameters.codes().classify(result.exitCode()) == ExitCodePolicy.Outcome.REBOOT_REQUIRED) {
        layout.writePending(new ScriptLayout.Pending(version, true)); // commit reports it in the final message
      }
      return result;
    } catch (IOException | IllegalArgumentException e) {
      return failure("install", context, e);
    }
  }

  @Override
  public StepResult verify(InstallContext context) {
    ScriptLayout layout = new ScriptLayout(context);
    try {
      ScriptParameters parameters = ScriptParameters.from(context.parameters());
      return execution(context, parameters).run(parameters.verifyScript(), layout.version(context.version()),
          context.version(), ScriptAction.VERIFY, layout.current().orElse(null))
          .orElse(StepResult.success("no " + parameters.verifyScript() + " in the payload; nothing to verify"));
    } catch (IOException | IllegalArgumentException e) {
      return failure("verify", context, e);
    }
  }

  @Override
  public StepResult commit(InstallContext context) {
    ScriptLayout layout = new ScriptLayout(context);
    String version = context.version();
    try {
      Optional<ScriptLayout.Pending> pending = layout.pending();
      if (pending.isEmpty() || !pending.get().target().equals(version)) {
        return StepResult.failure("pending install: " + pending.map(ScriptLayout.Pending::target).orElse("none")
            + " (expected: " + version + ")");
      }
      Optional<String> previous = layout.current().filter(v -> !v.equals(version));
      layout.commit(version);
      layout.clearPending(); // the point of no return: the previous version's scripts are no longer needed
      String message = "committed " + version;
      if (previous.isPresent()) {
        DurableFiles.deleteRecursively(layout.version(previous.get()));
        message += "; removed previous version " + previous.get() + "'s scripts";
      }
      boolean reboot = pending.get().rebootRequired();
      return StepResult.success(message + (reboot ? "; " + ExitCodePolicy.REBOOT_REQUIRED : ""));
    } catch (IOException e) {
      return failure("commit", context, e);
    }
  }

  @Override
  public StepResult rollback(InstallContext context) {
    ScriptLayout layout = new ScriptLayout(context);
    String version = context.version();
    try {
      ScriptParameters parameters = ScriptParameters.from(context.parameters());
      Optional<String> current = layout.current();
      if (layout.pending().isEmpty()) {
        return StepResult.success("nothing to roll back: " + parameters.installScript() + " did not run");
      }
      Optional<StepResult> ran = execution(context, parameters).run(parameters.rollbackScript(),
          layout.version(version), version, ScriptAction.ROLLBACK, current.orElse(null));
      if (ran.isEmpty()) {
        return StepResult.failure("no " + parameters.rollbackScript() + " in the payload: what "
            + parameters.installScript() + " changed was not undone");
      }
      if (!ran.get().ok()) {
        return ran.get(); // the pending marker stays: the next run redoes the install
      }
      layout.clearPending();
      if (current.filter(version::equals).isEmpty()) {
        DurableFiles.deleteRecursively(layout.version(version));
      }
      return StepResult.success(ran.get().message() + "; " + current.map(v -> v + " stays the committed version")
          .orElse("no committed version"));
    } catch (IOException | IllegalArgumentException e) {
      return failure("rollback", context, e);
    }
  }

  @Override
  public void cleanup(InstallContext context) {
    new ScriptCleanup(new ScriptLayout(context), context.log()).run();
  }

  @Override
  public StepResult uninstall(InstallContext context) {
    ScriptLayout layout = new ScriptLayout(context);
    try {
      ScriptParameters parameters = ScriptParameters.from(context.parameters());
      // An install that was never committed (its rollback failed) is removed with its own uninstall script.
      Optional<String> current = layout.current().or(() -> pendingTarget(layout));
      if (current.isEmpty()) {
        DurableFiles.deleteRecursively(layout.dir());
        return StepResult.success(context.packageName() + " is not installed; nothing to remove");
      }
      Optional<StepResult> ran = execution(context, parameters).run(parameters.uninstallScript(),
          layout.version(current.get()), current.get(), ScriptAction.UNINSTALL, null);
      if (ran.isEmpty()) {
        return StepResult.failure("no " + parameters.uninstallScript() + " in script/" + current.get()
            + " (expected: the uninstall script, parameter uninstall_script)");
      }
      if (ran.get().ok()) {
        DurableFiles.deleteRecursively(layout.dir());
        DurableFiles.deleteIfEmpty(layout.packageDir());
        return new StepResult(true, ran.get().exitCode(), "removed " + context.packageName() + " "
            + current.get() + " (" + ran.get().message() + ")");
      }
      return ran.get();
    } catch (IOException | IllegalArgumentException e) {
      return failure("uninstall", context, e);
    }
  }

  private static Optional<String> pendingTarget(ScriptLayout layout) {
    try {
      return layout.pending().map(ScriptLayout.Pending::target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ScriptExecution execution(InstallContext context, ScriptParameters parameters) {
    return new ScriptExecution(runner, context, parameters);
  }

  private static StepResult failure(String step, InstallContext context, Exception e) {
    logger.warn("{} failed package={} version={}", step, context.packageName(), context.version(), e);
    boolean sentence = e.getClass() == IOException.class || e instanceof IllegalArgumentException;
    return StepResult.failure(sentence && e.getMessage() != null ? e.getMessage() : e.toString());
  }
}
