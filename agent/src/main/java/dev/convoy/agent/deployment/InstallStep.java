package dev.convoy.agent.deployment;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Installer;
import dev.convoy.installers.LifecycleResult;
import dev.convoy.installers.LifecycleState;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a release's installer backend through its lifecycle and translates the result into deployment terms.
 * Lifecycle states map to deployment states as they are entered: STAGING, INSTALLING and UNINSTALLING to
 * INSTALLING; VERIFYING to VERIFYING; the others (DETECTING, COMMITTING, ROLLING_BACK) change nothing visible.
 * The final lifecycle state maps to SUCCEEDED (also for UNINSTALLED), ALREADY_INSTALLED, ROLLED_BACK or FAILED.
 *
 * <p>Thread-safe if the injected functions are.
 */
public final class InstallStep {
  private static final Logger logger = LoggerFactory.getLogger(InstallStep.class);

  private final Function<String, Installer> installers;
  private final LifecycleDriver install;
  private final LifecycleDriver uninstall;
  private final Path managedRoot;
  private final SiteParameters site;

  /** {@link #InstallStep(Function, LifecycleDriver, LifecycleDriver, Path, SiteParameters)} without site parameters. */
  public InstallStep(Function<String, Installer> installers, LifecycleDriver install, LifecycleDriver uninstall,
      Path managedRoot) {
    this(installers, install, uninstall, managedRoot, SiteParameters.NONE);
  }

  /**
   * @param installers finds the backend for a release's installer type ({@code Installers::forType}); throws
   *     IllegalArgumentException for an unknown type
   * @param install {@code Lifecycle::install}
   * @param uninstall {@code Lifecycle::uninstall}
   * @param managedRoot {@code DIR/managed}
   * @param site this endpoint's own installer parameters, merged into every release's
   */
  public InstallStep(Function<String, Installer> installers, LifecycleDriver install, LifecycleDriver uninstall,
      Path managedRoot, SiteParameters site) {
    this.installers = installers;
    this.install = install;
    this.uninstall = uninstall;
    this.managedRoot = managedRoot;
    this.site = site;
  }

