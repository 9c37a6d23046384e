package dev.convoy.agent.technician;

import java.util.List;

/** Port: sends install output lines to the server (AgentService.ReportInstallOutput). Thread-safe. */
@FunctionalInterface
public interface InstallOutputApi {
  /**
   * @return whether the server keeps them (false: nobody follows this deployment)
   * @throws RuntimeException when the call fails (the lines are dropped: the view is live only)
   */
  boolean send(String deploymentId, int attempt, long firstSequence, List<String> lines);
}
