package dev.convoy.agent.deployment;

/**
 * Port: sees every line written to a deployment's log as it is written (the technician package streams those of
 * technician jobs live to the server). Implementations are thread-safe, fast and never throw.
 */
@FunctionalInterface
public interface LogTap {
  LogTap NONE = (deploymentId, text) -> { };

  void line(String deploymentId, String text);
}
