package dev.convoy.installers;

/**
 * One installer backend (archive, script, deb ...). The lifecycle is driven by {@link Lifecycle}:
 * detect, then stage, install, verify, then commit or rollback, then cleanup. Expected failures are
 * {@link StepResult} values, never exceptions; an unexpected exception from a step is treated as a failure of
 * that step. Implementations must never write outside {@link InstallContext#managedRoot()} and
 * {@link InstallContext#workDir()}.
 */
public interface Installer {
  /** The backend's type, as written in a release: {@code "archive"}. */
  String type();

  /**
   * Whether installing runs code that comes with the release (scripts, package maintainer scripts). The agent
   * installs an unsigned release only with a backend that runs none; a new backend runs code unless it says not.
   */
  default boolean runsReleaseCode() {
    return true;
  }

  /** Whether the release is already installed (then nothing else runs), not installed, or another version is. */
  Detection detect(InstallContext context);

  /** Unpacks / prepares the payload in a fresh staging area; touches nothing that is in use. */
  StepResult stage(InstallContext context);

  /** Makes the staged version the current one; the previous version stays restorable. */
  StepResult install(InstallContext context);

  /** Checks that the installed version is what was asked for. */
  StepResult verify(InstallContext context);

  /** Makes the install final: the previous version may now be dropped. */
  StepResult commit(InstallContext context);

  /** Restores the previous version (or nothing, when there was none) after a failed install or verify. */
  StepResult rollback(InstallContext context);

  /** Removes staging leftovers; called last, whatever happened. */
  void cleanup(InstallContext context);

  /** Removes the release (uninstall action). */
  StepResult uninstall(InstallContext context);
}
