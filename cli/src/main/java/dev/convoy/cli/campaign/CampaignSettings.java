package dev.convoy.cli.campaign;

import dev.convoy.cli.campaign.options.Choices;
import dev.convoy.cli.campaign.options.HumanDuration;
import dev.convoy.cli.campaign.options.WaveSpecs;
import dev.convoy.cli.campaign.options.WindowSpecs;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.RetryPolicy;
import dev.convoy.protocol.v1.Timeouts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The settings of a campaign as {@code key value} rows: schedule, windows, notice, deferral, waves, error action,
 * timeouts, retries. Windows and waves print in the syntax {@code --window} and {@code --wave} take, so a
 * campaign can be recreated from what is shown; waves are numbered from 1, as everywhere in the CLI. Only what is
 * set is shown. Stateless.
 */
final class CampaignSettings {
  private static final int MESSAGE_WIDTH = 60;

  private CampaignSettings() {}

  static void rows(Campaign campaign, Table table) {
    optional(table, "start at", Times.instant(campaign.getStartAt()) == null ? "" : Times.iso(campaign.getStartAt()));
    optional(table, "deadline", Times.instant(campaign.getDeadline()) == null ? "" : Times.iso(campaign.getDeadline()));
    campaign.getWindowsList().forEach(w -> table.row("window", WindowSpecs.format(w)));
    if (campaign.hasNotice()) {
      var notice = campaign.getNotice();
      optional(table, "notice", notice.getTitle());
      optional(table, "message", shorten(notice.getMessage()));
      optional(table, "lead", notice.hasLeadTime() ? HumanDuration.format(notice.getLeadTime()) : "");
    }
    if (campaign.hasDeferral()) {
      var deferral = campaign.getDeferral();
      table.row("deferral", deferral.getMaxCount() == 0 ? "not allowed" : "at most " + deferral.getMaxCount()
          + " times" + (deferral.hasMaxTotal() && deferral.getMaxTotal().getSeconds() > 0
              ? ", " + HumanDuration.format(deferral.getMaxTotal()) + " in all" : ""));
    }
    for (int i = 0; i < campaign.getWavesCount(); i++) {
      table.row("wave " + (i + 1), WaveSpecs.format(campaign.getWaves(i)));
    }
    optional(table, "on error", Choices.word(campaign.getOnError()));
    optional(table, "timeouts", campaign.hasTimeouts() ? timeouts(campaign.getTimeouts()) : "");
    optional(table, "retry", campaign.hasRetry() ? retry(campaign.getRetry()) : "");
    table.row("prestage", campaign.getPrestage() ? "yes: download when notified" : "no: download in the window");
    optional(table, "preset", campaign.getPreset());
    optional(table, "rollback", campaign.getRollbackOf().isEmpty() ? "" : "of " + rollbackOf(campaign.getRollbackOf()));
  }

  /** {@code c-1#0} as the server writes it, {@code c-1 wave 1} as people count. */
  static String rollbackOf(String value) {
    int hash = value.lastIndexOf('#');
    try {
      return hash < 0 ? value : value.substring(0, hash) + " wave "
          + (Integer.parseInt(value.substring(hash + 1)) + 1);
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static String timeouts(Timeouts timeouts) {
    List<String> parts = new ArrayList<>();
    add(parts, "downloading", timeouts.hasDownloading(), timeouts.getDownloading());
    add(parts, "installing", timeouts.hasInstalling(), timeouts.getInstalling());
    add(parts, "technician", timeouts.hasAwaitingTechnician(), timeouts.getAwaitingTechnician());
    add(parts, "unresponsive", timeouts.hasUnresponsive(), timeouts.getUnresponsive());
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static String retry(RetryPolicy retry) {
    int retries = Math.max(0, retry.getMaxAttempts() - 1);
    if (retries == 0) {
      return "no retry";
    }
    String codes = retry.getRetryableExitCodesList().stream().map(String::valueOf).collect(Collectors.joining(","));
    return "up to " + retries + (retries == 1 ? " retry" : " retries")
        + (retry.hasBackoff() ? ", backoff " + HumanDuration.format(retry.getBackoff()) + " doubling" : "")
        + (codes.isEmpty() ? "" : ", exit codes " + codes);
  }

  private static void add(List<String> parts, String name, boolean set, com.google.protobuf.Duration value) {
    if (set && (value.getSeconds() > 0 || value.getNanos() > 0)) {
      parts.add(name + " " + HumanDuration.format(value));
    }
  }

  private static String shorten(String message) {
    String line = message.replaceAll("\\s+", " ").strip();
    return line.codePointCount(0, line.length()) <= MESSAGE_WIDTH ? line
        : line.substring(0, line.offsetByCodePoints(0, MESSAGE_WIDTH - 1)) + "…";
  }

  private static void optional(Table table, String key, String value) {
    if (value != null && !value.isEmpty() && !value.equals("-")) {
      table.row(key, value);
    }
  }
}
