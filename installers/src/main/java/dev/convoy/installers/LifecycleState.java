package dev.convoy.installers;

/** The states {@link Lifecycle} walks through; the agent maps them to deployment states. */
public enum LifecycleState {
  DETECTING, ALREADY_INSTALLED, STAGING, INSTALLING, VERIFYING, COMMITTING, SUCCEEDED,
  ROLLING_BACK, ROLLED_BACK, FAILED, UNINSTALLING, UNINSTALLED
}