  /**
   * The backend for {@code release}.
   *
   * @throws IllegalArgumentException for an unknown installer type, or a backend that is not available
   */
  public Installer installer(Release release) {
    try {
      return installers.apply(release.installer());
    } catch (UnsupportedOperationException e) {
      throw new IllegalArgumentException("installer '" + release.installer() + "': not available (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Checks, before anything is downloaded, that the release can be installed here: a known installer type and
   * a package name and version that are safe file names.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public void check(DeploymentSpec spec, Path workDir, DeploymentLog log) {
    Installer installer = installer(spec.release());
    // Whatever the server says: a release whose installer runs its code (scripts, maintainer scripts) must be signed.
    if (!spec.release().signed() && installer.runsReleaseCode()) {
      throw new IllegalArgumentException("release format: unsigned '" + spec.release().installer()
          + "' release (expected: '" + Release.SIGNED_FORMAT + "': the " + spec.release().installer()
          + " installer runs the release's own code, so only signed releases are installed with it)");
    }
    context(spec, null, workDir, log);
  }

  /**
   * Whether this exact release is installed already, asked before downloading anything (like a detection
   * method). A detection that fails is logged and answered "no": the lifecycle detects again after download.
   */
  public boolean alreadyInstalled(DeploymentSpec spec, Path workDir, DeploymentLog log) {
    try {
      Detection detection = installer(spec.release()).detect(context(spec, null, workDir, log));
      return detection.status() == Detection.Status.INSTALLED_SAME;
    } catch (RuntimeException e) {
      logger.warn("detection failed deployment={} reason=\"{}\" (will download)", spec.deploymentId(), e.getMessage());
      return false;
    }
  }

  /**
   * The version of the release's package installed now, as the backend detects it (an uncommitted install
   * counts as its previous version), or null when none is or detection fails (logged).
   */
  public String installedVersion(DeploymentSpec spec, Path workDir, DeploymentLog log) {
    try {
      Detection detection = installer(spec.release()).detect(context(spec, null, workDir, log));
      return detection.status() == Detection.Status.NOT_INSTALLED ? null : detection.installedVersion();
    } catch (RuntimeException e) {
      logger.warn("detection failed deployment={} reason=\"{}\" (taken as nothing installed)", spec.deploymentId(),
          e.getMessage());
      return null;
    }
  }

  /**
   * Runs the install (or uninstall) lifecycle with the release's parameters as the deployment describes them.
   *
   * @param payload the verified payload; null for an uninstall
   * @param progress told of each deployment state the lifecycle enters (INSTALLING, VERIFYING)
   * @return the outcome; never throws for an installer failure
   */
  public InstallOutcome run(DeploymentSpec spec, Path payload, Path workDir, DeploymentLog log,
      Consumer<DeploymentState> progress) {
    return run(spec, payload, releaseParameters(spec.release()), workDir, log, progress);
  }

  /**
   * Runs the install (or uninstall) lifecycle.
   *
   * @param payload the verified payload: the downloaded file, or the directory / file a signed release's payload
   *     was verified into; null for an uninstall
   * @param parameters the release's installer parameters (a signed release: its verified manifest's); the site
   *     parameters are merged in here
   * @param progress told of each deployment state the lifecycle enters (INSTALLING, VERIFYING)
   * @return the outcome; never throws for an installer failure
   */
  public InstallOutcome run(DeploymentSpec spec, Path payload, Map<String, String> parameters, Path workDir,
      DeploymentLog log, Consumer<DeploymentState> progress) {
    LifecycleResult result;
    try {
      Installer installer = installer(spec.release());
      InstallContext context = context(spec, payload, parameters, workDir, log);
      LifecycleDriver driver = spec.action() == DeploymentAction.UNINSTALL ? uninstall : install;
      result = driver.run(installer, context, state -> {
        DeploymentState mapped = visible(state);
        if (mapped != null) {
          progress.accept(mapped);
        }
      });
    } catch (RuntimeException e) {
      logger.error("lifecycle failed deployment={}", spec.deploymentId(), e);
      return new InstallOutcome(DeploymentState.FAILED, -1, "installer: " + e.getMessage());
    }
    log.line("lifecycle " + result.chain() + " exit_code=" + result.exitCode() + ": " + result.message());
    DeploymentState end = terminal(result.finalState());
    return new InstallOutcome(end, result.exitCode(), result.message(), !end.successful() && retryable(result));
  }

  private InstallContext context(DeploymentSpec spec, Path payload, Path workDir, DeploymentLog log) {
    return context(spec, payload, releaseParameters(spec.release()), workDir, log);
  }

  private InstallContext context(DeploymentSpec spec, Path payload, Map<String, String> parameters, Path workDir,
      DeploymentLog log) {
    Release release = spec.release();
    return new InstallContext(release.name(), release.version(), payload, managedRoot, workDir,
        site.merge(release.installer(), parameters), 0, log::line);
  }

  /**
   * Before verification: a signed release's parameters as the server read them, else (an unsigned release an older
   * server described, which is only ever uninstalled) the archive format. The
   * detection rule is left out: it can run a program, and nothing of a release runs before its signature is checked
   * (the lifecycle after verification uses the verified manifest's rule).
   */
  private static Map<String, String> releaseParameters(Release release) {
    if (release.signed()) {
      Map<String, String> parameters = new java.util.HashMap<>(release.installerParameters());
      parameters.remove(dev.convoy.installers.detection.DetectionRule.PARAMETER);
      return Map.copyOf(parameters);
    }
    return release.archiveFormat().isEmpty() ? Map.of() : Map.of("format", release.archiveFormat());
  }

  /** Whether the installer declared the failure retryable (the first failing step's {@code StepResult}). */
  static boolean retryable(LifecycleResult result) {
    return result.retryable();
  }

  static DeploymentState visible(LifecycleState state) {
    return switch (state) {
      case STAGING, INSTALLING, UNINSTALLING -> DeploymentState.INSTALLING;
      case VERIFYING -> DeploymentState.VERIFYING;
      default -> null;
    };
  }

  static DeploymentState terminal(LifecycleState state) {
    return switch (state) {
      case SUCCEEDED, UNINSTALLED -> DeploymentState.SUCCEEDED;
      case ALREADY_INSTALLED -> DeploymentState.ALREADY_INSTALLED;
      case ROLLED_BACK -> DeploymentState.ROLLED_BACK;
      default -> DeploymentState.FAILED;
    };
  }
}
