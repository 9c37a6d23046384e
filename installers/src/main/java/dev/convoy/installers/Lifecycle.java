package dev.convoy.installers;

/**
 * Drives an {@link Installer} through detect → stage → install → verify → commit | rollback → cleanup.
 * The transition table (TO BE WRITTEN by the installers module owner, as one readable table):
 * <pre>
 *   DETECTING  --same version-->        ALREADY_INSTALLED (end; nothing else runs)
 *   DETECTING  --else-->                STAGING
 *   STAGING    --ok--> INSTALLING       --fail--> FAILED (nothing was switched)
 *   INSTALLING --ok--> VERIFYING        --fail--> ROLLING_BACK
 *   VERIFYING  --ok--> COMMITTING       --fail--> ROLLING_BACK
 *   COMMITTING --ok--> SUCCEEDED        --fail--> ROLLING_BACK
 *   ROLLING_BACK --ok--> ROLLED_BACK    --fail--> FAILED
 *   cleanup runs after every run.
 *   uninstall: UNINSTALLING --ok--> UNINSTALLED --fail--> FAILED
 * </pre>
 */
public final class Lifecycle {
  private Lifecycle() {}

  /** Installs; see the table above. Never throws for an installer failure. */
  public static LifecycleResult install(Installer installer, InstallContext context, LifecycleListener listener) {
    throw new UnsupportedOperationException("implemented by the installers module");
  }

  /** Uninstalls. Never throws for an installer failure. */
  public static LifecycleResult uninstall(Installer installer, InstallContext context, LifecycleListener listener) {
    throw new UnsupportedOperationException("implemented by the installers module");
  }
}
