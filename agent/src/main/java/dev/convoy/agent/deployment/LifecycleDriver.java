package dev.convoy.agent.deployment;

import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Installer;
import dev.convoy.installers.LifecycleListener;
import dev.convoy.installers.LifecycleResult;

/**
 * Drives an installer through its lifecycle: {@code Lifecycle::install} or {@code Lifecycle::uninstall} in
 * production. Injected so that the agent can be tested without a particular lifecycle implementation.
 */
@FunctionalInterface
public interface LifecycleDriver {
  /** Runs the lifecycle; installer failures are in the result, never thrown. */
  LifecycleResult run(Installer installer, InstallContext context, LifecycleListener listener);
}
