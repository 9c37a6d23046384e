package dev.convoy.cli.campaign;

import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.DeploymentStatus;

/**
 * One endpoint's deployment in a campaign ({@code convoy campaign status ID --endpoint E}): state, attempt, exit
 * code, detail, and the agent's log excerpt in full, line breaks kept, because that is what a technician reads.
 */
public final class DeploymentView {
  private DeploymentView() {}

  /** The campaign line, the deployment as {@code key value} lines, then the log excerpt as the agent sent it. */
  public static String render(CampaignStatus status, DeploymentStatus deployment) {
    var campaign = status.getCampaign();
    StringBuilder text = new StringBuilder()
        .append("Campaign ").append(campaign.getCampaignId())
        .append(campaign.getTitle().isEmpty() ? "" : ": " + campaign.getTitle()).append('\n')
        .append("  release ").append(CampaignView.release(campaign.getRelease()))
        .append("   action ").append(CampaignView.action(campaign))
        .append("   state ").append(campaign.getState().name()).append("\n\n")
        .append(Table.withoutHeader(2)
            .row("endpoint", deployment.getEndpointId())
            .row("hostname", deployment.getHostname())
            .row("state", deployment.getState().name())
            .row("attempt", String.valueOf(deployment.getAttempt()))
            .row("exit code", String.valueOf(deployment.getExitCode()))
            .row("detail", deployment.getDetail())
            .row("updated", Times.iso(deployment.getUpdatedAt()))
            .render());
    String log = deployment.getLogExcerpt();
    if (log.isEmpty()) {
      return text.append("\nNo log excerpt.\n").toString();
    }
    text.append("\nLog excerpt:\n").append(log);
    return log.endsWith("\n") ? text.toString() : text.append('\n').toString();
  }

  /** {@code endpoint_id,hostname,state,attempt,exit_code,detail,updated_at,log_excerpt}: one record, log in full. */
  public static String csv(DeploymentStatus deployment) {
    return new Csv("endpoint_id", "hostname", "state", "attempt", "exit_code", "detail", "updated_at", "log_excerpt")
        .row(deployment.getEndpointId(), deployment.getHostname(), deployment.getState().name(),
            String.valueOf(deployment.getAttempt()), String.valueOf(deployment.getExitCode()), deployment.getDetail(),
            Times.exact(deployment.getUpdatedAt()), deployment.getLogExcerpt())
        .render();
  }
}
