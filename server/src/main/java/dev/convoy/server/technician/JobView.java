package dev.convoy.server.technician;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.campaign.Deployment;
import dev.convoy.server.campaign.DeploymentState;
import java.time.Instant;
import java.util.List;

/**
 * A technician job as people see it: its record, its deployment and campaign, where the endpoint is, the state of
 * a rollback started from it, and what the last command did.
 *
 * @param rollbackState the state of the rollback deployment, or null when no rollback was started
 * @param message what the command that answered this view did, for people; "" for plain reads
 */
public record JobView(TechnicianJob job, Deployment deployment, Campaign campaign, String hostname,
    List<String> users, String group, DeploymentState rollbackState, String message) {
  public JobView {
    users = List.copyOf(users);
    message = message == null ? "" : message;
  }

  public JobPhase phase() {
    return JobPhase.of(job, deployment);
  }

  /** Since when the job waits for a technician: the deployment's last state change. */
  public Instant waitingSince() {
    return deployment.history().isEmpty() ? deployment.updatedAt()
        : deployment.history().get(deployment.history().size() - 1).at();
  }

  public JobView withMessage(String text) {
    return new JobView(job, deployment, campaign, hostname, users, group, rollbackState, text);
  }
}
