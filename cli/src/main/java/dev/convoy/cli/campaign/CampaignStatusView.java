package dev.convoy.cli.campaign;

import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.ProgressBar;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignStatus;
import dev.convoy.protocol.v1.DeploymentState;
import dev.convoy.protocol.v1.DeploymentStatus;
import dev.convoy.protocol.v1.Rollout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The human view of a {@link CampaignStatus}: a header (state and reason, axes, current wave, next window, pending
 * notices), the counts per state, a progress bar, the waves ({@link WaveView}), and one row per endpoint.
 * {@link #progressLine} is the one-line form printed per change when stdout is not a terminal. Stateless.
 */
public final class CampaignStatusView {
  static final int BAR_WIDTH = 30;

  private CampaignStatusView() {}

  /** The full view, ending with a newline. */
  public static String render(CampaignStatus status) {
    Campaign campaign = status.getCampaign();
    StringBuilder text = new StringBuilder()
        .append("Campaign ").append(campaign.getCampaignId())
        .append(campaign.getTitle().isEmpty() ? "" : ": " + campaign.getTitle()).append('\n')
        .append("  release ").append(CampaignView.release(campaign.getRelease()))
        .append("   targets ").append(TargetsParser.format(campaign.getTargets()))
        .append("   state ").append(CampaignView.state(campaign)).append('\n')
        .append(campaign.getApprovalState().isEmpty() ? "" : "  approval " + campaign.getApprovalState() + "\n")
        .append("  ").append(plan(status)).append('\n')
        .append("  ").append(progress(status)).append('\n')
        .append("  states  ").append(counts(status)).append("\n\n");
    if (status.getWavesCount() > 0) {
      text.append(WaveView.render(campaign, status.getWavesList())).append('\n');
    }
    if (status.getDeploymentsCount() == 0) {
      return text.append("No endpoints targeted.\n").toString();
    }
    boolean waves = phased(status);
    Table table = waves ? new Table("ENDPOINT", "HOSTNAME", "WAVE", "STATE", "ATTEMPT", "DETAIL")
        : new Table("ENDPOINT", "HOSTNAME", "STATE", "ATTEMPT", "DETAIL");
    for (DeploymentStatus deployment : status.getDeploymentsList()) {
      List<String> row = new ArrayList<>(List.of(deployment.getEndpointId(), deployment.getHostname()));
      if (waves) {
        row.add(String.valueOf(deployment.getWave() + 1));
      }
      row.addAll(List.of(deployment.getState().name(), String.valueOf(deployment.getAttempt()), detail(deployment)));
      table.row(row.toArray(String[]::new));
    }
    return text.append(table.render()).toString();
  }

  /**
   * {@code endpoint_id,hostname,state,attempt,exit_code,detail,wave,notice_delivered_at,deferred_until,
   * next_attempt_at,timed_out}: one record per endpoint, the detail as the agent sent it, the wave from 1.
   */
  public static String csv(CampaignStatus status) {
    Csv csv = new Csv("endpoint_id", "hostname", "state", "attempt", "exit_code", "detail", "wave",
        "notice_delivered_at", "deferred_until", "next_attempt_at", "timed_out");
    for (DeploymentStatus d : status.getDeploymentsList()) {
      csv.row(d.getEndpointId(), d.getHostname(), d.getState().name(), String.valueOf(d.getAttempt()),
          String.valueOf(d.getExitCode()), d.getDetail(), String.valueOf(d.getWave() + 1),
          Times.exact(d.getNoticeDeliveredAt()), Times.exact(d.getDeferredUntil()), Times.exact(d.getNextAttemptAt()),
          String.valueOf(d.getTimedOut()));
    }
    return csv.render();
  }

  /**
   * {@code c-1 RUNNING [###---] 1/3 succeeded, 0 failed, 2 in progress (33% done)}; a phased campaign adds its
   * current wave ({@code wave 2/3 broad OPEN}), a paused one its reason.
   */
  public static String progressLine(CampaignStatus status) {
    Campaign campaign = status.getCampaign();
    String wave = phased(status) ? WaveView.current(status.getWavesList(), campaign.getCurrentWave()) + " " : "";
    return campaign.getCampaignId() + " " + CampaignView.state(campaign) + " " + wave + progress(status);
  }

  /** {@code push / phased / automatic   wave 2/3 broad   next window ...   notices pending 3}. */
  static String plan(CampaignStatus status) {
    Campaign campaign = status.getCampaign();
    StringBuilder line = new StringBuilder(CampaignView.axes(campaign));
    if (phased(status)) {
      line.append("   ").append(WaveView.current(status.getWavesList(), campaign.getCurrentWave()));
    }
    if (Times.instant(status.getNextWindowStart()) != null) {
      line.append("   next window ").append(Times.iso(status.getNextWindowStart()));
    }
    if (status.getPendingNotices() > 0) {
      line.append("   notices pending ").append(status.getPendingNotices());
    }
    return line.toString();
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
    return counts(status.getCountsMap());
  }

  /** The counts of a state → count map, in the order of the deployment state machine, zeros left out. */
  static String counts(Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
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

  /** The agent's detail, the exit code when not 0, and what the server knows: deferral, next attempt, timeout. */
  static String detail(DeploymentStatus deployment) {
    List<String> parts = new ArrayList<>();
    if (deployment.getTimedOut() && !deployment.getDetail().contains("timed out")) {
      parts.add("timed out");
    }
    // One row per endpoint, whatever the agent sent.
    String text = deployment.getDetail().replaceAll("\\s+", " ").strip();
    String exit = deployment.getExitCode() == 0 ? "" : "exit code " + deployment.getExitCode();
    String agent = text.isEmpty() ? exit : exit.isEmpty() ? text : text + " (" + exit + ")";
    if (!agent.isEmpty()) {
      parts.add(agent);
    }
    if (deployment.getState() == DeploymentState.DEFERRED && Times.instant(deployment.getDeferredUntil()) != null) {
      parts.add("deferred until " + Times.iso(deployment.getDeferredUntil()));
    }
    if (Times.instant(deployment.getNextAttemptAt()) != null) {
      parts.add("next attempt " + Times.iso(deployment.getNextAttemptAt()));
    }
    return String.join(", ", parts);
  }

  private static boolean phased(CampaignStatus status) {
    return status.getCampaign().getRollout() == Rollout.PHASED || status.getWavesCount() > 1;
  }

  private static int order(String state) {
    try {
      return DeploymentState.valueOf(state).getNumber();
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE; // a state newer than this CLI: last, by name
    }
  }
}
