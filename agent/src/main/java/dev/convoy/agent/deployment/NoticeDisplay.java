package dev.convoy.agent.deployment;

import java.time.Instant;

/**
 * Shows a deployment's notice to the people at the endpoint (the agent log, the desktop, {@code convoy-agent
 * notices}). A port: the notice package implements it, tests record the calls. Implementations are thread-safe
 * and never throw for a display that failed (the notice still counts as delivered: it is in the log and the list).
 */
@FunctionalInterface
public interface NoticeDisplay {
  /** Shows the notice of {@code spec}, delivered at {@code at}. */
  void show(DeploymentSpec spec, Instant at);
}
