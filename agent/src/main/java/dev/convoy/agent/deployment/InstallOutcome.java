package dev.convoy.agent.deployment;

/**
 * How an install (or uninstall) ended, in deployment terms.
 *
 * @param state SUCCEEDED, ALREADY_INSTALLED, ROLLED_BACK or FAILED
 * @param exitCode the failing step's exit code, or 0
 * @param message what happened, for people
 */
public record InstallOutcome(DeploymentState state, int exitCode, String message) {}
