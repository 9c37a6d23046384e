package dev.convoy.installers.detection;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Installer;
import dev.convoy.installers.StepResult;
import dev.convoy.installers.script.LocalProcessRunner;
import dev.convoy.installers.script.ProcessRunner;
import java.util.Objects;

/**
 * Any backend with release-declared detection: when the context has a {@code detect} parameter ({@link
 * DetectionRule}), it decides detect instead of the backend; every other step, and detect without the parameter,
 * is the backend's. So an already-installed release ends ALREADY_INSTALLED in the {@link
 * dev.convoy.installers.Lifecycle} and nothing of the backend runs. Thread-safe when the backend is.
 */
public final class RuleDetectingInstaller implements Installer {
  private final Installer backend;
  private final ProcessRunner runner;

  public RuleDetectingInstaller(Installer backend, ProcessRunner runner) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  /** {@code backend} with rule detection, its programs run by a {@link LocalProcessRunner}. */
  public static Installer wrap(Installer backend) {
    return new RuleDetectingInstaller(backend, new LocalProcessRunner());
  }

  /** The backend every step but rule detection goes to. */
  public Installer backend() {
    return backend;
  }

  @Override
  public String type() {
    return backend.type();
  }

  @Override
  public boolean runsReleaseCode() {
    return backend.runsReleaseCode();
  }

  /**
   * {@inheritDoc} By the {@code detect} rule when there is one, else by the backend.
   *
   * @throws IllegalArgumentException when the rule is malformed
   */
  @Override
  public Detection detect(InstallContext context) {
    String rule = context.parameters().get(DetectionRule.PARAMETER);
    if (rule == null) {
      return backend.detect(context);
    }
    Detection detection = DetectionRule.parse(rule).detect(context, runner);
    context.log().line("detect " + rule + ": " + detection.status()
        + (detection.installedVersion() == null ? "" : " (" + detection.installedVersion() + ")"));
    return detection;
  }

  @Override
  public StepResult stage(InstallContext context) {
    return backend.stage(context);
  }

  @Override
  public StepResult install(InstallContext context) {
    return backend.install(context);
  }

  @Override
  public StepResult verify(InstallContext context) {
    return backend.verify(context);
  }

  @Override
  public StepResult commit(InstallContext context) {
    return backend.commit(context);
  }

  @Override
  public StepResult rollback(InstallContext context) {
    return backend.rollback(context);
  }

  @Override
  public void cleanup(InstallContext context) {
    backend.cleanup(context);
  }

  @Override
  public StepResult uninstall(InstallContext context) {
    return backend.uninstall(context);
  }
}
