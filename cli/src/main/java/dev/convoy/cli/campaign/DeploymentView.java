package dev.convoy.cli.campaign;

import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.StateChange;

/**
 * One endpoint's deployment in a campaign ({@code convoy campaign status ID --endpoint E}): state, attempt, exit
 * code, detail, what the server knows about it (notice receipt, deferral, next attempt, timeout), its history of
 * states with their times, and the agent's log excerpt in full, line breaks kept, because that is what a technician
 * reads. Stateless.
 */
public final class DeploymentView {
  private DeploymentView() {}

  /** The campaign line, the deployment as {@code key value} lines, its history, then the log excerpt. */
  public static String render(CampaignStatus status, DeploymentStatus deployment) {
    var campaign = status.getCampaign();
    StringBuilder text = new StringBuilder()
        .append("Campaign ").append(campaign.getCampaignId())
        .append(campaign.getTitle().isEmpty() ? "" : ": " + campaign.getTitle()).append('\n')
        .append("  release ").append(CampaignView.release(campaign.getRelease()))
        .append("   action ").append(CampaignView.action(campaign))
        .append("   state ").append(CampaignView.state(campaign)).append("\n\n")
        .append(facts(status, deployment).render());
    if (deployment.getHistoryCount() > 0) {
      text.append("\nHistory:\n").append(history(deployment));
    }
    String log = deployment.getLogExcerpt();
    if (log.isEmpty()) {
      return text.append("\nNo log excerpt.\n").toString();
    }
    text.append("\nLog excerpt:\n").append(log);
    return log.endsWith("\n") ? text.toString() : text.append('\n').toString();
  }

  /**
   * {@code endpoint_id,hostname,state,attempt,exit_code,detail,updated_at,log_excerpt,wave,notice_delivered_at,
   * deferred_until,deferral_count,next_attempt_at,timed_out}: one record, log in full, wave from 1.
   */
  public static String csv(DeploymentStatus d) {
    return new Csv("endpoint_id", "hostname", "state", "attempt", "exit_code", "detail", "updated_at", "log_excerpt",
        "wave", "notice_delivered_at", "deferred_until", "deferral_count", "next_attempt_at", "timed_out")
        .row(d.getEndpointId(), d.getHostname(), d.getState().name(), String.valueOf(d.getAttempt()),
            String.valueOf(d.getExitCode()), d.getDetail(), Times.exact(d.getUpdatedAt()), d.getLogExcerpt(),
            String.valueOf(d.getWave() + 1), Times.exact(d.getNoticeDeliveredAt()), Times.exact(d.getDeferredUntil()),
            String.valueOf(d.getDeferralCount()), Times.exact(d.getNextAttemptAt()), String.valueOf(d.getTimedOut()))
        .render();
  }

  private static Table facts(CampaignStatus status, DeploymentStatus d) {
    Table table = Table.withoutHeader(2)
        .row("endpoint", d.getEndpointId())
        .row("hostname", d.getHostname());
    if (status.getWavesCount() > 0) {
      String name = status.getWavesList().stream().filter(w -> w.getIndex() == d.getWave()).findFirst()
          .map(w -> w.getName()).orElse("");
      table.row("wave", WaveView.label(d.getWave(), name));
    }
    table.row("state", d.getState().name())
        .row("attempt", String.valueOf(d.getAttempt()))
        .row("exit code", String.valueOf(d.getExitCode()))
        .row("detail", d.getDetail())
        .row("updated", Times.iso(d.getUpdatedAt()))
        .row("notice", Times.instant(d.getNoticeDeliveredAt()) == null ? "not delivered yet"
            : "delivered " + Times.iso(d.getNoticeDeliveredAt()));
    if (d.getDeferralCount() > 0 || Times.instant(d.getDeferredUntil()) != null) {
      table.row("deferred", d.getDeferralCount() + (d.getDeferralCount() == 1 ? " time" : " times")
          + (Times.instant(d.getDeferredUntil()) == null ? "" : ", until " + Times.iso(d.getDeferredUntil())));
    }
    if (Times.instant(d.getNextAttemptAt()) != null) {
      table.row("retry at", Times.iso(d.getNextAttemptAt()) + " (attempt " + (d.getAttempt() + 1) + ")");
    }
    if (Times.instant(d.getInstallStartedAt()) != null) {
      table.row("started", Times.iso(d.getInstallStartedAt()));
    }
    if (d.getTimedOut()) {
      table.row("timed out", "yes");
    }
    return table;
  }

  private static String history(DeploymentStatus deployment) {
    Table table = new Table("AT", "STATE", "ATTEMPT", "DETAIL");
    for (StateChange change : deployment.getHistoryList()) {
      table.row(Times.iso(change.getAt()), change.getState().name(), String.valueOf(change.getAttempt()),
          change.getDetail().replaceAll("\\s+", " ").strip());
    }
    return table.render("  ");
  }
}
