package dev.convoy.cli.campaign;

import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.ProgressBar;
import dev.convoy.cli.output.Table;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The human view of a {@link CampaignStatus}: a header, the counts per state, a progress bar, and one row per
 * endpoint. {@link #progressLine} is the one-line form printed per update when stdout is not a terminal.
 */
public final class CampaignStatusView {
  static final int BAR_WIDTH = 30;

  private CampaignStatusView() {}

  /** The full view, ending with a newline. */
  public static String render(CampaignStatus status) {
    var campaign = status.getCampaign();
    StringBuilder text = new StringBuilder()
        .append("Campaign ").append(campaign.getCampaignId())
        .append(campaign.getTitle().isEmpty() ? "" : ": " + campaign.getTitle()).append('\n')
        .append("  release ").append(CampaignView.release(campaign.getRelease()))
        .append("   targets ").append(TargetsParser.format(campaign.getTargets()))
        .append("   state ").append(campaign.getState().name()).append('\n')
        .append("  ").append(progress(status)).append('\n')
        .append("  states  ").append(counts(status)).append("\n\n");
    if (status.getDeploymentsCount() == 0) {
      return text.append("No endpoints targeted.\n").toString();
    }
    Table table = new Table("ENDPOINT", "HOSTNAME", "STATE", "ATTEMPT", "DETAIL");
    for (DeploymentStatus deployment : status.getDeploymentsList()) {
      table.row(deployment.getEndpointId(), deployment.getHostname(), deployment.getState().name(),
          String.valueOf(deployment.getAttempt()), detail(deployment));
    }
    return text.append(table.render()).toString();
  }

  /**
   * {@code endpoint_id,hostname,state,attempt,exit_code,detail}: one record per endpoint, the detail as the agent
   * sent it.
   */
  public static String csv(CampaignStatus status) {
    Csv csv = new Csv("endpoint_id", "hostname", "state", "attempt", "exit_code", "detail");
    for (DeploymentStatus deployment : status.getDeploymentsList()) {
      csv.row(deployment.getEndpointId(), deployment.getHostname(), deployment.getState().name(),
          String.valueOf(deployment.getAttempt()), String.valueOf(deployment.getExitCode()), deployment.getDetail());
    }
    return csv.render();
  }

  /** {@code c-1 RUNNING [###---] 1/3 succeeded, 0 failed, 2 in progress (33%)}. */
  public static String progressLine(CampaignStatus status) {
    return status.getCampaign().getCampaignId() + " " + status.getCampaign().getState().name() + " " + progress(status);
  }

  static String progress(CampaignStatus status) {
    int succeeded = Math.max(0, status.getSucceeded());
    int failed = Math.max(0, status.getFailed());
    int total = Math.max(status.getTotal(), succeeded + failed); // never let a server glitch break the display
    return ProgressBar.render(succeeded, failed, total, BAR_WIDTH) + "  "
        + succeeded + "/" + total + " succeeded, " + failed + " failed, "
        + status.getInProgress() + " in progress (" + ProgressBar.percent(succeeded + failed, total) + "% done)";
  }

  /** {@code PENDING 1, DOWNLOADING 1, SUCCEEDED 2} in the order of the deployment state machine. */
  static String counts(CampaignStatus status) {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(status.getCountsMap().entrySet());
    entries.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> order(e.getKey()))
        .thenComparing(Map.Entry::getKey));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : entries) {
      if (entry.getValue() != 0) {
        parts.add(entry.getKey() + " " + entry.getValue());
      }
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  private static int order(String state) {
    try {
      return DeploymentState.valueOf(state).getNumber();
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE; // a state newer than this CLI: last, by name
    }
  }

  /** The agent's detail, with the exit code when the installer returned one other than 0. */
  static String detail(DeploymentStatus deployment) {
    String exit = deployment.getExitCode() != 0 ? "exit code " + deployment.getExitCode() : "";
    // One row per endpoint, whatever the agent sent.
    String text = deployment.getDetail().replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return exit;
    }
    return exit.isEmpty() ? text : text + " (" + exit + ")";
  }
}
