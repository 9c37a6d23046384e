package dev.convoy.cli.campaign;

import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.ProgressBar;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignReport;
import dev.convoy.protocol.v1.DeploymentStatus;
import java.util.List;

/**
 * The Monday-morning summary of a campaign ({@code convoy campaign report ID}): totals, per wave, notices, deferrals,
 * retries, timeouts, first install and last finish, then the failures with their reason and what is not finished.
 * Stateless.
 */
public final class CampaignReportView {
  private CampaignReportView() {}

  /** The report for people, ending with a newline. */
  public static String render(CampaignReport report) {
    Campaign campaign = report.getCampaign();
    int total = report.getTotal();
    StringBuilder text = new StringBuilder()
        .append("Campaign ").append(campaign.getCampaignId())
        .append(campaign.getTitle().isEmpty() ? "" : ": " + campaign.getTitle())
        .append("   report of ").append(Times.iso(report.getGeneratedAt())).append('\n')
        .append("  release ").append(CampaignView.release(campaign.getRelease()))
        .append("   action ").append(CampaignView.action(campaign))
        .append("   state ").append(CampaignView.state(campaign)).append('\n')
        .append("  ").append(CampaignView.axes(campaign)).append("   targets ")
        .append(TargetsParser.format(campaign.getTargets())).append("\n\n")
        .append(Table.withoutHeader(2)
            .row("endpoints", total + ": " + report.getSucceeded() + " succeeded ("
                + ProgressBar.percent(report.getSucceeded(), total) + "%), " + report.getFailed() + " failed, "
                + report.getInProgress() + " in progress, " + report.getCancelled() + " cancelled")
            .row("states", CampaignStatusView.counts(report.getCountsMap()))
            .row("notices", report.getNoticesDelivered() + " of " + total + " delivered")
            .row("deferred", report.getDeferred() + " endpoints deferred at least once")
            .row("retried", report.getRetried() + " endpoints needed more than one attempt")
            .row("timed out", String.valueOf(report.getTimedOut()))
            .row("started", Times.iso(campaign.getStartedAt()))
            .row("first install", Times.iso(report.getFirstInstallAt()))
            .row("last finish", Times.iso(report.getLastFinishedAt()))
            .row("finished", Times.iso(campaign.getFinishedAt()))
            .render("  "));
    if (report.getWavesCount() > 0) {
      text.append('\n').append(WaveView.render(campaign, report.getWavesList()));
    }
    section(text, "Failures", report.getFailuresList(), true);
    section(text, "Unfinished", report.getUnfinishedList(), false);
    return text.toString();
  }

  /**
   * {@code list,endpoint_id,hostname,wave,state,attempt,exit_code,timed_out,updated_at,detail}: one record per
   * failed ({@code list} = {@code failed}) and per unfinished ({@code unfinished}) deployment, the wave from 1.
   */
  public static String csv(CampaignReport report) {
    Csv csv = new Csv("list", "endpoint_id", "hostname", "wave", "state", "attempt", "exit_code", "timed_out",
        "updated_at", "detail");
    report.getFailuresList().forEach(d -> record(csv, "failed", d));
    report.getUnfinishedList().forEach(d -> record(csv, "unfinished", d));
    return csv.render();
  }

  private static void record(Csv csv, String list, DeploymentStatus d) {
    csv.row(list, d.getEndpointId(), d.getHostname(), String.valueOf(d.getWave() + 1), d.getState().name(),
        String.valueOf(d.getAttempt()), String.valueOf(d.getExitCode()), String.valueOf(d.getTimedOut()),
        Times.exact(d.getUpdatedAt()), d.getDetail());
  }

  private static void section(StringBuilder text, String title, List<DeploymentStatus> deployments, boolean reason) {
    text.append('\n').append(title).append(" (").append(deployments.size()).append(")");
    if (deployments.isEmpty()) {
      text.append(": none\n");
      return;
    }
    text.append('\n');
    Table table = new Table("ENDPOINT", "HOSTNAME", "WAVE", "STATE", "ATTEMPT", "SINCE", reason ? "REASON" : "DETAIL");
    for (DeploymentStatus d : deployments) {
      table.row(d.getEndpointId(), d.getHostname(), String.valueOf(d.getWave() + 1), d.getState().name(),
          String.valueOf(d.getAttempt()), Times.iso(d.getUpdatedAt()), CampaignStatusView.detail(d));
    }
    text.append(table.render("  "));
  }
}
