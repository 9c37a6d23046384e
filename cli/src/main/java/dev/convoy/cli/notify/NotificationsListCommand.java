package dev.convoy.cli.notify;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.ListNotificationsRequest;
import dev.convoy.protocol.v1.ListNotificationsResponse;
import dev.convoy.protocol.v1.OutboxNotification;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code convoy notifications list [--failed] [--campaign ID]}: what is still to be delivered (with its attempts and
 * last error) and the dead letters, oldest first. Delivered events are not kept.
 */
@Command(name = "list", description = {"Lists undelivered notifications, oldest first: pending ones (with their "
    + "attempts, next attempt and last error) and dead letters.", "Delivered ones are not kept."})
public final class NotificationsListCommand extends CliCommand {
  @Option(names = "--failed", description = "Only dead letters: refused by the receiver, or failing past the "
      + "retry policy's maximum age.")
  private boolean failed;

  @Option(names = "--campaign", paramLabel = "ID", description = "Only this campaign's notifications.")
  private String campaignId = "";

  @Mixin
  private OutputOption output;

  NotificationsListCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    var format = output.format();
    ListNotificationsResponse.Builder all = ListNotificationsResponse.newBuilder();
    long after = 0;
    do {
      ListNotificationsResponse page = context.admin().listNotifications(ListNotificationsRequest.newBuilder()
          .setFailedOnly(failed).setCampaignId(campaignId).setAfterId(after).build());
      all.addAllNotifications(page.getNotificationsList());
      after = page.getNextAfterId();
    } while (after != 0);
    context.out().print(switch (format) {
      case JSON -> Json.pretty(all) + "\n";
      case CSV -> csv(all.build());
      case TABLE -> table(all.build(), context.clock().instant());
    });
    return ExitCodes.OK;
  }

  static String table(ListNotificationsResponse response, Instant now) {
    if (response.getNotificationsCount() == 0) {
      return "No undelivered notifications.\n";
    }
    Table table = new Table("ID", "STATUS", "KIND", "CAMPAIGN", "DESTINATION", "ATTEMPTS", "NEXT / DEAD", "ERROR");
    for (OutboxNotification n : response.getNotificationsList()) {
      table.row(String.valueOf(n.getId()), n.getDead() ? "dead" : "pending", n.getKind(), n.getCampaignId(),
          n.getDestination(), String.valueOf(n.getAttempts()), n.getDead() ? Times.iso(n.getDeadAt())
              : Times.relative(Times.instant(n.getNextAttemptAt()), now), Table.oneLine(n.getLastError()));
    }
    long dead = response.getNotificationsList().stream().filter(OutboxNotification::getDead).count();
    return table.render() + response.getNotificationsCount() + " undelivered, " + dead + " dead"
        + (dead > 0 ? " (convoy notifications retry ID once the receiver is fixed)" : "") + "\n";
  }

  static String csv(ListNotificationsResponse response) {
    Csv csv = new Csv("id", "event_id", "kind", "campaign_id", "destination", "dead", "attempts", "occurred_at",
        "next_attempt_at", "dead_at", "last_error", "summary");
    for (OutboxNotification n : response.getNotificationsList()) {
      csv.row(String.valueOf(n.getId()), n.getEventId(), n.getKind(), n.getCampaignId(), n.getDestination(),
          String.valueOf(n.getDead()), String.valueOf(n.getAttempts()), Times.exact(n.getOccurredAt()),
          Times.exact(n.getNextAttemptAt()), Times.exact(n.getDeadAt()), n.getLastError(), n.getSummary());
    }
    return csv.render();
  }
}
